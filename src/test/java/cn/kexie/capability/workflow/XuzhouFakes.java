package cn.kexie.capability.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stand-ins for the beans only the Xuzhou diagrams call, next to the shared ones in {@link FakeBeans}:
 * the Xuzhou {@code eligibilityFacts} and the delegates of the yearly call. Register them with
 * {@code Mocks.register(name, fake)}. Like the real delegates, the call's fakes keep whatever differs
 * per intake local to the execution they run in.
 */
public final class XuzhouFakes {

    private XuzhouFakes() {
    }

    /**
     * {@code eligibilityFacts} for {@code xuzhou-eligibility}: the register's facts, the declared
     * facts, the category and the two maps of counts of the society's other applications. By default
     * a 5A municipal society that meets every condition of every category and has no other
     * application this year.
     */
    public static final class EligibilityFacts implements JavaDelegate {

        private final Map<String, Object> facts = new LinkedHashMap<>();
        private final Map<String, Integer> othersByCategory = new LinkedHashMap<>();
        private final Map<String, Integer> othersWithSameDeclared = new LinkedHashMap<>();

        public EligibilityFacts() {
            facts.put(ProjectProcess.CATEGORY, XuzhouProject.CATEGORY_FIRST_CLASS);
            facts.put("applicantType", "MUNICIPAL_SOCIETY");
            facts.put("rating", 5);
            facts.put("inspectionPassedLastYear", true);
            facts.put("integrityGood", true);
            facts.put("previouslyRecognised", false);
            facts.put("academicEvents", 3);
            facts.put("nationalOrProvincialEvents", 1);
            facts.put("popularScienceEvents", 4);
            facts.put("hasPopularSciencePlan", true);
            facts.put("hasPopularScienceBudget", true);
            facts.put("hasServiceAgreement", true);
            facts.put("hasConsultingAgreement", true);
            facts.put("topicFromProvincialGuide", true);
            facts.put(XuzhouProject.SERVICE_POINT, "铜山经济技术开发区");
            for (String category : List.of(XuzhouProject.CATEGORY_FIRST_CLASS,
                    XuzhouProject.CATEGORY_INNOVATION_THINK_TANK, XuzhouProject.CATEGORY_INNOVATION_ACADEMIC,
                    XuzhouProject.CATEGORY_INNOVATION_POPULAR_SCIENCE, XuzhouProject.CATEGORY_SERVICE_TECH,
                    XuzhouProject.CATEGORY_SERVICE_THINK_TANK)) {
                othersByCategory.put(category, 0);
            }
            othersWithSameDeclared.put(XuzhouProject.SERVICE_POINT, 0);
        }

        /** Changes one fact (the names are the variables the real bean sets). */
        public EligibilityFacts with(String fact, Object value) {
            if (!facts.containsKey(fact)) {
                throw new IllegalArgumentException("eligibilityFacts sets no fact " + fact);
            }
            facts.put(fact, value);
            return this;
        }

        /** The society has {@code count} other live applications of this category in the call. */
        public EligibilityFacts others(String category, int count) {
            if (!othersByCategory.containsKey(category)) {
                throw new IllegalArgumentException("no category " + category);
            }
            othersByCategory.put(category, count);
            return this;
        }

        /** {@code count} other applications of the same category declare the same value of {@code field}. */
        public EligibilityFacts othersDeclaringTheSame(String field, int count) {
            othersWithSameDeclared.put(field, count);
            return this;
        }

        /**
         * The maps hold only the categories and fields with other applications, as a {@code group by}
         * query returns them: no entry means none.
         */
        public EligibilityFacts onlyCountsAboveZero() {
            othersByCategory.values().removeIf(count -> count == 0);
            othersWithSameDeclared.values().removeIf(count -> count == 0);
            return this;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(facts);
            execution.setVariable(XuzhouProject.OTHERS_BY_CATEGORY, new HashMap<>(othersByCategory));
            execution.setVariable(XuzhouProject.OTHERS_WITH_SAME_DECLARED, new HashMap<>(othersWithSameDeclared));
        }
    }

    /** {@code callSchedule}: sets {@code intakes}, one Map per deadline, as the programme catalogue would. */
    public static final class CallSchedule implements JavaDelegate {

        private final List<Map<String, Object>> intakes = new ArrayList<>();

        public CallSchedule intake(String key, Date deadline, String... categories) {
            HashMap<String, Object> intake = new HashMap<>();
            intake.put(XuzhouCall.INTAKE_KEY, key);
            intake.put(XuzhouCall.INTAKE_CATEGORIES, new ArrayList<>(List.of(categories)));
            intake.put(XuzhouCall.INTAKE_DEADLINE, deadline);
            intakes.add(intake);
            return this;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(XuzhouCall.INTAKES, new ArrayList<>(intakes));
        }
    }

    /** What a call delegate saw when it ran: its intake, its execution and the variables it watches. */
    public record Call(String intakeKey, String executionId, Map<String, Object> seen) {
    }

    /**
     * A call delegate that records the intake it ran for ({@code callIntake}, {@code listWithdrawal},
     * {@code callResults}) and the watched variables.
     */
    public static class IntakeRecorder implements JavaDelegate {

        private final List<String> watched;
        private final List<Call> calls = new ArrayList<>();

        public IntakeRecorder(String... watched) {
            this.watched = List.of(watched);
        }

        @Override
        public void execute(DelegateExecution execution) {
            Map<String, Object> seen = new HashMap<>();
            for (String name : watched) {
                seen.put(name, execution.getVariable(name));
            }
            calls.add(new Call(intakeKey(execution), execution.getId(), seen));
            act(execution, intakeKey(execution));
        }

        /** What the delegate does besides recording. */
        protected void act(DelegateExecution execution, String intakeKey) {
        }

        public List<Call> calls() {
            return Collections.unmodifiableList(calls);
        }

        /** The intakes it ran for, in order. */
        public List<String> intakeKeys() {
            return calls.stream().map(Call::intakeKey).toList();
        }
    }

    /**
     * {@code callReviews}: sets the local {@code reviewsIn}. Reviews are in unless told that an intake
     * has to be checked a number of times more.
     */
    public static final class CallReviews extends IntakeRecorder {

        private final Map<String, Deque<Boolean>> answers = new HashMap<>();

        /** The next {@code times} checks of the intake find reviews missing. */
        public CallReviews notInFor(String intakeKey, int times) {
            Deque<Boolean> queue = answers.computeIfAbsent(intakeKey, key -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(false);
            }
            return this;
        }

        @Override
        protected void act(DelegateExecution execution, String intakeKey) {
            Deque<Boolean> queue = answers.get(intakeKey);
            boolean in = queue == null || queue.isEmpty() || queue.poll();
            execution.setVariableLocal(XuzhouCall.REVIEWS_IN, in);
        }
    }

    /** {@code listNotice}: starts the intake's notice; sets the local {@code noticeEnds} and {@code noticeScope}. */
    public static final class ListNotice extends IntakeRecorder {

        private final Map<String, Date> ends = new HashMap<>();

        public ListNotice endingAt(String intakeKey, Date noticeEnds) {
            ends.put(intakeKey, noticeEnds);
            return this;
        }

        @Override
        protected void act(DelegateExecution execution, String intakeKey) {
            Date noticeEnds = ends.get(intakeKey);
            if (noticeEnds == null) {
                throw new IllegalStateException("the test set no notice end for intake " + intakeKey);
            }
            execution.setVariableLocal(ProjectProcess.NOTICE_ENDS, noticeEnds);
            execution.setVariableLocal(XuzhouCall.NOTICE_SCOPE, intakeKey);
        }
    }

    static String intakeKey(DelegateExecution execution) {
        Object intake = execution.getVariable(XuzhouCall.INTAKE);
        return intake instanceof Map<?, ?> map ? (String) map.get(XuzhouCall.INTAKE_KEY) : null;
    }
}
