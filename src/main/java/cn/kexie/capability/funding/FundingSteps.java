package cn.kexie.capability.funding;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.workflow.ProjectProcess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FundingSteps {

    /** {@code ${agreementGenerator}}: the agreement is generated from the application; the dossier records it. */
    @Bean
    JavaDelegate agreementGenerator(ApplicationService applications) {
        return execution -> applications.record(((Number) execution.getVariable(ProjectProcess.APPLICATION_ID)).longValue(),
                "agreement", "GENERATED", null, null);
    }
}
