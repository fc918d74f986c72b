package cn.kexie.capability.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the Spring beans a project diagram calls by expression ({@code ${applicationStatus.set(...)}},
 * {@code ${eligibilityFacts}}, {@code ${workingDays.endOfPeriod(now(), 5)}} ...), registered with
 * {@link Mocks} for an engine that uses Camunda's {@code MockExpressionManager}. They record what the
 * process hands them, so a test can say what happened in the words of the diagram. Public, with
 * public methods, because the expression language calls them by reflection.
 */
public final class FakeBeans {

    public final Statuses applicationStatus = new Statuses();
    public final EligibilityFacts eligibilityFacts = new EligibilityFacts();
    public final Recorder eligibilityRecorder = new Recorder(ProjectProcess.ELIGIBILITY_REASONS);
    public final Recorder panelScoreCalculator = new Recorder(ProjectProcess.EXPERTS);
    public final Recorder startNotice = new Recorder();
    public final Recorder endNotice = new Recorder();
    public final Recorder agreementGenerator = new Recorder(ProjectProcess.APPLICATION_ID);
    public final Recorder sanctionRecorder = new Recorder(ChenzhouProject.SANCTION, ProjectProcess.FINDING,
            ProjectProcess.DISBURSED);
    public final WorkingDays workingDays = new WorkingDays();
    public final Releases fundingLedger = new Releases();

    /** Registers every fake under the bean name the diagrams use, for the current thread. */
    public FakeBeans register() {
        Mocks.register("applicationStatus", applicationStatus);
        Mocks.register("eligibilityFacts", eligibilityFacts);
        Mocks.register("eligibilityRecorder", eligibilityRecorder);
        Mocks.register("panelScoreCalculator", panelScoreCalculator);
        Mocks.register("startNotice", startNotice);
        Mocks.register("endNotice", endNotice);
        Mocks.register("agreementGenerator", agreementGenerator);
        Mocks.register("sanctionRecorder", sanctionRecorder);
        Mocks.register("workingDays", workingDays);
        Mocks.register("defaultDue", new DefaultDue());
        Mocks.register("fundingLedger", fundingLedger);
        return this;
    }

    /** {@code fundingLedger}: the ends at which the diagram released the unpaid part of the approved amount. */
    public static final class Releases {

        private final List<String> ends = new ArrayList<>();

        public void release(DelegateExecution execution) {
            ends.add(execution.getCurrentActivityId());
        }

        public List<String> ends() {
            return Collections.unmodifiableList(ends);
        }
    }

    /** {@code applicationStatus}: the statuses the diagram's listeners set, in order. */
    public static final class Statuses {

        private final List<String> statuses = new ArrayList<>();

        public void set(DelegateExecution execution, String status) {
            statuses.add(status);
        }

        public List<String> all() {
            return Collections.unmodifiableList(statuses);
        }

        public String last() {
            return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        }
    }

    /**
     * {@code eligibilityFacts}: sets the inputs {@code chenzhou-eligibility} reads, as the organisation
     * register would. By default a municipal society that meets every condition of its category.
     */
    public static final class EligibilityFacts implements JavaDelegate {

        private final Map<String, Object> facts = new LinkedHashMap<>();

        EligibilityFacts() {
            facts.put(ProjectProcess.CATEGORY, "ACADEMIC_EXCHANGE");
            facts.put("applicantType", "MUNICIPAL_SOCIETY");
            for (String met : List.of("inspectionPassedTwoYears", "performancePassed", "managementStandard",
                    "hasSecretary", "commendedWithinFiveYears", "financeSound", "independentBankAccount",
                    "dedicatedFinanceStaff", "hasPartyBranch")) {
                facts.put(met, true);
            }
            for (String noRecord : List.of("violationYearsAgo", "penaltyYearsAgo", "entrustedWorkFailureYearsAgo")) {
                facts.put(noRecord, null);
            }
            facts.put("banned", false);
        }

        /** Changes one fact (the names are the decision table's inputs). */
        public EligibilityFacts with(String fact, Object value) {
            if (!facts.containsKey(fact)) {
                throw new IllegalArgumentException("chenzhou-eligibility reads no fact " + fact);
            }
            facts.put(fact, value);
            return this;
        }

        public Map<String, Object> facts() {
            return Collections.unmodifiableMap(facts);
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(facts);
        }
    }

    /**
     * A service task's delegate that records the variables it was called with (those named at
     * construction) and may set variables of its own, as the real delegate would.
     */
    public static final class Recorder implements JavaDelegate {

        private final List<String> watched;
        private final Map<String, Object> sets = new HashMap<>();
        private final List<Map<String, Object>> calls = new ArrayList<>();

        Recorder(String... watched) {
            this.watched = List.of(watched);
        }

        /** The delegate sets this variable when it runs. */
        public Recorder setting(String variable, Object value) {
            sets.put(variable, value);
            return this;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Map<String, Object> seen = new HashMap<>();
            for (String name : watched) {
                seen.put(name, execution.getVariable(name));
            }
            calls.add(seen);
            execution.setVariables(sets);
        }

        public int timesCalled() {
            return calls.size();
        }

        /** The watched variables of the last call. */
        public Map<String, Object> lastCall() {
            if (calls.isEmpty()) {
                throw new AssertionError("the delegate was never called");
            }
            return calls.get(calls.size() - 1);
        }
    }

    /** {@code workingDays}: every day a working day, so that a period of n days ends n days later. */
    public static final class WorkingDays {

        public Date endOfPeriod(Date start, int count) {
            return Date.from(start.toInstant().plus(Duration.ofDays(count)));
        }
    }

    /** {@code defaultDue}: the platform's default periods of steps the seeds give none for. */
    public static final class DefaultDue {

        public int days(String kind) {
            return switch (kind) {
                case "office" -> 5;
                case "approval", "finance", "applicant" -> 10;
                default -> throw new IllegalArgumentException(kind);
            };
        }
    }
}
