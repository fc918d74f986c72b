package cn.kexie.capability;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.security.Roles;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** Societies of the register made for a test, each with an applicant account, as the office registers them. */
public final class TestSocieties {

    private TestSocieties() {
    }

    /** The applicant's user id of the society with the code: the code in lower case. */
    public static String applicantOf(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    /** Whether the society's applicant account exists already (societies are made once per database). */
    public static boolean exists(IdentityService identity, String code) {
        return identity.createUserQuery().userId(applicantOf(code)).count() > 0;
    }

    /**
     * Saves the society as the office would and gives it an applicant account: its organisation
     * group and a member in the applicant role. Returns the applicant's user id.
     */
    public static String register(IdentityService identity, OrganisationService organisations, Organisation org) {
        AsUser.run(identity, "office", () -> organisations.save(org));
        String group = Roles.organisationGroup(org.getCode());
        Group g = identity.newGroup(group);
        g.setName(org.getName());
        g.setType(Roles.ORGANISATION_GROUP_TYPE);
        identity.saveGroup(g);
        String userId = applicantOf(org.getCode());
        User u = identity.newUser(userId);
        u.setFirstName(org.getName());
        u.setPassword("Not-a-demo-password-1");
        identity.saveUser(u);
        identity.createMembership(userId, Roles.APPLICANT);
        identity.createMembership(userId, group);
        return userId;
    }

    /**
     * A Chenzhou municipal society in good standing: rated 4, managed to standard with a secretary
     * general, sound finances with its own account and staff, a party branch, inspected and assessed
     * in the last two years.
     */
    public static Organisation chenzhouInGoodStanding(String code, String name, String bankAccountNo) {
        int year = PlatformClock.today().getYear();
        Organisation org = society(code, name, "CHENZHOU", 4, "中国银行郴州分行", bankAccountNo);
        org.setContactName("联系人");
        org.setContactPhone("0735-2200000");
        org.setSecretaryGeneral("秘书长");
        org.setIndependentBankAccount(true);
        org.setDedicatedFinanceStaff(true);
        org.setHasPartyBranch(true);
        org.setInspections(List.of(new Organisation.YearResult(year - 2, true), new Organisation.YearResult(year - 1, true)));
        org.setAssessments(List.of(new Organisation.YearResult(year - 2, true), new Organisation.YearResult(year - 1, true)));
        return org;
    }

    /** A Xuzhou municipal society in good standing, rated 5A, inspected in the two years before {@code year}. */
    public static Organisation xuzhouRated5A(String code, String name, int year, String bankAccountNo) {
        Organisation org = society(code, name, "XUZHOU", 5, "中国银行徐州分行", bankAccountNo);
        org.setInspections(List.of(new Organisation.YearResult(year - 2, true), new Organisation.YearResult(year - 1, true)));
        return org;
    }

    private static Organisation society(String code, String name, String city, int rating, String bank, String accountNo) {
        Organisation org = new Organisation();
        org.setCode(code);
        org.setName(name);
        org.setCityCode(city);
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        org.setRating(rating);
        org.setManagementStandard(true);
        org.setHasSecretary(true);
        org.setFinanceSound(true);
        org.setBankName(bank);
        org.setBankAccountName(name);
        org.setBankAccountNo(accountNo);
        return org;
    }
}
