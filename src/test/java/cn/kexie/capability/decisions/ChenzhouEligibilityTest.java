package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.reasons;
import static cn.kexie.capability.decisions.DecisionTables.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code chenzhou-eligibility}: seed 002 section 六, every category and applicant type. */
class ChenzhouEligibilityTest {

    private static final String TABLE = "chenzhou-eligibility";

    private static final String DEMO = "COMPREHENSIVE_DEMO";
    private static final String ACADEMIC = "ACADEMIC_EXCHANGE";
    private static final String SOCIAL = "SOCIAL_SERVICE";
    private static final String CONSULTING = "DECISION_CONSULTING";
    private static final String COUNTY = "COUNTY_CAPACITY";
    private static final List<String> OTHER_CATEGORIES = List.of(ACADEMIC, SOCIAL, CONSULTING, COUNTY);

    private static final String MUNICIPAL = "MUNICIPAL_SOCIETY";
    private static final String UNIVERSITY = "UNIVERSITY_ASSOCIATION";
    private static final String COUNTY_ASSOCIATION = "COUNTY_ASSOCIATION";
    private static final String GRASSROOTS = "GRASSROOTS_ASSOCIATION";
    private static final String ENTERPRISE_ASSOCIATION = "ENTERPRISE_ASSOCIATION";
    private static final String SCIENTIST = "SCIENTIST";
    private static final List<String> APPLICANT_TYPES =
            List.of(MUNICIPAL, UNIVERSITY, COUNTY_ASSOCIATION, GRASSROOTS, ENTERPRISE_ASSOCIATION, SCIENTIST);

    /** Who may apply for which category (seed 002 四 and 五.1). */
    private static final Map<String, List<String>> OPEN_TO = new LinkedHashMap<>();

    static {
        OPEN_TO.put(DEMO, List.of(MUNICIPAL));
        OPEN_TO.put(ACADEMIC, List.of(MUNICIPAL, UNIVERSITY));
        OPEN_TO.put(SOCIAL, List.of(MUNICIPAL, UNIVERSITY));
        OPEN_TO.put(CONSULTING, List.of(MUNICIPAL, UNIVERSITY, COUNTY_ASSOCIATION, GRASSROOTS,
                ENTERPRISE_ASSOCIATION, SCIENTIST));
        OPEN_TO.put(COUNTY, List.of(COUNTY_ASSOCIATION));
    }

    static final String UNKNOWN_CATEGORY = "申报类别不在本计划内：可申报综合示范学会、学术交流和重点活动、社会化服务、决策咨询和课题调研、引领县级学会能力提升五类项目";
    private static final Map<String, String> NOT_OPEN = Map.of(
            DEMO, "“综合示范学会”项目仅限市科协所属学会、协会、研究会（市级学会）申报",
            ACADEMIC, "“学术交流和重点活动”项目仅限市级学会和高校科协申报",
            SOCIAL, "“社会化服务”项目仅限市级学会和高校科协申报",
            CONSULTING, "“决策咨询和课题调研”项目面向市级学会、高校科协、县市区科协、基层科协（含企事业科协）和科技工作者，其他单位不能申报",
            COUNTY, "“引领县级学会能力提升”项目仅限县市区科协申报");
    static final String VIOLATION = "有违纪违法行为的，申报不予受理";
    static final String PENALISED = "因违反国家相关规定受到相关部门通报批评或处罚的，申报不予受理";
    static final String FAILED_ENTRUSTED_WORK = "未按要求完成市科协交办的有关工作或委托的项目的，申报不予受理；请先完成交办工作或委托项目";
    static final String BANNED = "因弄虚作假、虚报业绩或项目考核验收不合格，正处于取消申报资格期内，期满后方可申报";
    static final String DEMO_INSPECTION = "申报前连续两年社团年检须合格（近两年年检记录不全或不合格）";
    static final String MANAGEMENT = "内部管理须规范、组织领导有力、活动正常";
    static final String SECRETARY = "须有较强执行力的秘书长（或副秘书长、专兼职工作人员）";
    static final String COMMENDATION = "近五年内须获得过市级学会工作先进表彰（未查到近五年的市级表彰记录）";
    static final String FINANCE = "财务资产制度须健全、管理规范";
    static final String DEMO_BANK_ACCOUNT = "须有学会独立的银行帐号";
    static final String FINANCE_STAFF = "须有专门的财务管理人员";
    static final String PARTY_BRANCH = "须建立学会党支部，并按要求开展支部各项活动";
    static final String MUNICIPAL_INSPECTION = "市级学会申报前连续两年社团年检须合格（近两年年检记录不全或不合格）";
    static final String MUNICIPAL_PERFORMANCE = "市级学会申报前连续两年年度绩效考核须合格（近两年绩效考核记录不全或不合格）";
    static final String MUNICIPAL_BANK_ACCOUNT = "市级学会须有独立的银行帐号";
    static final String MUNICIPAL_FINANCE_STAFF = "市级学会须有专门的财务管理人员";

    /** An applicant that meets every condition of every category. */
    static Map<String, Object> allGood(String category, String applicantType) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("category", category);
        facts.put("applicantType", applicantType);
        for (String fact : List.of("inspectionPassedTwoYears", "performancePassed", "managementStandard", "hasSecretary",
                "commendedWithinFiveYears", "financeSound", "independentBankAccount", "dedicatedFinanceStaff",
                "hasPartyBranch")) {
            facts.put(fact, true);
        }
        for (String fact : List.of("violationYearsAgo", "penaltyYearsAgo", "entrustedWorkFailureYearsAgo")) {
            facts.put(fact, null);
        }
        facts.put("banned", false);
        return facts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesExactlyTheReasonsOfTheUnmetConditions(String name, Map<String, Object> facts, List<String> expected) {
        assertThat(reasons(TABLE, facts)).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();

        // every category against every applicant type, all conditions met
        OPEN_TO.forEach((category, openTo) -> {
            for (String type : APPLICANT_TYPES) {
                if (openTo.contains(type)) {
                    cases.add(arguments(category + " · " + type + " · all conditions met → eligible",
                            allGood(category, type), List.of()));
                } else {
                    cases.add(arguments(category + " · " + type + " · may not apply → one reason",
                            allGood(category, type), List.of(NOT_OPEN.get(category))));
                }
            }
            cases.add(arguments(category + " · unknown applicant type FOUNDATION → may not apply",
                    allGood(category, "FOUNDATION"), List.of(NOT_OPEN.get(category))));
        });
        cases.add(arguments("unknown category YOUTH_TALENT → unknown category",
                allGood("YOUTH_TALENT", MUNICIPAL), List.of(UNKNOWN_CATEGORY)));
        cases.add(arguments("no category → unknown category", allGood(null, MUNICIPAL), List.of(UNKNOWN_CATEGORY)));

        // 六（三）and 七: not accepted at all, in every category
        OPEN_TO.forEach((category, openTo) -> {
            String type = openTo.get(0);
            cases.add(arguments(category + " · violation → not accepted",
                    with(allGood(category, type), "violationYearsAgo", 0), List.of(VIOLATION)));
            cases.add(arguments(category + " · criticised or penalised → not accepted",
                    with(allGood(category, type), "penaltyYearsAgo", 0), List.of(PENALISED)));
            cases.add(arguments(category + " · failed entrusted work → not accepted",
                    with(allGood(category, type), "entrustedWorkFailureYearsAgo", 0), List.of(FAILED_ENTRUSTED_WORK)));
            cases.add(arguments(category + " · banned by an earlier sanction → not accepted",
                    with(allGood(category, type), "banned", true), List.of(BANNED)));
        });
        // how far back a record counts: the table's default window, the application year and the two before it
        for (int yearsAgo : new int[] {1, 2}) {
            cases.add(arguments("violation " + yearsAgo + " year(s) before → still counts (default window 0..2)",
                    with(allGood(DEMO, MUNICIPAL), "violationYearsAgo", yearsAgo), List.of(VIOLATION)));
            cases.add(arguments("penalty " + yearsAgo + " year(s) before → still counts",
                    with(allGood(DEMO, MUNICIPAL), "penaltyYearsAgo", yearsAgo), List.of(PENALISED)));
            cases.add(arguments("failed entrusted work " + yearsAgo + " year(s) before → still counts",
                    with(allGood(DEMO, MUNICIPAL), "entrustedWorkFailureYearsAgo", yearsAgo), List.of(FAILED_ENTRUSTED_WORK)));
        }
        cases.add(arguments("violation, penalty and failed work 3 years before → out of the window, eligible",
                with(allGood(DEMO, MUNICIPAL), "violationYearsAgo", 3, "penaltyYearsAgo", 3, "entrustedWorkFailureYearsAgo", 3),
                List.of()));
        cases.add(arguments("DECISION_CONSULTING · SCIENTIST · violation → not accepted (applies to individuals too)",
                with(allGood(CONSULTING, SCIENTIST), "violationYearsAgo", 0), List.of(VIOLATION)));
        cases.add(arguments("DECISION_CONSULTING · SCIENTIST · banned → not accepted",
                with(allGood(CONSULTING, SCIENTIST), "banned", true), List.of(BANNED)));
        cases.add(arguments("no violation, penalty, failure or ban recorded (null) → eligible",
                with(allGood(DEMO, MUNICIPAL), "banned", null), List.of()));

        // 六（一）: comprehensive demonstration society
        Map<String, Object> demo = allGood(DEMO, MUNICIPAL);
        cases.add(arguments("COMPREHENSIVE_DEMO · inspection not passed in both prior years",
                with(demo, "inspectionPassedTwoYears", false), List.of(DEMO_INSPECTION)));
        cases.add(arguments("COMPREHENSIVE_DEMO · management not standard",
                with(demo, "managementStandard", false), List.of(MANAGEMENT)));
        cases.add(arguments("COMPREHENSIVE_DEMO · no capable secretary-general",
                with(demo, "hasSecretary", false), List.of(SECRETARY)));
        cases.add(arguments("COMPREHENSIVE_DEMO · no municipal commendation within five years",
                with(demo, "commendedWithinFiveYears", false), List.of(COMMENDATION)));
        cases.add(arguments("COMPREHENSIVE_DEMO · finance not sound",
                with(demo, "financeSound", false), List.of(FINANCE)));
        cases.add(arguments("COMPREHENSIVE_DEMO · no independent bank account",
                with(demo, "independentBankAccount", false), List.of(DEMO_BANK_ACCOUNT)));
        cases.add(arguments("COMPREHENSIVE_DEMO · no dedicated finance staff",
                with(demo, "dedicatedFinanceStaff", false), List.of(FINANCE_STAFF)));
        cases.add(arguments("COMPREHENSIVE_DEMO · no party branch",
                with(demo, "hasPartyBranch", false), List.of(PARTY_BRANCH)));
        cases.add(arguments("COMPREHENSIVE_DEMO · performance assessment failed → not a condition of this category",
                with(demo, "performancePassed", false), List.of()));

        // a required fact that is not recorded (null) counts as unmet
        Map<String, String> demoConditions = new LinkedHashMap<>();
        demoConditions.put("inspectionPassedTwoYears", DEMO_INSPECTION);
        demoConditions.put("managementStandard", MANAGEMENT);
        demoConditions.put("hasSecretary", SECRETARY);
        demoConditions.put("commendedWithinFiveYears", COMMENDATION);
        demoConditions.put("financeSound", FINANCE);
        demoConditions.put("independentBankAccount", DEMO_BANK_ACCOUNT);
        demoConditions.put("dedicatedFinanceStaff", FINANCE_STAFF);
        demoConditions.put("hasPartyBranch", PARTY_BRANCH);
        demoConditions.forEach((fact, reason) -> cases.add(arguments(
                "COMPREHENSIVE_DEMO · " + fact + " not recorded (null)", with(demo, fact, null), List.of(reason))));
        Map<String, String> municipalConditions = new LinkedHashMap<>();
        municipalConditions.put("managementStandard", MANAGEMENT);
        municipalConditions.put("hasSecretary", SECRETARY);
        municipalConditions.put("financeSound", FINANCE);
        municipalConditions.put("inspectionPassedTwoYears", MUNICIPAL_INSPECTION);
        municipalConditions.put("performancePassed", MUNICIPAL_PERFORMANCE);
        municipalConditions.put("independentBankAccount", MUNICIPAL_BANK_ACCOUNT);
        municipalConditions.put("dedicatedFinanceStaff", MUNICIPAL_FINANCE_STAFF);
        municipalConditions.forEach((fact, reason) -> cases.add(arguments(
                "ACADEMIC_EXCHANGE · MUNICIPAL_SOCIETY · " + fact + " not recorded (null)",
                with(allGood(ACADEMIC, MUNICIPAL), fact, null), List.of(reason))));

        // 六（二）: the other categories, organisational conditions for every organisation
        for (String category : OTHER_CATEGORIES) {
            for (String type : OPEN_TO.get(category)) {
                if (type.equals(SCIENTIST)) {
                    continue;
                }
                Map<String, Object> good = allGood(category, type);
                cases.add(arguments(category + " · " + type + " · management not standard",
                        with(good, "managementStandard", false), List.of(MANAGEMENT)));
                cases.add(arguments(category + " · " + type + " · no capable secretary-general",
                        with(good, "hasSecretary", false), List.of(SECRETARY)));
                cases.add(arguments(category + " · " + type + " · finance not sound",
                        with(good, "financeSound", false), List.of(FINANCE)));
                cases.add(arguments(category + " · " + type + " · no commendation, no party branch → not conditions here",
                        with(good, "commendedWithinFiveYears", false, "hasPartyBranch", false), List.of()));
            }
        }
        cases.add(arguments("DECISION_CONSULTING · SCIENTIST · organisational facts false → do not apply to individuals",
                with(allGood(CONSULTING, SCIENTIST), "managementStandard", false, "hasSecretary", false,
                        "financeSound", false, "inspectionPassedTwoYears", false, "performancePassed", false,
                        "independentBankAccount", false, "dedicatedFinanceStaff", false), List.of()));
        cases.add(arguments("DECISION_CONSULTING · SCIENTIST · organisational facts missing (null) → eligible",
                with(allGood(CONSULTING, SCIENTIST), "managementStandard", null, "hasSecretary", null,
                        "financeSound", null), List.of()));

        // 六（二）: the further conditions for municipal societies
        for (String category : List.of(ACADEMIC, SOCIAL, CONSULTING)) {
            Map<String, Object> good = allGood(category, MUNICIPAL);
            cases.add(arguments(category + " · MUNICIPAL_SOCIETY · inspection not passed in both prior years",
                    with(good, "inspectionPassedTwoYears", false), List.of(MUNICIPAL_INSPECTION)));
            cases.add(arguments(category + " · MUNICIPAL_SOCIETY · performance assessment not passed",
                    with(good, "performancePassed", false), List.of(MUNICIPAL_PERFORMANCE)));
            cases.add(arguments(category + " · MUNICIPAL_SOCIETY · no independent bank account",
                    with(good, "independentBankAccount", false), List.of(MUNICIPAL_BANK_ACCOUNT)));
            cases.add(arguments(category + " · MUNICIPAL_SOCIETY · no dedicated finance staff",
                    with(good, "dedicatedFinanceStaff", false), List.of(MUNICIPAL_FINANCE_STAFF)));
        }
        for (String[] categoryAndType : new String[][] {
                {ACADEMIC, UNIVERSITY}, {SOCIAL, UNIVERSITY}, {CONSULTING, GRASSROOTS},
                {CONSULTING, COUNTY_ASSOCIATION}, {CONSULTING, ENTERPRISE_ASSOCIATION}, {COUNTY, COUNTY_ASSOCIATION}}) {
            cases.add(arguments(categoryAndType[0] + " · " + categoryAndType[1]
                            + " · municipal-society-only conditions unmet → do not apply",
                    with(allGood(categoryAndType[0], categoryAndType[1]), "inspectionPassedTwoYears", false,
                            "performancePassed", false, "independentBankAccount", false, "dedicatedFinanceStaff", false),
                    List.of()));
        }

        // several reasons at once
        cases.add(arguments("COMPREHENSIVE_DEMO · four unmet conditions and a ban → five reasons",
                with(demo, "inspectionPassedTwoYears", false, "commendedWithinFiveYears", false,
                        "hasPartyBranch", false, "independentBankAccount", false, "banned", true),
                List.of(DEMO_INSPECTION, COMMENDATION, PARTY_BRANCH, DEMO_BANK_ACCOUNT, BANNED)));
        cases.add(arguments("SOCIAL_SERVICE · MUNICIPAL_SOCIETY · everything wrong → every reason",
                with(allGood(SOCIAL, MUNICIPAL), "inspectionPassedTwoYears", false, "performancePassed", false,
                        "managementStandard", false, "hasSecretary", false, "commendedWithinFiveYears", false,
                        "financeSound", false, "independentBankAccount", false, "dedicatedFinanceStaff", false,
                        "hasPartyBranch", false, "violationYearsAgo", 0, "penaltyYearsAgo", 0, "entrustedWorkFailureYearsAgo", 0,
                        "banned", true),
                List.of(MANAGEMENT, SECRETARY, FINANCE, MUNICIPAL_INSPECTION, MUNICIPAL_PERFORMANCE,
                        MUNICIPAL_BANK_ACCOUNT, MUNICIPAL_FINANCE_STAFF, VIOLATION, PENALISED,
                        FAILED_ENTRUSTED_WORK, BANNED)));
        cases.add(arguments("COUNTY_CAPACITY · UNIVERSITY_ASSOCIATION · wrong type, no secretary, penalised → three reasons",
                with(allGood(COUNTY, UNIVERSITY), "hasSecretary", false, "penaltyYearsAgo", 0),
                List.of(NOT_OPEN.get(COUNTY), SECRETARY, PENALISED)));
        cases.add(arguments("COUNTY_CAPACITY · MUNICIPAL_SOCIETY · wrong type and municipal conditions unmet",
                with(allGood(COUNTY, MUNICIPAL), "performancePassed", false),
                List.of(NOT_OPEN.get(COUNTY), MUNICIPAL_PERFORMANCE)));
        return cases.stream();
    }
}
