package cn.kexie.capability.organisation;

import java.util.ArrayList;
import java.util.List;

/** One organisation of the register (学会名录), with its yearly records. */
public class Organisation {

    private Long id;
    private String code;
    private String name;
    private String cityCode;
    private OrganisationType type = OrganisationType.MUNICIPAL_SOCIETY;
    private int rating;
    private boolean managementStandard;
    private boolean hasSecretary;
    private String secretaryGeneral;
    private boolean financeSound;
    private boolean independentBankAccount;
    private boolean dedicatedFinanceStaff;
    private boolean hasPartyBranch;
    private GroupMembership groupMember = GroupMembership.NONE;
    private boolean registeredInProvince;
    private boolean independentLegalPerson;
    private boolean aboveScaleOrHighTech;
    private boolean hasRdTeam;
    private boolean hasStation;
    private boolean hasWebsiteAndMemberDb;
    private String contactName;
    private String contactPhone;
    private String bankName;
    private String bankAccountName;
    private String bankAccountNo;
    private int version;
    private List<YearResult> inspections = new ArrayList<>();
    private List<YearResult> assessments = new ArrayList<>();
    private List<Commendation> commendations = new ArrayList<>();
    private List<Violation> violations = new ArrayList<>();
    private List<Sanction> sanctions = new ArrayList<>();

    /** 年检 or 绩效考核 of one year. */
    public record YearResult(int year, boolean passed) {
    }

    /** 表彰; level MUNICIPAL, PROVINCIAL or NATIONAL. */
    public record Commendation(int year, String level, String title) {
    }

    /** kind VIOLATION (违纪违法), PENALTY (通报批评或处罚) or ENTRUSTED_WORK_FAILURE (未完成交办工作). */
    public record Violation(int year, String kind, String description) {
    }

    /** A finding and the years in which the programme refuses the organisation's applications. */
    public record Sanction(String programmeCode, String finding, int findingYear, Integer banFromYear,
            Integer banUntilYear, String applicationNumber, String note) {

        public boolean bans(String programme, int year) {
            return programmeCode.equals(programme) && banFromYear != null && banUntilYear != null
                    && banFromYear <= year && year <= banUntilYear;
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCityCode() { return cityCode; }
    public void setCityCode(String cityCode) { this.cityCode = cityCode; }
    public OrganisationType getType() { return type; }
    public void setType(OrganisationType type) { this.type = type; }
    public int getRating() { return rating; }
    public void setRating(int rating) { this.rating = rating; }
    public boolean isManagementStandard() { return managementStandard; }
    public void setManagementStandard(boolean value) { this.managementStandard = value; }
    public boolean isHasSecretary() { return hasSecretary; }
    public void setHasSecretary(boolean value) { this.hasSecretary = value; }
    public String getSecretaryGeneral() { return secretaryGeneral; }
    public void setSecretaryGeneral(String value) { this.secretaryGeneral = value; }
    public boolean isFinanceSound() { return financeSound; }
    public void setFinanceSound(boolean value) { this.financeSound = value; }
    public boolean isIndependentBankAccount() { return independentBankAccount; }
    public void setIndependentBankAccount(boolean value) { this.independentBankAccount = value; }
    public boolean isDedicatedFinanceStaff() { return dedicatedFinanceStaff; }
    public void setDedicatedFinanceStaff(boolean value) { this.dedicatedFinanceStaff = value; }
    public boolean isHasPartyBranch() { return hasPartyBranch; }
    public void setHasPartyBranch(boolean value) { this.hasPartyBranch = value; }
    public GroupMembership getGroupMember() { return groupMember; }
    public void setGroupMember(GroupMembership value) { this.groupMember = value; }
    public boolean isRegisteredInProvince() { return registeredInProvince; }
    public void setRegisteredInProvince(boolean value) { this.registeredInProvince = value; }
    public boolean isIndependentLegalPerson() { return independentLegalPerson; }
    public void setIndependentLegalPerson(boolean value) { this.independentLegalPerson = value; }
    public boolean isAboveScaleOrHighTech() { return aboveScaleOrHighTech; }
    public void setAboveScaleOrHighTech(boolean value) { this.aboveScaleOrHighTech = value; }
    public boolean isHasRdTeam() { return hasRdTeam; }
    public void setHasRdTeam(boolean value) { this.hasRdTeam = value; }
    public boolean isHasStation() { return hasStation; }
    public void setHasStation(boolean value) { this.hasStation = value; }
    public boolean isHasWebsiteAndMemberDb() { return hasWebsiteAndMemberDb; }
    public void setHasWebsiteAndMemberDb(boolean value) { this.hasWebsiteAndMemberDb = value; }
    public String getContactName() { return contactName; }
    public void setContactName(String value) { this.contactName = value; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String value) { this.contactPhone = value; }
    public String getBankName() { return bankName; }
    public void setBankName(String value) { this.bankName = value; }
    public String getBankAccountName() { return bankAccountName; }
    public void setBankAccountName(String value) { this.bankAccountName = value; }
    public String getBankAccountNo() { return bankAccountNo; }
    public void setBankAccountNo(String value) { this.bankAccountNo = value; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public List<YearResult> getInspections() { return inspections; }
    public void setInspections(List<YearResult> value) { this.inspections = new ArrayList<>(value); }
    public List<YearResult> getAssessments() { return assessments; }
    public void setAssessments(List<YearResult> value) { this.assessments = new ArrayList<>(value); }
    public List<Commendation> getCommendations() { return commendations; }
    public void setCommendations(List<Commendation> value) { this.commendations = new ArrayList<>(value); }
    public List<Violation> getViolations() { return violations; }
    public void setViolations(List<Violation> value) { this.violations = new ArrayList<>(value); }
    public List<Sanction> getSanctions() { return sanctions; }
    public void setSanctions(List<Sanction> value) { this.sanctions = new ArrayList<>(value); }

    /** The account the society is paid to (开户银行, 户名, 账号), as the register holds it. */
    public record BankAccount(String bankName, String accountName, String accountNo) {
    }

    /** The society's bank account, if the register has one. */
    public java.util.Optional<BankAccount> bankAccount() {
        return blank(bankName) || blank(bankAccountName) || blank(bankAccountNo) ? java.util.Optional.empty()
                : java.util.Optional.of(new BankAccount(bankName, bankAccountName, bankAccountNo));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean inspectionPassed(int year) {
        return inspections.stream().anyMatch(r -> r.year() == year && r.passed());
    }

    public boolean assessmentPassed(int year) {
        return assessments.stream().anyMatch(r -> r.year() == year && r.passed());
    }
}
