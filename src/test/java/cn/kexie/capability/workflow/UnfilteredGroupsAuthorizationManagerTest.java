package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.StatementCounter;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The engine's checks use the caller's groups without first scanning every grant to narrow them
 * ({@link UnfilteredGroupsAuthorizationManager}, issue 13), and answer as before: the office finds
 * its task, a group that no grant names adds nothing, and an expert is still refused the office's
 * task and its data.
 */
@PlatformTest
class UnfilteredGroupsAuthorizationManagerTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    @Test
    void theChecksReadNoListOfEveryGrantedGroupAndAnswerAsBefore() {
        FormTasks forms = new FormTasks(context);
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem review = forms.task(Forms.FORMAL_REVIEW, chenzhou, "office", Map.of());

        identity.setAuthentication("office", List.of("programme-office"), List.of("CHENZHOU"));
        StatementCounter.Count count = StatementCounter.count(
                () -> assertThat(taskService.createTaskQuery().taskId(review.id()).count()).isOne());
        assertThat(count.statements()).as("the engine's scan of every grant")
                .noneMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains("distinct(a.group_id_)"));

        identity.setAuthentication("office", List.of("programme-office", "no-grant-names-this-group"), List.of("CHENZHOU"));
        assertThat(taskService.createTaskQuery().taskId(review.id()).count()).isOne();

        identity.setAuthentication("expert1", List.of("expert", "no-grant-names-this-group"), List.of("CHENZHOU"));
        assertThat(taskService.createTaskQuery().taskId(review.id()).count()).isZero();
        assertThatThrownBy(() -> taskService.getVariables(review.id())).isInstanceOf(AuthorizationException.class);

        identity.setAuthentication("office-xz", List.of("programme-office"), List.of("XUZHOU"));
        assertThat(taskService.createTaskQuery().taskId(review.id()).count()).as("another city's office").isZero();
    }
}
