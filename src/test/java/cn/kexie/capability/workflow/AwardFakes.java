package cn.kexie.capability.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stand-ins for the beans only the award diagrams call, next to the shared ones in {@link FakeBeans}
 * and the call beans in {@link XuzhouFakes} (the award call uses the same call beans). Register them
 * with {@code Mocks.register(name, fake)}.
 */
public final class AwardFakes {

    private AwardFakes() {
    }

    /** Lianyungang's categories (seed 001, 实施内容). */
    public static final String DEMO_SOCIETY_AWARD = "DEMO_SOCIETY_AWARD";
    public static final String SERVICE_STATION = "SERVICE_STATION";
    public static final String CHIEF_EXPERT = "CHIEF_EXPERT";
    public static final String FUNCTION_DEMO = "FUNCTION_DEMO";
    /** Xiangyang's categories (seed 000). */
    public static final String ACTIVITY = "ACTIVITY";
    public static final String HAIZHI_NEW = "HAIZHI_NEW";
    public static final String HAIZHI_EXCELLENT = "HAIZHI_EXCELLENT";
    public static final String FUNCTION_UNDERTAKING = "FUNCTION_UNDERTAKING";
    public static final String EXCELLENT_SOCIETY = "EXCELLENT_SOCIETY";

    /** Xiangyang's categories in the catalogue's order (a Xiangyang call has them all on one deadline in the tests). */
    public static final List<String> XIANGYANG_CATEGORIES = List.of(ACTIVITY, HAIZHI_NEW, HAIZHI_EXCELLENT,
            FUNCTION_UNDERTAKING, EXCELLENT_SOCIETY);

    /** The facts {@code eligibilityFacts} may set: the inputs of the two eligibility tables but one. */
    private static final Set<String> FACTS = Set.of(ProjectProcess.CATEGORY, "applicantType", "rating",
            "recognisedStationOrFunctionThisYear", "softScienceOrAdoptedAdvice", "hasWebsiteAndMemberDb",
            "inspectionPassedTwoYears", "hasServiceAgreement", "hasFunctionMandate", "registeredInProvince",
            "independentLegalPerson", "aboveScaleOrHighTech", "hasCooperationProject", "hasRdTeam", "hasStation",
            "groupMember", "participants", "hasAcademicExchange", "boardResolution", "responsiblePerson",
            "recognisedThisYear", "activityStart", "activityEnd");

    /**
     * {@code eligibilityFacts} for the award programmes, as the real bean sets them: the organisation
     * register's facts and what the applicant declared for the category, never
     * {@link ProjectProcess#COUNTY_CONFIRMED} (the confirming group sets that when it completes its
     * task). By default an applicant that meets every condition of its category.
     */
    public static final class EligibilityFacts implements JavaDelegate {

        private final Map<String, Object> facts = new LinkedHashMap<>();
        /** Whether to declare key activities inside Xiangyang's window (上年8月至当年3月) of the process's call year. */
        private boolean activityWindow;

        private EligibilityFacts() {
        }

        /** A 4A municipal society of Lianyungang that declared what its category asks for. */
        public static EligibilityFacts lianyungang(String category) {
            EligibilityFacts fake = new EligibilityFacts().register("MUNICIPAL_SOCIETY", 4);
            fake.facts.put(ProjectProcess.CATEGORY, category);
            // 六、1 and 2: the board's resolution and the person responsible, every award
            fake.facts.put("boardResolution", true);
            fake.facts.put("responsiblePerson", "王秘书长");
            // no award of the platform this year (the declaration speaks for a demo society)
            fake.facts.put("recognisedThisYear", Map.of());
            switch (category) {
                case DEMO_SOCIETY_AWARD -> {
                    fake.facts.put("recognisedStationOrFunctionThisYear", true);
                    fake.facts.put("softScienceOrAdoptedAdvice", true);
                }
                case SERVICE_STATION, CHIEF_EXPERT -> fake.facts.put("hasServiceAgreement", true);
                case FUNCTION_DEMO -> fake.facts.put("hasFunctionMandate", true);
                default -> throw new IllegalArgumentException("no Lianyungang category " + category);
            }
            return fake;
        }

        /**
         * A Xiangyang applicant of the category's kind: a high-tech enterprise in the province with its
         * R&amp;D team for the Haizhi stations, a municipal society otherwise, with its declarations.
         */
        public static EligibilityFacts xiangyang(String category) {
            boolean station = HAIZHI_NEW.equals(category) || HAIZHI_EXCELLENT.equals(category);
            EligibilityFacts fake = new EligibilityFacts().register(station ? "ENTERPRISE" : "MUNICIPAL_SOCIETY", 0);
            fake.facts.put(ProjectProcess.CATEGORY, category);
            switch (category) {
                case ACTIVITY -> {
                    fake.facts.put("hasAcademicExchange", true);
                    fake.facts.put("participants", 45);
                    // key activities inside the window of the call's year (see execute)
                    fake.activityWindow = true;
                }
                case HAIZHI_NEW -> fake.facts.put("hasCooperationProject", true);
                case HAIZHI_EXCELLENT -> fake.facts.put("hasStation", true);
                case FUNCTION_UNDERTAKING, EXCELLENT_SOCIETY -> {
                }
                default -> throw new IllegalArgumentException("no Xiangyang category " + category);
            }
            return fake;
        }

        private EligibilityFacts register(String applicantType, int rating) {
            boolean enterprise = "ENTERPRISE".equals(applicantType);
            facts.put("applicantType", applicantType);
            facts.put("rating", rating);
            facts.put("inspectionPassedTwoYears", true);
            facts.put("hasWebsiteAndMemberDb", true);
            facts.put("registeredInProvince", true);
            facts.put("independentLegalPerson", true);
            facts.put("aboveScaleOrHighTech", enterprise);
            facts.put("hasRdTeam", enterprise);
            facts.put("hasStation", false);
            facts.put("groupMember", !enterprise);
            return this;
        }

        /** Changes or adds one fact (the names are the eligibility tables' inputs). */
        public EligibilityFacts with(String fact, Object value) {
            if (ProjectProcess.COUNTY_CONFIRMED.equals(fact)) {
                throw new IllegalArgumentException("countyConfirmed comes from the confirmation task, not the register");
            }
            if (!FACTS.contains(fact)) {
                throw new IllegalArgumentException("no eligibility table reads a fact " + fact);
            }
            facts.put(fact, value);
            return this;
        }

        public Map<String, Object> facts() {
            return Collections.unmodifiableMap(facts);
        }

        @Override
        public void execute(DelegateExecution execution) {
            if (activityWindow && execution.getVariable(ProjectProcess.CALL_YEAR) instanceof Number year) {
                facts.putIfAbsent("activityStart", (year.intValue() - 1) + "-09-15");
                facts.putIfAbsent("activityEnd", year.intValue() + "-01-20");
            }
            // a map (recognisedThisYear) transient, as the real bean sets it: read by the decision, never stored
            facts.forEach((name, value) -> execution.setVariable(name, value instanceof Map<?, ?>
                    ? org.camunda.bpm.engine.variable.Variables.untypedValue(value, true) : value));
        }
    }
}
