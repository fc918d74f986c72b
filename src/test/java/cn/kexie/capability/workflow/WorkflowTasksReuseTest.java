package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the task list reads once (issue 13) it still checks every time: a transaction or a request
 * that has read a task, or a caller, for one user refuses the next user as before; a completed task
 * is gone for the rest of the transaction; the overdue count in one query counts what the two
 * queries it replaced counted.
 */
@PlatformTest
class WorkflowTasksReuseTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired WorkflowTasks tasks;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aTaskReadForOneUserInATransactionIsStillRefusedToTheNext() {
        FormTasks forms = new FormTasks(context);
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem review = forms.task(Forms.FORMAL_REVIEW, chenzhou, "office", Map.of());
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(AsUser.call(identity, "office", () -> tasks.get(review.id()).applicationId())).isEqualTo(chenzhou);
            assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> tasks.get(review.id())))
                    .isInstanceOfAny(AccessDeniedException.class, UserError.class);
            assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> tasks.get(review.id())))
                    .isInstanceOfAny(AccessDeniedException.class, UserError.class);
            assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> tasks.get(review.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> tasks.complete(review.id(), Map.of())))
                    .isInstanceOfAny(AccessDeniedException.class, UserError.class);
            assertThat(AsUser.call(identity, "office", () -> tasks.get(review.id()).id())).isEqualTo(review.id());
            status.setRollbackOnly();
        });
        assertThat(forms.isOpen(review.id())).isTrue();
        assertThat(taskService.createTaskQuery().taskId(review.id()).singleResult().getAssignee()).isNull();
    }

    @Test
    void aCompletedTaskIsGoneForTheRestOfItsTransaction() {
        FormTasks forms = new FormTasks(context);
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem review = forms.task(Forms.FORMAL_REVIEW, chenzhou, "office", Map.of());
        // a refused read marks the transaction rollback-only, as it always did: the completion goes with it
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                AsUser.run(identity, "office", () -> {
                    tasks.get(review.id());
                    tasks.complete(review.id(), Map.of());
                    assertThatThrownBy(() -> tasks.get(review.id())).isInstanceOfSatisfying(UserError.class,
                            e -> assertThat(e.problems().get(0).key()).isEqualTo("task.error.gone"));
                })))
                .isInstanceOf(org.springframework.transaction.UnexpectedRollbackException.class);
        assertThat(forms.isOpen(review.id())).as("rolled back with its transaction").isTrue();

        AsUser.run(identity, "office", () -> tasks.complete(review.id(), Map.of()));
        assertThat(forms.isOpen(review.id())).isFalse();
        assertThat(historyAssignee(review.id())).as("claimed and completed as the office, in one command").isEqualTo("office");
    }

    @Test
    void aRequestReadsItsCallerOnceAndStillTellsUsersApart() {
        FormTasks forms = new FormTasks(context);
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem review = forms.task(Forms.FORMAL_REVIEW, chenzhou, "office", Map.of());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        List<String> office = AsUser.call(identity, "office",
                () -> tasks.list(WorkflowTasks.Scope.GROUPS, 0, 1000).stream().map(WorkItem::id).toList());
        List<String> xuzhou = AsUser.call(identity, "office-xz",
                () -> tasks.list(WorkflowTasks.Scope.GROUPS, 0, 1000).stream().map(WorkItem::id).toList());
        assertThat(office).contains(review.id());
        assertThat(xuzhou).doesNotContain(review.id());
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> tasks.get(review.id())))
                .isInstanceOfAny(AccessDeniedException.class, UserError.class);
    }

    @Test
    void theOverdueCountInOneQueryCountsWhatTheTwoCounted() {
        FormTasks forms = new FormTasks(context);
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem offered = forms.task(Forms.FORMAL_REVIEW, chenzhou, "office", Map.of());
        WorkItem mine = forms.task(Forms.FORMAL_REVIEW, chenzhou, "office", Map.of());
        AsUser.run(identity, "office", () -> tasks.claim(mine.id()));
        Date due = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)));
        taskService.setDueDate(offered.id(), due);
        taskService.setDueDate(mine.id(), due);
        ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofDays(400))));
        long counted = AsUser.call(identity, "office", tasks::countOverdue);
        List<String> groups = identity.createGroupQuery().groupMember("office").list().stream().map(Group::getId)
                .filter(g -> !g.startsWith("org-")).toList();
        Date now = ClockUtil.getCurrentTime();
        String[] cities = context.getBean(cn.kexie.capability.security.CurrentUser.class).citiesOf("office").cities()
                .toArray(String[]::new);
        long assigned = taskService.createTaskQuery().active().tenantIdIn(cities).taskAssignee("office")
                .dueBefore(now).count();
        long unclaimed = taskService.createTaskQuery().active().tenantIdIn(cities).taskCandidateGroupIn(groups)
                .taskUnassigned().dueBefore(now).count();
        assertThat(assigned).isPositive();
        assertThat(unclaimed).isPositive();
        assertThat(counted).isEqualTo(assigned + unclaimed);
    }

    private String historyAssignee(String taskId) {
        return context.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricTaskInstanceQuery()
                .taskId(taskId).singleResult().getAssignee();
    }
}
