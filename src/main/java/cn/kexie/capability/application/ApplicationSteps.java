package cn.kexie.capability.application;

import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.workflow.ProjectProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps every application diagram calls by bean name: status changes, the facts the
 * eligibility table reads, and the record of its answer. Thin: they gather and record, the
 * decision tables decide.
 */
@Configuration
class ApplicationSteps {

    /** The organisation's recognised applications of the same programme and year, by category (see {@link ApplicationService#eligibilityFacts}). */
    static final String RECOGNISED_THIS_YEAR = "recognisedThisYear";

    /** {@code ${applicationStatus.set(execution, 'UNDER_NOTICE')}} as an execution listener. */
    @Bean
    StatusSetter applicationStatus(ApplicationService applications,
            org.springframework.context.ApplicationEventPublisher events) {
        return new StatusSetter(applications, events);
    }

    /** Status setter called from diagrams. */
    public static class StatusSetter {
        private final ApplicationService applications;
        private final org.springframework.context.ApplicationEventPublisher events;

        StatusSetter(ApplicationService applications, org.springframework.context.ApplicationEventPublisher events) {
            this.applications = applications;
            this.events = events;
        }

        public void set(DelegateExecution execution, String status) {
            long id = applicationId(execution);
            applications.setStatus(id, status);
            applications.record(id, "status", status, null, null);
            events.publishEvent(new ApplicationStatusSet(id, status, execution.getProcessInstanceId()));
        }
    }

    /**
     * Puts the register's facts for the application year, the application's declared facts, and
     * the organisation's other applications in the call by category ({@code othersByCategory}) into
     * the process, for the eligibility table (and any input mapping a diagram adds). Three statements
     * at most, whatever the number of the organisation's applications: the application with its counts
     * ({@link ApplicationService#eligibilityFacts}), the organisation and its records (none when the
     * transaction has read them).
     */
    @Bean
    JavaDelegate eligibilityFacts(ApplicationService applications, OrganisationService organisations) {
        return execution -> {
            ApplicationService.EligibilityFacts app = applications.eligibilityFacts(applicationId(execution));
            // what the applicant declared, overruled by what the register says
            Map<String, Object> facts = new HashMap<>(app.declared());
            facts.putAll(organisations.facts(app.organisationId(), app.callYear(), app.programmeCode()));
            facts.put("othersByCategory", app.othersByCategory());
            facts.put("othersWithSameDeclared", app.othersWithSameDeclared());
            facts.put("previouslyRecognised", app.previouslyRecognised());
            facts.put(RECOGNISED_THIS_YEAR, app.recognisedThisYear());
            facts.put(ProjectProcess.CATEGORY, app.categoryCode());
            // transient: the decision that follows reads them in this transaction and the decision's
            // history keeps the inputs it read; stored as process variables they cost three rows
            // each (variable, its history, its detail). A name the process already holds stays stored.
            facts.forEach((name, value) -> {
                if (execution.hasVariable(name)) {
                    if (!java.util.Objects.equals(execution.getVariable(name), value)) {
                        execution.setVariable(name, value);
                    }
                } else {
                    execution.setVariable(name, Variables.untypedValue(value, true));
                }
            });
        };
    }

    /**
     * Records the eligibility table's reasons (none: eligible) in the dossier's history: one insert. The
     * table's result must be there (an empty list when no rule matched): a missing or malformed result
     * is the diagram's fault, and fails the step rather than passing the application as eligible.
     */
    @Bean
    JavaDelegate eligibilityRecorder(ApplicationService applications) {
        return execution -> {
            Object reasons = execution.getVariable(ProjectProcess.ELIGIBILITY_REASONS);
            if (!(reasons instanceof List<?> list)) {
                throw new IllegalStateException("process " + execution.getProcessInstanceId() + " has no eligibility result ("
                        + ProjectProcess.ELIGIBILITY_REASONS + " = " + reasons + ")");
            }
            Map<String, Object> data = new HashMap<>();
            data.put("reasons", list);
            applications.record(applicationId(execution), "eligibility", list.isEmpty() ? "ELIGIBLE" : "NOT_ELIGIBLE",
                    String.join("\n", list.stream().map(String::valueOf).toList()), data);
        };
    }

    static long applicationId(DelegateExecution execution) {
        Object id = execution.getVariable(ProjectProcess.APPLICATION_ID);
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("process " + execution.getProcessInstanceId() + " has no applicationId");
        }
        return n.longValue();
    }
}
