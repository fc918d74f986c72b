package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.notification.NotificationService;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What a reviewer stumbled on (issue 11): a delegated task vanished from its holder's 我的任务, and an
 * applicant was told of the 申报书 task of the draft he had just opened himself.
 */
@PlatformTest
class DayStumblesTest {

    /** A second programme office user of Chenzhou, this test's own. */
    static final String COLLEAGUE = "d11-office2";

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskMoves moves;
    @Autowired WorkflowTasks tasks;
    @Autowired TaskListQuery list;
    @Autowired ApplicationService applications;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired NotificationService notifications;

    FormTasks forms;

    @BeforeEach
    void setUp() {
        forms = new FormTasks(context);
        if (identity.createUserQuery().userId(COLLEAGUE).count() == 0) {
            User user = identity.newUser(COLLEAGUE);
            user.setFirstName("同事");
            user.setLastName("郴");
            user.setPassword("D11-Kexie-" + System.nanoTime() + "-Aa!");
            identity.saveUser(user);
            identity.createMembership(COLLEAGUE, Roles.PROGRAMME_OFFICE);
            identity.createTenantUserMembership("CHENZHOU", COLLEAGUE);
        }
    }

    @Test
    void aDelegatedTaskStaysListedToItsHolderAsDelegatedUntilItComesBack() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        TaskListQuery.Filter byNumber = new TaskListQuery.Filter(forms.number(app), null, null, null, false);
        AsUser.run(identity, "office", () -> tasks.claim(task.id()));
        AsUser.run(identity, "office", () -> moves.delegate(task.id(), COLLEAGUE, "请先核对预算材料"));

        List<TaskRow> holders = as("office", () -> list.page(TaskListQuery.Tab.MINE, byNumber, null, 0, 50));
        assertThat(holders).extracting(TaskRow::taskId).as("still in the holder's 我的任务").containsExactly(task.id());
        assertThat(as("office", () -> list.delegatedByMe(holders.get(0)))).as("listed as 委派中").isTrue();
        assertThat(as("office", () -> list.count(TaskListQuery.Tab.MINE, byNumber))).isEqualTo(1);
        List<TaskRow> delegates = as(COLLEAGUE, () -> list.page(TaskListQuery.Tab.MINE, byNumber, null, 0, 50));
        assertThat(delegates).extracting(TaskRow::taskId).containsExactly(task.id());
        assertThat(as(COLLEAGUE, () -> list.delegatedByMe(delegates.get(0)))).as("the delegate's to work").isFalse();
        // another city's office and an expert see nothing of it
        assertThat(as("office-xz", () -> list.page(TaskListQuery.Tab.MINE, byNumber, null, 0, 50))).isEmpty();
        assertThat(as("expert1", () -> list.page(TaskListQuery.Tab.MINE, byNumber, null, 0, 50))).isEmpty();

        AsUser.run(identity, COLLEAGUE, () -> moves.resolve(task.id(), "预算已核对"));
        List<TaskRow> back = as("office", () -> list.page(TaskListQuery.Tab.MINE, byNumber, null, 0, 50));
        assertThat(back).extracting(TaskRow::taskId).containsExactly(task.id());
        assertThat(as("office", () -> list.delegatedByMe(back.get(0)))).as("the holder's to decide again").isFalse();
        assertThat(as(COLLEAGUE, () -> list.page(TaskListQuery.Tab.MINE, byNumber, null, 0, 50))).isEmpty();
    }

    @Test
    void anApplicantIsNotToldOfTheDraftHeOpenedHimself() {
        long callId = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow().id();
        Application draft = as("cz-med", () -> applications.start(callId, "ACADEMIC_EXCHANGE", "自己的草稿不必通知"));
        assertThat(as("cz-med", () -> notifications.mine(Locale.CHINESE)))
                .extracting(NotificationService.Notification::text)
                .noneMatch(text -> text.contains(draft.number()));
        assertThat(as("cz-med", () -> tasks.list(WorkflowTasks.Scope.GROUPS, 0, 1000)))
                .as("the task itself is there to work on").extracting(WorkItem::applicationId).contains(draft.id());
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
