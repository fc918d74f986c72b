package cn.kexie.capability.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.ApplicationStatusSet;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.TaskMoves;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications of issue 11, each kind written in the transaction of what caused it and read by
 * exactly the people it is for: the office of the task's city (not Xuzhou's), the assigned expert
 * (not another), the applicant organisation (not another, not an expert). Nothing is written for a
 * step that rolls back; nobody reads or marks another's notifications.
 */
@PlatformTest
class NotificationTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired NotificationService notifications;
    @Autowired NotificationSweep sweep;
    @Autowired NotificationWriter writer;
    @Autowired TaskMoves moves;
    @Autowired WorkflowTasks tasks;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired cn.kexie.capability.calendar.WorkingDays workingDays;

    FormTasks forms;

    @BeforeEach
    void setUp() {
        forms = new FormTasks(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskOfferedToTheOfficeIsForTheOfficeOfItsCityOnly() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        WorkItem review = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());

        NotificationService.Notification offered = only("office", number);
        assertThat(offered.kind()).isEqualTo(NotificationKind.TASK_OFFERED);
        assertThat(offered.text()).contains("新待办", "形式审查", number);
        assertThat(offered.link()).isEqualTo("tasks/" + review.id());
        assertThat(offered.read()).isFalse();
        for (String outsider : List.of("office-xz", "expert1", "cz-med", "xz-mech")) {
            assertThat(mine(outsider)).as(outsider).noneMatch(n -> n.text().contains(number));
        }

        // another user can neither mark it read one by one nor with 全部已读
        long officeUnread = as("office", () -> notifications.unreadCount());
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> notifications.markRead(offered.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> notifications.markRead(offered.id())))
                .isInstanceOf(AccessDeniedException.class);
        AsUser.run(identity, "office-xz", () -> notifications.markAllRead());
        assertThat(only("office", number).read()).isFalse();

        // the office reads it: once, and the count falls by one
        AsUser.run(identity, "office", () -> notifications.markRead(offered.id()));
        AsUser.run(identity, "office", () -> notifications.markRead(offered.id()));
        assertThat(only("office", number).read()).isTrue();
        assertThat(as("office", () -> notifications.unreadCount())).isEqualTo(officeUnread - 1);
        // in English for a reader who chose English
        assertThat(as("office", () -> notifications.mine(Messages.ENGLISH)))
                .anyMatch(n -> n.text().contains("New task") && n.text().contains(number));
    }

    @Test
    void anExpertsSheetIsAnnouncedToThatExpertOnly() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        String number = forms.number(app);
        WorkItem sheet = forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1"));

        NotificationService.Notification assigned = only("expert1", number);
        assertThat(assigned.kind()).isEqualTo(NotificationKind.TASK_ASSIGNED);
        assertThat(assigned.text()).contains("交给您办理", number);
        assertThat(assigned.link()).isEqualTo("tasks/" + sheet.id());
        for (String outsider : List.of("expert2", "office", "office-xz", "cz-med")) {
            assertThat(mine(outsider)).as(outsider + " never learns who scores").noneMatch(n -> n.text().contains(number));
        }
        AsUser.run(identity, "expert1", () -> notifications.markAllRead());
        assertThat(mine("expert1")).filteredOn(n -> n.text().contains(number)).allMatch(NotificationService.Notification::read);
    }

    @Test
    void anApplicantsTaskAndAReminderGoToItsOrganisationOnly() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AGREEMENT");
        String number = forms.number(app);
        WorkItem sign = forms.task(Forms.SIGN_AGREEMENT, app, "cz-med", Map.of());
        assertThat(only("cz-med", number).kind()).isEqualTo(NotificationKind.TASK_OFFERED);

        AsUser.run(identity, "office", () -> moves.remind(sign.id(), "请本周内签订"));

        assertThat(mine("cz-med")).filteredOn(n -> n.text().contains(number))
                .extracting(NotificationService.Notification::kind)
                .containsExactly(NotificationKind.TASK_REMINDED, NotificationKind.TASK_OFFERED);
        assertThat(mine("cz-med").get(0).text()).contains("催办", "请本周内签订", number);
        for (String outsider : List.of("xz-mech", "office-xz", "expert1")) {
            assertThat(mine(outsider)).as(outsider).noneMatch(n -> n.text().contains(number));
        }
    }

    @Test
    void anApplicationReturnedDecidedOrUnderNoticeIsToldToItsApplicant() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        for (String status : List.of("RETURNED", "UNDER_NOTICE", "REJECTED", "EXPERT_REVIEW")) {
            transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationStatusSet(app, status, null)));
        }

        List<NotificationService.Notification> told = mine("cz-med").stream().filter(n -> n.text().contains(number)).toList();
        assertThat(told).extracting(NotificationService.Notification::kind).containsExactly(
                NotificationKind.APPLICATION_DECIDED, NotificationKind.NOTICE_STARTED, NotificationKind.APPLICATION_RETURNED);
        assertThat(told.get(0).text()).contains("有了结果", "形式审查未通过");
        assertThat(told.get(2).text()).contains("退回补正");
        assertThat(told).allMatch(n -> n.link().equals("applications/" + app));
        for (String outsider : List.of("xz-mech", "office", "office-xz", "expert1")) {
            assertThat(mine(outsider)).as(outsider).noneMatch(n -> n.text().contains(number));
        }
    }

    @Test
    void aStepThatRollsBackLeavesNoNotification() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        transactions.executeWithoutResult(tx -> {
            forms.start(Forms.FORMAL_REVIEW, app, Map.of());
            events.publishEvent(new ApplicationStatusSet(app, "RETURNED", null));
            assertThat(jdbc.sql("select count(*) from notification where business_key = ?").param(number)
                    .query(Long.class).single()).as("written inside the step").isEqualTo(2);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from notification where business_key = ?").param(number)
                .query(Long.class).single()).isZero();
        assertThat(mine("office")).noneMatch(n -> n.text().contains(number));
        assertThat(mine("cz-med")).noneMatch(n -> n.text().contains(number));
    }

    @Test
    void dueSoonAndOverdueAreToldOnceAndTheDigestRunsOnceOnTwoNodes() throws Exception {
        long soonApp = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long lateApp = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem soon = forms.task(Forms.FORMAL_REVIEW, soonApp, "office", Map.of());
        WorkItem late = forms.task(Forms.FORMAL_REVIEW, lateApp, "office", Map.of());
        // 10:00 in Beijing today, after the digest's hour; no other test sweeps
        Instant now = PlatformClock.today().atTime(10, 0).atZone(PlatformClock.ZONE).toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
        due(soon.id(), workingDays.endOfPeriod(Date.from(now), 1));
        due(late.id(), Date.from(now.minus(Duration.ofHours(2))));

        NotificationSweep otherNode = new NotificationSweep(jdbc, taskService, runtimeService, workingDays, writer, transactions);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = nodes.invokeAll(List.<Callable<Integer>>of(sweep::sweepTasks, otherNode::sweepTasks));
            assertThat(runs.get(0).get() == 0 || runs.get(1).get() == 0).as("one node swept the hour").isTrue();
            List<Future<Integer>> digests = nodes.invokeAll(List.<Callable<Integer>>of(sweep::digest, otherNode::digest));
            assertThat(List.of(digests.get(0).get(), digests.get(1).get())).as("one node sent the day's digest")
                    .containsOnlyOnce(0);
        } finally {
            nodes.shutdownNow();
        }
        String soonNumber = forms.number(soonApp);
        String lateNumber = forms.number(lateApp);
        assertThat(mine("office")).filteredOn(n -> n.text().contains(soonNumber))
                .extracting(NotificationService.Notification::kind)
                .containsExactly(NotificationKind.TASK_DUE_SOON, NotificationKind.TASK_OFFERED);
        assertThat(mine("office")).filteredOn(n -> n.text().contains(lateNumber))
                .extracting(NotificationService.Notification::kind)
                .containsExactly(NotificationKind.TASK_OVERDUE, NotificationKind.TASK_OFFERED);
        assertThat(mine("office-xz")).noneMatch(n -> n.text().contains(soonNumber) || n.text().contains(lateNumber));
        // the office of each city with overdue tasks has one digest today; Chenzhou's is not Xuzhou's
        long digests = jdbc.sql("""
                select count(*) from notification where kind = 'OVERDUE_DIGEST' and tenant_id = 'CHENZHOU'
                and created_at >= ?""").param(java.sql.Timestamp.from(now.minus(Duration.ofMinutes(1))))
                .query(Long.class).single();
        assertThat(digests).isEqualTo(1);
        assertThat(mine("office")).anyMatch(n -> n.kind() == NotificationKind.OVERDUE_DIGEST && n.text().contains("逾期"));

        // the next hour: told already, so not again
        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(1))));
        sweep.sweepTasks();
        assertThat(mine("office")).filteredOn(n -> n.text().contains(lateNumber)).hasSize(2);
    }

    @Test
    void eachRoleChoosesAmongTheKindsThatCanReachIt() {
        assertThat(as("cz-med", () -> notifications.mailChoices()).keySet())
                .contains(NotificationKind.APPLICATION_DECIDED, NotificationKind.TASK_OFFERED)
                .doesNotContain(NotificationKind.OVERDUE_DIGEST);
        assertThat(as("office", () -> notifications.mailChoices()).keySet())
                .contains(NotificationKind.OVERDUE_DIGEST, NotificationKind.TASK_REMINDED)
                .doesNotContain(NotificationKind.APPLICATION_DECIDED);
        assertThat(as("expert1", () -> notifications.mailChoices()).keySet())
                .contains(NotificationKind.TASK_ASSIGNED)
                .doesNotContain(NotificationKind.OVERDUE_DIGEST, NotificationKind.APPLICATION_DECIDED);
        // one user's choice is not another's
        AsUser.run(identity, "expert2", () -> notifications.saveMailChoices(java.util.EnumSet.of(NotificationKind.TASK_OVERDUE)));
        try {
            assertThat(as("expert2", () -> notifications.mailChoices())).containsEntry(NotificationKind.TASK_ASSIGNED, false)
                    .containsEntry(NotificationKind.TASK_OVERDUE, true);
            assertThat(as("expert1", () -> notifications.mailChoices())).containsEntry(NotificationKind.TASK_ASSIGNED, true);
        } finally {
            AsUser.run(identity, "expert2", () -> notifications.saveMailChoices(java.util.EnumSet.allOf(NotificationKind.class)));
        }
    }

    private void due(String taskId, Date due) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        task.setDueDate(due);
        taskService.saveTask(task);
    }

    private NotificationService.Notification only(String user, String number) {
        List<NotificationService.Notification> found = mine(user).stream().filter(n -> n.text().contains(number)).toList();
        assertThat(found).as(user + "'s notifications of " + number).hasSize(1);
        return found.get(0);
    }

    private List<NotificationService.Notification> mine(String user) {
        // all of them: the shared database holds many of other tests for the same users
        return as(user, () -> notifications.mine(Messages.CHINESE, Integer.MAX_VALUE));
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
