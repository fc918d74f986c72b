package cn.kexie.capability.review;

import cn.kexie.capability.workflow.ProjectProcess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReviewSteps {

    /** {@code ${panelScoreCalculator}} (a bean named like the variable it sets would be hidden by it): the panel's score from the submitted sheets, into the dossier and the process. */
    @Bean
    JavaDelegate panelScoreCalculator(ReviewService reviews) {
        return execution -> {
            long applicationId = ((Number) execution.getVariable(ProjectProcess.APPLICATION_ID)).longValue();
            execution.setVariable(ProjectProcess.PANEL_SCORE, reviews.computePanelScore(applicationId).doubleValue());
        };
    }
}
