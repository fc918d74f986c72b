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

/** {@code xuzhou-eligibility}: seed 003 二（二）申报单位资格要求, 二（三）申报事项 and each category's 申报要求. */
class XuzhouEligibilityTest {

    private static final String TABLE = "xuzhou-eligibility";

    private static final String FIRST_CLASS = "FIRST_CLASS";
    private static final String THINK_TANK_SOCIETY = "INNOVATION_THINK_TANK";
    private static final String ACADEMIC_SOCIETY = "INNOVATION_ACADEMIC";
    private static final String POPULAR_SCIENCE_SOCIETY = "INNOVATION_POPULAR_SCIENCE";
    private static final String SERVICE_TECH = "SERVICE_TECH";
    private static final String SERVICE_THINK_TANK = "SERVICE_THINK_TANK";
    private static final List<String> CATEGORIES = List.of(FIRST_CLASS, THINK_TANK_SOCIETY, ACADEMIC_SOCIETY,
            POPULAR_SCIENCE_SOCIETY, SERVICE_TECH, SERVICE_THINK_TANK);
    private static final List<String> ELITE = CATEGORIES.subList(0, 4);

    static final String UNKNOWN_CATEGORY = "申报类别不在本年度项目指南内：可申报一流学会建设、科技创新智库建设特色学会、学术和科技服务特色学会、科普创新特色学会、科技服务项目、科技创新智库项目";
    static final String MUNICIPAL_ONLY = "申报单位须是市科协所属市级学会（协会、研究会）";
    static final String INSPECTION = "上一年度须经市民政局年检合格（上一年度年检记录缺失或不合格）";
    static final String INTEGRITY = "诚信记录须良好：往年实施“提升计划”项目过程中有弄虚作假等不良行为的，不能申报";
    static final String RECOGNISED = "该项目往年已获市科协认定为“提升计划”项目，不得再次申报";
    static final String RATING = "申报“一流学会建设”的学会评估等级须为4A级及以上";
    static final String MUTUALLY_EXCLUSIVE = "一流学会、创新特色学会项目互不兼报：本学会今年已申报一流学会或创新特色学会项目，每年只能申报其中一项";
    static final String SERVICE_TECH_LIMIT = "每家学会“科技服务项目”申报数不得超过2个，本学会今年已申报满2个";
    static final String SERVICE_POINT = "在同一个服务点上每家学会只能申报一个“科技服务项目”（本学会在该服务点已有申报）";
    static final String AGREEMENT = "“科技服务项目”须与服务对象签有合作协议，明确双方的责任、权利和义务（请上传协议）";
    static final String THINK_TANK_LIMIT = "每家学会“科技创新智库项目”申报数不超过2个，本学会今年已申报满2个";
    static final String CONSULTING_AGREEMENT = "申报“科技创新智库建设特色学会”须有一份为地方党委政府决策咨询服务的合作协议（请上传协议）";
    static final String TOPIC_SOURCE = "“科技创新智库项目”的课题须依据《2022年度江苏省科协面上调研课题选题指南》确定的内容自行拟定";
    static final String ACADEMIC_EVENTS = "本年度主办或承办的学术交流活动须不少于2场";
    static final String NATIONAL_EVENT = "本年度主办或承办的学术交流活动中须至少有一场是全国或全省（区域）性学术交流活动";
    static final String POPULAR_SCIENCE_EVENTS = "本学会牵头组织的科普活动须不少于3场次/年";
    static final String POPULAR_SCIENCE_PLAN = "须有科普工作的长期规划和年度计划";
    static final String POPULAR_SCIENCE_BUDGET = "须有专项科普经费，并列入学会年度财务预算";

    /**
     * A 4A municipal society that meets every condition, with no other applications this year and
     * the category's declared counts exactly at their minimum.
     */
    static Map<String, Object> allGood(String category) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("category", category);
        facts.put("applicantType", "MUNICIPAL_SOCIETY");
        facts.put("rating", 4);
        facts.put("inspectionPassedLastYear", true);
        facts.put("integrityGood", true);
        facts.put("previouslyRecognised", false);
        facts.put("eliteApplicationsThisYear", 0);
        facts.put("serviceTechApplicationsThisYear", 0);
        facts.put("sameServicePointApplications", 0);
        facts.put("thinkTankProjectApplicationsThisYear", 0);
        facts.put("academicEvents", 2);
        facts.put("nationalOrProvincialEvents", 1);
        facts.put("popularScienceEvents", 3);
        facts.put("hasPopularSciencePlan", true);
        facts.put("hasPopularScienceBudget", true);
        facts.put("hasServiceAgreement", true);
        facts.put("hasConsultingAgreement", true);
        facts.put("topicFromProvincialGuide", true);
        return facts;
    }

    /** A society that meets only the conditions every category shares: nothing category-specific. */
    static Map<String, Object> bareMinimum(String category) {
        return with(allGood(category), "rating", 0, "academicEvents", 0, "nationalOrProvincialEvents", 0,
                "popularScienceEvents", 0, "hasPopularSciencePlan", false, "hasPopularScienceBudget", false,
                "hasServiceAgreement", false, "hasConsultingAgreement", false, "topicFromProvincialGuide", false);
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
            // 申报单位资格要求 and 申报事项 4, in every category
            for (String type : List.of("UNIVERSITY_ASSOCIATION", "COUNTY_ASSOCIATION", "ENTERPRISE_ASSOCIATION",
                    "SCIENTIST")) {
                cases.add(arguments(category + " · " + type + " → only municipal societies",
                        with(allGood(category), "applicantType", type), List.of(MUNICIPAL_ONLY)));
            }
            cases.add(arguments(category + " · inspection last year not passed",
                    with(allGood(category), "inspectionPassedLastYear", false), List.of(INSPECTION)));
            cases.add(arguments(category + " · fraud in an earlier programme project",
                    with(allGood(category), "integrityGood", false), List.of(INTEGRITY)));
            cases.add(arguments(category + " · project recognised in an earlier year",
                    with(allGood(category), "previouslyRecognised", true), List.of(RECOGNISED)));
        }
        cases.add(arguments("unknown category GENERAL → unknown category",
                allGood("GENERAL"), List.of(UNKNOWN_CATEGORY)));
        cases.add(arguments("no category → unknown category", allGood(null), List.of(UNKNOWN_CATEGORY)));
        cases.add(arguments("no applicant type → only municipal societies",
                with(allGood(SERVICE_TECH), "applicantType", null), List.of(MUNICIPAL_ONLY)));
        cases.add(arguments("inspection record missing (null) → inspection reason",
                with(allGood(SERVICE_TECH), "inspectionPassedLastYear", null), List.of(INSPECTION)));

        // FIRST_CLASS: 4A or better (不低于 4A)
        for (int rating = 0; rating <= 5; rating++) {
            cases.add(arguments("FIRST_CLASS · rating " + rating + "A → " + (rating >= 4 ? "eligible" : "below 4A"),
                    with(allGood(FIRST_CLASS), "rating", rating), rating >= 4 ? List.of() : List.of(RATING)));
        }
        cases.add(arguments("FIRST_CLASS · no rating (null) → below 4A",
                with(allGood(FIRST_CLASS), "rating", null), List.of(RATING)));

        // 互不兼报: FIRST_CLASS and the INNOVATION_* categories
        for (String category : ELITE) {
            cases.add(arguments(category + " · no other elite application this year → eligible",
                    with(allGood(category), "eliteApplicationsThisYear", 0), List.of()));
            cases.add(arguments(category + " · one other elite application this year → mutually exclusive",
                    with(allGood(category), "eliteApplicationsThisYear", 1), List.of(MUTUALLY_EXCLUSIVE)));
        }
        for (String category : List.of(SERVICE_TECH, SERVICE_THINK_TANK)) {
            cases.add(arguments(category + " · elite applications this year do not limit service projects",
                    with(allGood(category), "eliteApplicationsThisYear", 1), List.of()));
        }

        // SERVICE_TECH: at most 2 per society, one per service point, a signed agreement
        cases.add(arguments("SERVICE_TECH · one other this year → eligible (the second)",
                with(allGood(SERVICE_TECH), "serviceTechApplicationsThisYear", 1), List.of()));
        cases.add(arguments("SERVICE_TECH · two others this year → over the limit of 2",
                with(allGood(SERVICE_TECH), "serviceTechApplicationsThisYear", 2), List.of(SERVICE_TECH_LIMIT)));
        cases.add(arguments("SERVICE_TECH · another one at the same service point",
                with(allGood(SERVICE_TECH), "serviceTechApplicationsThisYear", 1, "sameServicePointApplications", 1),
                List.of(SERVICE_POINT)));
        cases.add(arguments("SERVICE_TECH · no cooperation agreement",
                with(allGood(SERVICE_TECH), "hasServiceAgreement", false), List.of(AGREEMENT)));
        cases.add(arguments("SERVICE_TECH · agreement not declared (null)",
                with(allGood(SERVICE_TECH), "hasServiceAgreement", null), List.of(AGREEMENT)));
        cases.add(arguments("SERVICE_TECH · other counts not given (null) → no limit reached",
                with(allGood(SERVICE_TECH), "serviceTechApplicationsThisYear", null,
                        "sameServicePointApplications", null), List.of()));

        // SERVICE_THINK_TANK: at most 2 per society
        cases.add(arguments("SERVICE_THINK_TANK · one other this year → eligible (the second)",
                with(allGood(SERVICE_THINK_TANK), "thinkTankProjectApplicationsThisYear", 1), List.of()));
        cases.add(arguments("SERVICE_THINK_TANK · two others this year → over the limit of 2",
                with(allGood(SERVICE_THINK_TANK), "thinkTankProjectApplicationsThisYear", 2), List.of(THINK_TANK_LIMIT)));

        // SERVICE_THINK_TANK: the topic from the provincial survey-topic guide (二（三）3)
        cases.add(arguments("SERVICE_THINK_TANK · topic not from the provincial guide",
                with(allGood(SERVICE_THINK_TANK), "topicFromProvincialGuide", false), List.of(TOPIC_SOURCE)));
        cases.add(arguments("SERVICE_THINK_TANK · topic source not declared (null)",
                with(allGood(SERVICE_THINK_TANK), "topicFromProvincialGuide", null), List.of(TOPIC_SOURCE)));
        // INNOVATION_THINK_TANK: a consulting agreement with the local party committee or government (三（二）1(1))
        cases.add(arguments("INNOVATION_THINK_TANK · no consulting agreement",
                with(allGood(THINK_TANK_SOCIETY), "hasConsultingAgreement", false), List.of(CONSULTING_AGREEMENT)));
        cases.add(arguments("INNOVATION_THINK_TANK · consulting agreement not declared (null)",
                with(allGood(THINK_TANK_SOCIETY), "hasConsultingAgreement", null), List.of(CONSULTING_AGREEMENT)));
        cases.add(arguments("INNOVATION_THINK_TANK · a service agreement is not the consulting agreement",
                with(allGood(THINK_TANK_SOCIETY), "hasConsultingAgreement", false, "hasServiceAgreement", true),
                List.of(CONSULTING_AGREEMENT)));
        cases.add(arguments("SERVICE_TECH · the consulting agreement is not asked of a service project",
                with(allGood(SERVICE_TECH), "hasConsultingAgreement", false, "topicFromProvincialGuide", false),
                List.of()));

        // INNOVATION_ACADEMIC: at least 2 events, at least one national or provincial
        cases.add(arguments("INNOVATION_ACADEMIC · 1 academic event → fewer than 2",
                with(allGood(ACADEMIC_SOCIETY), "academicEvents", 1), List.of(ACADEMIC_EVENTS)));
        cases.add(arguments("INNOVATION_ACADEMIC · 3 academic events → eligible",
                with(allGood(ACADEMIC_SOCIETY), "academicEvents", 3), List.of()));
        cases.add(arguments("INNOVATION_ACADEMIC · no national or provincial event",
                with(allGood(ACADEMIC_SOCIETY), "nationalOrProvincialEvents", 0), List.of(NATIONAL_EVENT)));
        cases.add(arguments("INNOVATION_ACADEMIC · events not declared (null) → both reasons",
                with(allGood(ACADEMIC_SOCIETY), "academicEvents", null, "nationalOrProvincialEvents", null),
                List.of(ACADEMIC_EVENTS, NATIONAL_EVENT)));

        // INNOVATION_POPULAR_SCIENCE: at least 3 events a year, plans, budget
        cases.add(arguments("INNOVATION_POPULAR_SCIENCE · 2 popular-science events → fewer than 3",
                with(allGood(POPULAR_SCIENCE_SOCIETY), "popularScienceEvents", 2), List.of(POPULAR_SCIENCE_EVENTS)));
        cases.add(arguments("INNOVATION_POPULAR_SCIENCE · no long-term and yearly plan",
                with(allGood(POPULAR_SCIENCE_SOCIETY), "hasPopularSciencePlan", false), List.of(POPULAR_SCIENCE_PLAN)));
        cases.add(arguments("INNOVATION_POPULAR_SCIENCE · no dedicated budget",
                with(allGood(POPULAR_SCIENCE_SOCIETY), "hasPopularScienceBudget", false),
                List.of(POPULAR_SCIENCE_BUDGET)));

        // a category's own conditions do not apply to the others
        for (String category : CATEGORIES) {
            List<String> own = switch (category) {
                case FIRST_CLASS -> List.of(RATING);
                case ACADEMIC_SOCIETY -> List.of(ACADEMIC_EVENTS, NATIONAL_EVENT);
                case POPULAR_SCIENCE_SOCIETY -> List.of(POPULAR_SCIENCE_EVENTS, POPULAR_SCIENCE_PLAN,
                        POPULAR_SCIENCE_BUDGET);
                case SERVICE_TECH -> List.of(AGREEMENT);
                case THINK_TANK_SOCIETY -> List.of(CONSULTING_AGREEMENT);
                case SERVICE_THINK_TANK -> List.of(TOPIC_SOURCE);
                default -> List.of();
            };
            cases.add(arguments(category + " · only the shared conditions met → only its own reasons "
                    + (own.isEmpty() ? "(none)" : "(" + own.size() + ")"), bareMinimum(category), own));
        }
        cases.add(arguments("INNOVATION_THINK_TANK · at the limits of the service projects → not its limits",
                with(allGood(THINK_TANK_SOCIETY), "serviceTechApplicationsThisYear", 2,
                        "sameServicePointApplications", 1, "thinkTankProjectApplicationsThisYear", 2), List.of()));

        // several reasons at once
        cases.add(arguments("FIRST_CLASS · 3A, inspection failed, fraud, already in INNOVATION → four reasons",
                with(allGood(FIRST_CLASS), "rating", 3, "inspectionPassedLastYear", false, "integrityGood", false,
                        "eliteApplicationsThisYear", 1),
                List.of(RATING, INSPECTION, INTEGRITY, MUTUALLY_EXCLUSIVE)));
        cases.add(arguments("SERVICE_TECH · university association, third one, same point, no agreement → four reasons",
                with(allGood(SERVICE_TECH), "applicantType", "UNIVERSITY_ASSOCIATION",
                        "serviceTechApplicationsThisYear", 2, "sameServicePointApplications", 1,
                        "hasServiceAgreement", false),
                List.of(MUNICIPAL_ONLY, SERVICE_TECH_LIMIT, SERVICE_POINT, AGREEMENT)));
        return cases.stream();
    }
}
