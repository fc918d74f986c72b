package cn.kexie.capability.publicity;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.workflow.ProjectProcess;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PublicitySteps {

    /** {@code ${startNotice}}: starts the public notice; the diagram's timer waits for {@code noticeEnds}. */
    @Bean
    JavaDelegate startNotice(NoticeService notices) {
        return execution -> {
            long applicationId = ((Number) execution.getVariable(ProjectProcess.APPLICATION_ID)).longValue();
            Object days = execution.getVariable(ProjectProcess.PUBLICITY_DAYS);
            int workingDays = days instanceof Number n ? n.intValue() : 5;
            execution.setVariable(ProjectProcess.NOTICE_ENDS,
                    notices.start(applicationId, workingDays, execution.getProcessInstanceId(), null));
        };
    }

    /**
     * {@code ${endNotice}}, at the end of the notice's sub-process: the project leaves the public page
     * (and takes no more objections) when its process says the notice is over, also where the office
     * ran the timer early or an upheld objection ended it, not only once its last day has passed.
     */
    @Bean
    ExecutionListener endNotice(ApplicationService applications) {
        return execution -> applications.setNotice(
                ((Number) execution.getVariable(ProjectProcess.APPLICATION_ID)).longValue(), null, null, null);
    }
}
