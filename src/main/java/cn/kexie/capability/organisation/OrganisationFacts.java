package cn.kexie.capability.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of the register that decision tables read, derived for one application year and
 * programme. Only facts here: what they mean for eligibility is decided in the DMN tables.
 */
public final class OrganisationFacts {

    /**
     * 近五年: five whole years back from the year of application (the five years before it), as
     * 前两年度 counts the two years before it; a commendation of the application year itself is not yet
     * a whole year's record.
     */
    static final int COMMENDATION_YEARS_BACK = 5;

    private OrganisationFacts() {
    }

    public static Map<String, Object> of(Organisation org, int year, String programmeCode) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("applicantType", org.getType().name());
        facts.put("rating", org.getRating());
        facts.put("inspectionPassedLastYear", org.inspectionPassed(year - 1));
        facts.put("inspectionPassedTwoYears", org.inspectionPassed(year - 1) && org.inspectionPassed(year - 2));
        facts.put("performancePassed", org.assessmentPassed(year - 1) && org.assessmentPassed(year - 2));
        facts.put("managementStandard", org.isManagementStandard());
        facts.put("hasSecretary", org.isHasSecretary());
        facts.put("commendedWithinFiveYears", org.getCommendations().stream()
                .anyMatch(c -> "MUNICIPAL".equals(c.level())
                        && c.year() >= year - COMMENDATION_YEARS_BACK && c.year() < year));
        facts.put("financeSound", org.isFinanceSound());
        facts.put("independentBankAccount", org.isIndependentBankAccount());
        facts.put("dedicatedFinanceStaff", org.isDedicatedFinanceStaff());
        facts.put("hasPartyBranch", org.isHasPartyBranch());
        // how long ago, not whether: how many years back a record still counts is the table's rule
        facts.put("violationYearsAgo", yearsAgo(org, "VIOLATION", year));
        facts.put("penaltyYearsAgo", yearsAgo(org, "PENALTY", year));
        facts.put("entrustedWorkFailureYearsAgo", yearsAgo(org, "ENTRUSTED_WORK_FAILURE", year));
        facts.put("banned", org.getSanctions().stream().anyMatch(s -> s.bans(programmeCode, year)));
        facts.put("integrityGood", org.getSanctions().stream().noneMatch(s -> "FRAUD".equals(s.finding())));
        facts.put("registeredInProvince", org.isRegisteredInProvince());
        facts.put("independentLegalPerson", org.isIndependentLegalPerson());
        facts.put("aboveScaleOrHighTech", org.isAboveScaleOrHighTech());
        facts.put("hasRdTeam", org.isHasRdTeam());
        facts.put("hasStation", org.isHasStation());
        facts.put("groupMember", org.getGroupMember() != GroupMembership.NONE);
        facts.put("hasWebsiteAndMemberDb", org.isHasWebsiteAndMemberDb());
        return facts;
    }

    /**
     * Years from the latest record of the kind up to the application year (0: that year itself); null when
     * the register holds none up to that year.
     */
    private static Integer yearsAgo(Organisation org, String kind, int year) {
        return org.getViolations().stream()
                .filter(v -> kind.equals(v.kind()) && v.year() <= year)
                .map(v -> year - v.year())
                .min(Integer::compare).orElse(null);
    }
}
