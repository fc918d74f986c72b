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

/** {@code lianyungang-eligibility}: seed 001 section 四 申报条件. */
class LianyungangEligibilityTest {

    private static final String TABLE = "lianyungang-eligibility";

    private static final String DEMO = "DEMO_SOCIETY_AWARD";
    private static final String STATION = "SERVICE_STATION";
    private static final String CHIEF_EXPERT = "CHIEF_EXPERT";
    private static final String FUNCTION = "FUNCTION_DEMO";
    private static final List<String> CATEGORIES = List.of(DEMO, STATION, CHIEF_EXPERT, FUNCTION);

    static final String UNKNOWN_CATEGORY = "申报类别不在本计划内：可申报综合示范学会奖、科技服务站、首席专家（工程师）、承接职能示范工程";
    static final String RATING = "申报“综合示范学会奖”须为3A级以上（包括3A级）的市科协所属学会";
    static final String RECOGNISED_PROJECT = "年内须获批市科协认定的“科技服务站”或“承接职能示范工程”一项以上";
    static final String SOFT_SCIENCE = "年内须至少承担一项市科协“软科学研究”项目，或有一篇“建言献策”被市科协以上单位录用";
    static final String WEBSITE = "须建有学会网站和会员管理数据库";
    static final String INSPECTION = "学会须连续两年社团年检合格（近两年年检记录不全或不合格）";
    static final String STATION_AGREEMENT = "科技服务站须与服务对象签有科技服务协议，明确合作内容和双方的责任、权利和义务";
    static final String STATION_COUNTY = "科技服务站申报须经项目所在地县区科协盖章确认";
    static final String EXPERT_AGREEMENT = "专家与服务对象双方须签有合作协议，明确各自工作职责与任务目标";
    static final String EXPERT_COUNTY = "首席专家（工程师）申报须经项目所在地县区科协盖章确认";
    static final String MANDATE = "须提供明确学会承担职能的证明：职能转移单位的科技服务委托书，或党委、行政会议决议，或签署的项目任务书";
    static final String DEMO_TYPE = "“综合示范学会奖”仅限市科协所属学会申报，企事业科协等其他单位不能申报";
    static final String STATION_TYPE = "“科技服务站”由市级学会或企事业科协申报";
    static final String EXPERT_TYPE = "“首席专家（工程师）”由市级学会或企事业科协选派和申报";
    static final String FUNCTION_TYPE = "“承接职能示范工程”仅限市级学会申报";
    static final String BOARD = "项目申报须经学会理事会（常务理事会）或企事业科协领导班子研究通过，请上传决议并勾选";
    static final String RESPONSIBLE = "须确定一位责任人负责具体申报工作，请填写责任人";

    /** An applicant that meets every condition of every category, rated exactly 3A. */
    static Map<String, Object> allGood(String category) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("category", category);
        facts.put("rating", 3);
        for (String fact : List.of("recognisedStationOrFunctionThisYear", "softScienceOrAdoptedAdvice",
                "hasWebsiteAndMemberDb", "inspectionPassedTwoYears", "hasServiceAgreement", "countyConfirmed",
                "hasFunctionMandate")) {
            facts.put(fact, true);
        }
        facts.put("applicantType", "MUNICIPAL_SOCIETY");
        facts.put("boardResolution", true);
        facts.put("responsiblePerson", "王秘书长");
        facts.put("recognisedThisYear", Map.of());
        return facts;
    }

    /** Every condition unmet: only the category's own reasons may appear. */
    static Map<String, Object> nothing(String category) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("category", category);
        facts.put("rating", 0);
        for (String fact : List.of("recognisedStationOrFunctionThisYear", "softScienceOrAdoptedAdvice",
                "hasWebsiteAndMemberDb", "inspectionPassedTwoYears", "hasServiceAgreement", "countyConfirmed",
                "hasFunctionMandate")) {
            facts.put(fact, false);
        }
        facts.put("applicantType", "MUNICIPAL_SOCIETY");
        facts.put("boardResolution", true);
        facts.put("responsiblePerson", "王秘书长");
        facts.put("recognisedThisYear", Map.of());
        return facts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesExactlyTheReasonsOfTheUnmetConditions(String name, Map<String, Object> facts, List<String> expected) {
        assertThat(reasons(TABLE, facts)).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String category : CATEGORIES) {
            cases.add(arguments(category + " · all conditions met → eligible", allGood(category), List.of()));
        }
        cases.add(arguments("unknown category HAIZHI_NEW → unknown category", allGood("HAIZHI_NEW"),
                List.of(UNKNOWN_CATEGORY)));
        cases.add(arguments("no category → unknown category", allGood(null), List.of(UNKNOWN_CATEGORY)));

        // DEMO_SOCIETY_AWARD: 3A级以上（包括3A级）
        for (int rating = 0; rating <= 5; rating++) {
            cases.add(arguments("DEMO_SOCIETY_AWARD · rating " + rating + "A → " + (rating >= 3 ? "eligible" : "below 3A"),
                    with(allGood(DEMO), "rating", rating), rating >= 3 ? List.of() : List.of(RATING)));
        }
        cases.add(arguments("DEMO_SOCIETY_AWARD · no rating (null) → below 3A",
                with(allGood(DEMO), "rating", null), List.of(RATING)));
        // every required fact of every category, unmet (false) and not recorded (null)
        String[][] conditions = {
                {DEMO, "recognisedStationOrFunctionThisYear", "no station or function project recognised this year", RECOGNISED_PROJECT},
                {DEMO, "softScienceOrAdoptedAdvice", "no soft-science project and no adopted advice", SOFT_SCIENCE},
                {DEMO, "hasWebsiteAndMemberDb", "no website or member database", WEBSITE},
                {DEMO, "inspectionPassedTwoYears", "inspection not passed two years running", INSPECTION},
                {STATION, "hasServiceAgreement", "no service agreement", STATION_AGREEMENT},
                {STATION, "countyConfirmed", "not confirmed by the county association", STATION_COUNTY},
                {CHIEF_EXPERT, "hasServiceAgreement", "no cooperation agreement", EXPERT_AGREEMENT},
                {CHIEF_EXPERT, "countyConfirmed", "not confirmed by the county association", EXPERT_COUNTY},
                {FUNCTION, "hasFunctionMandate", "no mandate, resolution or task book", MANDATE}};
        for (String[] condition : conditions) {
            String category = condition[0];
            String fact = condition[1];
            cases.add(arguments(category + " · " + condition[2],
                    with(allGood(category), fact, false), List.of(condition[3])));
            cases.add(arguments(category + " · " + fact + " not recorded (null)",
                    with(allGood(category), fact, null), List.of(condition[3])));
        }

        // each category only its own conditions; several reasons at once
        cases.add(arguments("DEMO_SOCIETY_AWARD · nothing met → its five reasons",
                nothing(DEMO), List.of(RATING, RECOGNISED_PROJECT, SOFT_SCIENCE, WEBSITE, INSPECTION)));
        cases.add(arguments("SERVICE_STATION · nothing met → its two reasons",
                nothing(STATION), List.of(STATION_AGREEMENT, STATION_COUNTY)));
        cases.add(arguments("CHIEF_EXPERT · nothing met → its two reasons",
                nothing(CHIEF_EXPERT), List.of(EXPERT_AGREEMENT, EXPERT_COUNTY)));
        cases.add(arguments("FUNCTION_DEMO · nothing met → its one reason",
                nothing(FUNCTION), List.of(MANDATE)));

        // 申报单位类型 per award (第三部分), from the register
        String[][] types = {
                {DEMO, "MUNICIPAL_SOCIETY", ""}, {DEMO, "ENTERPRISE_ASSOCIATION", DEMO_TYPE},
                {DEMO, "UNIVERSITY_ASSOCIATION", DEMO_TYPE}, {DEMO, "ENTERPRISE", DEMO_TYPE},
                {FUNCTION, "MUNICIPAL_SOCIETY", ""}, {FUNCTION, "ENTERPRISE_ASSOCIATION", FUNCTION_TYPE},
                {FUNCTION, "COUNTY_ASSOCIATION", FUNCTION_TYPE},
                {STATION, "MUNICIPAL_SOCIETY", ""}, {STATION, "ENTERPRISE_ASSOCIATION", ""},
                {STATION, "UNIVERSITY_ASSOCIATION", STATION_TYPE}, {STATION, "COUNTY_ASSOCIATION", STATION_TYPE},
                {STATION, "ENTERPRISE", STATION_TYPE},
                {CHIEF_EXPERT, "MUNICIPAL_SOCIETY", ""}, {CHIEF_EXPERT, "ENTERPRISE_ASSOCIATION", ""},
                {CHIEF_EXPERT, "UNIVERSITY_ASSOCIATION", EXPERT_TYPE}, {CHIEF_EXPERT, "SCIENTIST", EXPERT_TYPE}};
        for (String[] type : types) {
            cases.add(arguments(type[0] + " · applicant " + type[1] + " → " + (type[2].isEmpty() ? "eligible" : "wrong applicant type"),
                    with(allGood(type[0]), "applicantType", type[1]), type[2].isEmpty() ? List.of() : List.of(type[2])));
        }
        cases.add(arguments("DEMO_SOCIETY_AWARD · applicant type unknown (null) → wrong applicant type",
                with(allGood(DEMO), "applicantType", null), List.of(DEMO_TYPE)));

        // 理事会决议 and 责任人 (第六部分 1 and 2), every award
        for (String category : CATEGORIES) {
            cases.add(arguments(category + " · no board resolution → reason", with(allGood(category), "boardResolution", false), List.of(BOARD)));
            cases.add(arguments(category + " · board resolution not declared (null) → reason", with(allGood(category), "boardResolution", null), List.of(BOARD)));
            cases.add(arguments(category + " · no person responsible (null) → reason", with(allGood(category), "responsiblePerson", null), List.of(RESPONSIBLE)));
            cases.add(arguments(category + " · person responsible empty → reason", with(allGood(category), "responsiblePerson", ""), List.of(RESPONSIBLE)));
        }

        // 年内获批的科技服务站或承接职能示范工程: the platform's own awards of the year count without a declaration
        for (Object declared : new Object[] {null, false}) {
            cases.add(arguments("DEMO_SOCIETY_AWARD · declared " + declared + ", a station awarded on the platform this year → eligible",
                    with(allGood(DEMO), "recognisedStationOrFunctionThisYear", declared, "recognisedThisYear",
                            Map.of(STATION, 1, FUNCTION, 0, CHIEF_EXPERT, 0, DEMO, 0)), List.of()));
            cases.add(arguments("DEMO_SOCIETY_AWARD · declared " + declared + ", a function-demo project awarded this year → eligible",
                    with(allGood(DEMO), "recognisedStationOrFunctionThisYear", declared, "recognisedThisYear",
                            Map.of(STATION, 0, FUNCTION, 2, CHIEF_EXPERT, 0, DEMO, 0)), List.of()));
            cases.add(arguments("DEMO_SOCIETY_AWARD · declared " + declared + ", only a chief expert awarded this year → reason",
                    with(allGood(DEMO), "recognisedStationOrFunctionThisYear", declared, "recognisedThisYear",
                            Map.of(STATION, 0, FUNCTION, 0, CHIEF_EXPERT, 1, DEMO, 0)), List.of(RECOGNISED_PROJECT)));
            cases.add(arguments("DEMO_SOCIETY_AWARD · declared " + declared + ", no platform record (null) → reason",
                    with(allGood(DEMO), "recognisedStationOrFunctionThisYear", declared, "recognisedThisYear", null),
                    List.of(RECOGNISED_PROJECT)));
        }
        return cases.stream();
    }
}
