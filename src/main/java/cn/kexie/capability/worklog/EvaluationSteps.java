package cn.kexie.capability.worklog;

import cn.kexie.capability.workflow.ChengduEvaluation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps {@code chengdu-evaluation} calls by bean name. Thin: they count and record; the tier
 * table suggests, the office decides.
 */
@Configuration
class EvaluationSteps {

    /** {@code ${workEvaluationStatus.set(execution, 'EVALUATING')}} as an execution listener. */
    @Bean
    StatusSetter workEvaluationStatus(WorkEvaluationService evaluations) {
        return new StatusSetter(evaluations);
    }

    /** Status setter called from the diagram. */
    public static class StatusSetter {
        private final WorkEvaluationService evaluations;

        StatusSetter(WorkEvaluationService evaluations) {
            this.evaluations = evaluations;
        }

        public void set(DelegateExecution execution, String status) {
            evaluations.setStatus(number(execution, ChengduEvaluation.EVALUATION_ID), status);
        }
    }

    /**
     * {@code Task_CountRecords}: puts the society's counts of the year per class and per type into the
     * process, for the tier table (and any column an administrator adds to it).
     */
    @Bean
    JavaDelegate workRecordCounter(WorkEvaluationService evaluations) {
        return execution -> execution.setVariables(evaluations.countVariables(
                number(execution, ChengduEvaluation.ORGANISATION_ID),
                (int) number(execution, ChengduEvaluation.EVALUATION_YEAR)));
    }

    static long number(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("process " + execution.getProcessInstanceId() + " has no " + variable);
        }
        return n.longValue();
    }
}
