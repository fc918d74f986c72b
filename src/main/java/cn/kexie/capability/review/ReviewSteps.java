package cn.kexie.capability.review;

import cn.kexie.capability.workflow.ProjectProcess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReviewSteps {

    /** {@code ${panelScore}}: the panel's score from the submitted sheets, into the dossier and the process. */
    @Bean
    JavaDelegate panelScore(ReviewService reviews) {
        return execution -> {
            long applicationId = ((Number) execution.getVariable(ProjectProcess.APPLICATION_ID)).longValue();
            execution.setVariable(ProjectProcess.PANEL_SCORE, reviews.computePanelScore(applicationId).doubleValue());
        };
    }
}
