package cn.kexie.capability.publicity;

import cn.kexie.capability.workflow.ProjectProcess;
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
}
