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

/** {@code xiangyang-eligibility}: seed 000, the 申报范围 of each item. */
class XiangyangEligibilityTest {

    private static final String TABLE = "xiangyang-eligibility";

    private static final String ACTIVITY = "ACTIVITY";
    private static final String HAIZHI_NEW = "HAIZHI_NEW";
    private static final String HAIZHI_EXCELLENT = "HAIZHI_EXCELLENT";
    private static final String FUNCTION = "FUNCTION_UNDERTAKING";
    private static final String EXCELLENT_SOCIETY = "EXCELLENT_SOCIETY";

    private static final List<String> APPLICANT_TYPES = List.of("MUNICIPAL_SOCIETY", "ENTERPRISE_ASSOCIATION",
            "UNIVERSITY_ASSOCIATION", "ENTERPRISE", "UNIVERSITY", "INSTITUTE", "PARK");
    /** Who may apply (申报范围); HAIZHI_EXCELLENT only asks for an existing station. */
    private static final Map<String, List<String>> OPEN_TO = new LinkedHashMap<>();

    static {
        OPEN_TO.put(ACTIVITY, List.of("MUNICIPAL_SOCIETY", "ENTERPRISE_ASSOCIATION", "UNIVERSITY_ASSOCIATION"));
        OPEN_TO.put(HAIZHI_NEW, List.of("ENTERPRISE", "UNIVERSITY", "INSTITUTE", "PARK"));
        OPEN_TO.put(HAIZHI_EXCELLENT, APPLICANT_TYPES);
        OPEN_TO.put(FUNCTION, List.of("MUNICIPAL_SOCIETY"));
        OPEN_TO.put(EXCELLENT_SOCIETY, List.of("MUNICIPAL_SOCIETY"));
    }

    static final String UNKNOWN_CATEGORY = "申报类别不在本年度行动计划内：可申报活动项目、新建海智工作站、优秀海智工作站、学会承接政府转移职能、优秀学会";
    private static final Map<String, String> NOT_OPEN = Map.of(
            ACTIVITY, "活动项目仅限市级学会、企事业科协和高校科协申报",
            HAIZHI_NEW, "“新建海智工作站”申报单位须是高校、科研院所、企业，或经济技术开发区、工业园区、产业园等",
            FUNCTION, "“学会承接政府转移职能”项目仅限襄阳市科协所属学会申报",
            EXCELLENT_SOCIETY, "“优秀学会”项目仅限市级学会申报");
    static final String PARTICIPANTS = "每次学术交流活动的参加人员须在30人以上（含30人），请核对人数最少的那次活动";
    static final String REGISTERED = "“新建海智工作站”申报单位须在省内注册";
    static final String LEGAL_PERSON = "“新建海智工作站”申报单位须具有独立法人资格";
    static final String ENTERPRISE_SCALE = "企业申报“新建海智工作站”须是规模以上企业或高新技术企业";
    static final String COOPERATION_PROJECT = "“新建海智工作站”申报单位须有明确的技术创新需求和技术合作项目";
    static final String RD_TEAM = "“新建海智工作站”申报单位须有自己的研发团队";
    static final String STATION = "申报“优秀海智工作站”须已建立海智工作站（尚未建站的可申报“新建海智工作站”）";
    static final String WINDOW_START = "申报的重点活动须在2018年8月至2019年3月间开展：最早一次活动的日期早于此期间或未填写";
    static final String WINDOW_END = "申报的重点活动须在2018年8月至2019年3月间开展：最晚一次活动的日期晚于此期间或未填写";
    static final String GROUP_MEMBER = "申报“优秀学会”须已成为第一批襄阳市科协团体会员，或已申请成为第二批团体会员";

    /** An applicant that meets every condition; its smallest academic exchange had exactly 30 participants. */
    static Map<String, Object> allGood(String category, String applicantType) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("category", category);
        facts.put("applicantType", applicantType);
        for (String fact : List.of("registeredInProvince", "independentLegalPerson", "aboveScaleOrHighTech",
                "hasCooperationProject", "hasRdTeam", "hasStation", "groupMember")) {
            facts.put(fact, true);
        }
        facts.put("hasAcademicExchange", true);
        facts.put("participants", 30);
        // the 2019 plan's window, both ends on its edges (2018-08-01 to 2019-03-31)
        facts.put("callYear", 2019);
        facts.put("activityStart", "2018-08-01");
        facts.put("activityEnd", "2019-03-31");
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
                boolean open = openTo.contains(type);
                cases.add(arguments(category + " · " + type + (open ? " · all conditions met → eligible"
                                : " · may not apply → one reason"),
                        allGood(category, type), open ? List.of() : List.of(NOT_OPEN.get(category))));
            }
        });
        cases.add(arguments("unknown category HAIZHI → unknown category",
                allGood("HAIZHI", "ENTERPRISE"), List.of(UNKNOWN_CATEGORY)));
        cases.add(arguments("no category → unknown category", allGood(null, "ENTERPRISE"), List.of(UNKNOWN_CATEGORY)));

        // ACTIVITY: 30人以上 includes 30
        Map<String, Object> activity = allGood(ACTIVITY, "MUNICIPAL_SOCIETY");
        cases.add(arguments("ACTIVITY · smallest exchange 29 participants → fewer than 30",
                with(activity, "participants", 29), List.of(PARTICIPANTS)));
        cases.add(arguments("ACTIVITY · smallest exchange 30 participants → eligible",
                with(activity, "participants", 30), List.of()));
        cases.add(arguments("ACTIVITY · smallest exchange 0 participants → fewer than 30",
                with(activity, "participants", 0), List.of(PARTICIPANTS)));
        // participants only where there is an academic exchange (innovation activities only: no number asked)
        Map<String, Object> innovationOnly = with(activity, "hasAcademicExchange", false);
        cases.add(arguments("ACTIVITY · no academic exchange, no number → eligible",
                with(innovationOnly, "participants", null), List.of()));
        cases.add(arguments("ACTIVITY · no academic exchange, 10 people at an innovation activity → not counted, eligible",
                with(innovationOnly, "participants", 10), List.of()));
        cases.add(arguments("ACTIVITY · an academic exchange without its number → fewer than 30 unless shown",
                with(activity, "participants", null), List.of(PARTICIPANTS)));
        cases.add(arguments("ACTIVITY · whether there is an academic exchange not declared (null) → no number asked",
                with(with(activity, "hasAcademicExchange", null), "participants", 10), List.of()));
        cases.add(arguments("ACTIVITY · university association, 29 participants → fewer than 30",
                with(allGood(ACTIVITY, "UNIVERSITY_ASSOCIATION"), "participants", 29), List.of(PARTICIPANTS)));
        cases.add(arguments("HAIZHI_NEW · 10 participants → participants are an ACTIVITY condition only",
                with(allGood(HAIZHI_NEW, "ENTERPRISE"), "participants", 10), List.of()));

        // HAIZHI_NEW
        for (String type : OPEN_TO.get(HAIZHI_NEW)) {
            Map<String, Object> good = allGood(HAIZHI_NEW, type);
            cases.add(arguments("HAIZHI_NEW · " + type + " · registered outside the province",
                    with(good, "registeredInProvince", false), List.of(REGISTERED)));
            cases.add(arguments("HAIZHI_NEW · " + type + " · not an independent legal person",
                    with(good, "independentLegalPerson", false), List.of(LEGAL_PERSON)));
            cases.add(arguments("HAIZHI_NEW · " + type + " · no cooperation project",
                    with(good, "hasCooperationProject", false), List.of(COOPERATION_PROJECT)));
            cases.add(arguments("HAIZHI_NEW · " + type + " · no R&D team",
                    with(good, "hasRdTeam", false), List.of(RD_TEAM)));
            cases.add(arguments("HAIZHI_NEW · " + type + " · not above scale nor high-tech → "
                            + (type.equals("ENTERPRISE") ? "enterprise must be" : "an enterprise condition only"),
                    with(good, "aboveScaleOrHighTech", false),
                    type.equals("ENTERPRISE") ? List.of(ENTERPRISE_SCALE) : List.of()));
        }
        cases.add(arguments("HAIZHI_NEW · ENTERPRISE · scale not recorded (null) → enterprise must be",
                with(allGood(HAIZHI_NEW, "ENTERPRISE"), "aboveScaleOrHighTech", null), List.of(ENTERPRISE_SCALE)));
        cases.add(arguments("HAIZHI_NEW · ENTERPRISE · no station yet → a station is not needed for a new one",
                with(allGood(HAIZHI_NEW, "ENTERPRISE"), "hasStation", false), List.of()));

        // HAIZHI_EXCELLENT
        cases.add(arguments("HAIZHI_EXCELLENT · ENTERPRISE · no station yet",
                with(allGood(HAIZHI_EXCELLENT, "ENTERPRISE"), "hasStation", false), List.of(STATION)));
        cases.add(arguments("HAIZHI_EXCELLENT · INSTITUTE · station not recorded (null)",
                with(allGood(HAIZHI_EXCELLENT, "INSTITUTE"), "hasStation", null), List.of(STATION)));
        cases.add(arguments("HAIZHI_EXCELLENT · ENTERPRISE · not above scale, outside province, no R&D team → new-station conditions only",
                with(allGood(HAIZHI_EXCELLENT, "ENTERPRISE"), "aboveScaleOrHighTech", false,
                        "registeredInProvince", false, "hasRdTeam", false), List.of()));

        // EXCELLENT_SOCIETY
        cases.add(arguments("EXCELLENT_SOCIETY · not a group member and not applied",
                with(allGood(EXCELLENT_SOCIETY, "MUNICIPAL_SOCIETY"), "groupMember", false), List.of(GROUP_MEMBER)));
        cases.add(arguments("FUNCTION_UNDERTAKING · not a group member → a condition of EXCELLENT_SOCIETY only",
                with(allGood(FUNCTION, "MUNICIPAL_SOCIETY"), "groupMember", false), List.of()));

        // several reasons at once
        cases.add(arguments("HAIZHI_NEW · ENTERPRISE · everything wrong → five reasons",
                with(allGood(HAIZHI_NEW, "ENTERPRISE"), "registeredInProvince", false,
                        "independentLegalPerson", false, "aboveScaleOrHighTech", false,
                        "hasCooperationProject", false, "hasRdTeam", false),
                List.of(REGISTERED, LEGAL_PERSON, ENTERPRISE_SCALE, COOPERATION_PROJECT, RD_TEAM)));
        cases.add(arguments("HAIZHI_NEW · MUNICIPAL_SOCIETY · wrong type and no R&D team → two reasons",
                with(allGood(HAIZHI_NEW, "MUNICIPAL_SOCIETY"), "hasRdTeam", false),
                List.of(NOT_OPEN.get(HAIZHI_NEW), RD_TEAM)));
        cases.add(arguments("EXCELLENT_SOCIETY · PARK, not a group member → two reasons",
                with(allGood(EXCELLENT_SOCIETY, "PARK"), "groupMember", false),
                List.of(NOT_OPEN.get(EXCELLENT_SOCIETY), GROUP_MEMBER)));
        cases.add(arguments("ACTIVITY · ENTERPRISE with 12 participants → two reasons",
                with(allGood(ACTIVITY, "ENTERPRISE"), "participants", 12),
                List.of(NOT_OPEN.get(ACTIVITY), PARTICIPANTS)));
        // 活动项目 申报范围 "2018年8月-2019年3月开展重点活动": months counted whole, both ends included
        String[][] windows = {
                {"2018-08-01", "2019-03-31", ""},
                {"2018-10-15", "2019-01-20", ""},
                {"2018-07-31", "2019-03-31", "start"},
                {"2018-08-01", "2019-04-01", "end"},
                {"2017-12-01", "2019-06-30", "both"},
                {null, "2019-03-01", "start"},
                {"2018-09-01", null, "end"}};
        for (String[] w : windows) {
            List<String> expected = switch (w[2]) {
                case "start" -> List.of(WINDOW_START);
                case "end" -> List.of(WINDOW_END);
                case "both" -> List.of(WINDOW_START, WINDOW_END);
                default -> List.of();
            };
            cases.add(arguments("ACTIVITY · key activities " + w[0] + " to " + w[1] + " → " + (expected.isEmpty() ? "eligible" : "outside the window"),
                    with(allGood(ACTIVITY, "MUNICIPAL_SOCIETY"), "activityStart", w[0], "activityEnd", w[1]), expected));
        }
        // the window follows the call's year: the 2035 call takes 2034-08 to 2035-03
        cases.add(arguments("ACTIVITY · 2035 call, activities 2034-08-01 to 2035-03-31 → eligible",
                with(allGood(ACTIVITY, "MUNICIPAL_SOCIETY"), "callYear", 2035, "activityStart", "2034-08-01", "activityEnd", "2035-03-31"),
                List.of()));
        cases.add(arguments("ACTIVITY · 2035 call, activities of the 2019 window → started before the window",
                with(allGood(ACTIVITY, "MUNICIPAL_SOCIETY"), "callYear", 2035),
                List.of("申报的重点活动须在2034年8月至2035年3月间开展：最早一次活动的日期早于此期间或未填写")));
        cases.add(arguments("ACTIVITY · 2018 call, activities of the 2019 window → ended after the window",
                with(allGood(ACTIVITY, "MUNICIPAL_SOCIETY"), "callYear", 2018, "activityStart", "2018-02-01"),
                List.of("申报的重点活动须在2017年8月至2018年3月间开展：最晚一次活动的日期晚于此期间或未填写")));
        // the window is the activity item's only: other categories declare no activity dates
        for (String category : List.of(HAIZHI_NEW, HAIZHI_EXCELLENT, FUNCTION, EXCELLENT_SOCIETY)) {
            cases.add(arguments(category + " · no activity dates → not asked",
                    with(allGood(category, OPEN_TO.get(category).get(0)), "activityStart", null, "activityEnd", null), List.of()));
        }
        return cases.stream();
    }
}
