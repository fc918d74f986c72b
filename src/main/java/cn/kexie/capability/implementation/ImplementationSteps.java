package cn.kexie.capability.implementation;

import cn.kexie.capability.workflow.ProjectProcess;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ImplementationSteps {

    /**
     * {@code ${sanctionRecorder}}: writes the sanction table's answer (variable {@code sanction},
     * a map with {@code banYears}) for the {@code finding} into the register.
     */
    @Bean
    JavaDelegate sanctionRecorder(ImplementationService implementation) {
        return execution -> {
            long applicationId = ((Number) execution.getVariable(ProjectProcess.APPLICATION_ID)).longValue();
            String finding = String.valueOf(execution.getVariable(ProjectProcess.FINDING));
            Object sanction = execution.getVariable("sanction");
            int banYears = sanction instanceof Map<?, ?> m && m.get(ProjectProcess.BAN_YEARS) instanceof Number n
                    ? n.intValue() : 0;
            implementation.recordSanction(applicationId, finding, banYears);
        };
    }
}
