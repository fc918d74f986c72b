package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Comments written on a task in Camunda Tasklist ({@code TaskService#createComment}) show in the
 * dossier's history where they fall in time; by the author's role, a staff comment is an internal
 * note the applicant never reads, while the applicant reads its own organisation's.
 */
@PlatformTest
class DossierTaskCommentsTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationService applications;

    @Test
    void aTasklistCommentShowsInTheHistoryAndAStaffCommentNeverToTheApplicant() {
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AGREEMENT");
        WorkItem sign = forms.task(Forms.SIGN_AGREEMENT, app, "cz-med", Map.of());
        comment("office", sign, "内部：请核实单位公章与法人签字是否一致");
        comment("cz-med", sign, "责任书已盖章，周五前提交");

        List<ApplicationEvent> office = AsUser.call(identity, "office", () -> applications.events(app)).stream()
                .filter(e -> ApplicationService.TASK_COMMENT.equals(e.step())).toList();
        assertThat(office).extracting(ApplicationEvent::comment)
                .containsExactly("内部：请核实单位公章与法人签字是否一致", "责任书已盖章，周五前提交");
        assertThat(office).extracting(ApplicationEvent::userId).containsExactly("office", "cz-med");
        assertThat(office).extracting(ApplicationEvent::outcome).as("the task it was written on").containsOnly(sign.name());

        List<ApplicationEvent> applicant = AsUser.call(identity, "cz-med", () -> applications.events(app)).stream()
                .filter(e -> ApplicationService.TASK_COMMENT.equals(e.step())).toList();
        assertThat(applicant).extracting(ApplicationEvent::comment).containsExactly("责任书已盖章，周五前提交");
        // another organisation's applicant and another city's office read nothing of the dossier at all
        for (String outsider : List.of("cz-agri", "office-xz")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsUser.call(identity, outsider, () -> applications.events(app)))
                    .as(outsider).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
    }

    /** A comment as Tasklist writes it for the user: on the task, with its process instance. */
    private void comment(String user, WorkItem task, String message) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(commandContext -> commandContext.runWithoutAuthorization(
                            () -> taskService.createComment(task.id(), task.processInstanceId(), message)));
        } finally {
            identity.clearAuthentication();
        }
    }
}
