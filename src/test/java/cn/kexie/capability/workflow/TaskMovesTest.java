package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.ApplicationEvent;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.HomeNotice;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The moves of a task, each a platform step recorded in the dossier's history and refused where it
 * does not apply: 转办 and 委派 to a user of the task's group in its city, 交回 by the delegate, 催办
 * by the office of the task's city, 退回任务池 to the group, and an expert's 谢绝 that the office
 * answers with a replacement.
 */
@PlatformTest
class TaskMovesTest {

    /** A second programme office user of Chenzhou, this test's own. */
    static final String COLLEAGUE = "t11-office2";

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskMoves moves;
    @Autowired WorkflowTasks tasks;
    @Autowired TaskService taskService;
    @Autowired ApplicationService applications;
    @Autowired List<HomeNotice> homeNotices;
    @Autowired cn.kexie.capability.notification.NotificationService notifications;

    FormTasks forms;

    @BeforeEach
    void setUp() {
        forms = new FormTasks(context);
        if (identity.createUserQuery().userId(COLLEAGUE).count() == 0) {
            User user = identity.newUser(COLLEAGUE);
            user.setFirstName("同事");
            user.setLastName("郴");
            user.setPassword("T11-Kexie-" + System.nanoTime() + "-Aa!");
            identity.saveUser(user);
            identity.createMembership(COLLEAGUE, Roles.PROGRAMME_OFFICE);
            identity.createTenantUserMembership("CHENZHOU", COLLEAGUE);
        }
    }

    // ------------------------------------------------------------------ 转办

    @Test
    void theHolderTransfersToAColleagueOfTheGroupInTheTasksCityWithAReason() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> tasks.claim(task.id()));

        assertThat(as("office", () -> moves.colleagues(task.id()))).extracting(TaskMoves.Person::userId)
                .contains(COLLEAGUE).doesNotContain("office", "office-xz", "expert1");
        AsUser.run(identity, "office", () -> moves.transfer(task.id(), COLLEAGUE, "本周出差，请同事办理"));

        assertThat(assignee(task.id())).isEqualTo(COLLEAGUE);
        ApplicationEvent moved = lastEvent(app, "taskTransferred");
        assertThat(moved.userId()).isEqualTo("office");
        assertThat(moved.outcome()).isEqualTo(COLLEAGUE);
        assertThat(moved.comment()).isEqualTo("本周出差，请同事办理");
        assertThat(moved.at()).isNotNull();
        // the new holder works it; the old one no longer holds it
        assertThat(as(COLLEAGUE, () -> tasks.get(task.id())).assignee()).isEqualTo(COLLEAGUE);
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.transfer(task.id(), "office", "拿回来")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notHolder"));
        // the applicant never sees the move in its history
        assertThat(as("cz-med", () -> applications.events(app))).extracting(ApplicationEvent::step)
                .doesNotContain("taskTransferred");
    }

    @Test
    void aTransferIsRefusedOutsideTheGroupOrCityWithoutReasonAndByOthers() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        // not claimed: nobody holds it yet
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.transfer(task.id(), COLLEAGUE, "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notHolder"));
        AsUser.run(identity, "office", () -> tasks.claim(task.id()));

        // Xuzhou's office is of the role but not of the task's city; an expert is not of the role; no reason: all at once
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.transfer(task.id(), "office-xz", " ")))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.reason", "task.move.error.notColleague"));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.delegate(task.id(), "expert1", "请协助")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notColleague"));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.transfer(task.id(), "office", "给自己")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.toSelf"));
        // another city's office, an expert, the applicant: not their task at all
        for (String outsider : List.of("office-xz", "expert1", "cz-med")) {
            assertThatThrownBy(() -> AsUser.run(identity, outsider, () -> moves.transfer(task.id(), COLLEAGUE, "理由")))
                    .as(outsider).satisfies(TaskMovesTest::notTheirs);
        }
        // the colleague, a candidate but not the holder
        assertThatThrownBy(() -> AsUser.run(identity, COLLEAGUE, () -> moves.transfer(task.id(), "office", "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notHolder"));
        assertThat(assignee(task.id())).isEqualTo("office");
        assertThat(events(app)).extracting(ApplicationEvent::step).doesNotContain("taskTransferred");

        // done: nothing left to move
        AsUser.run(identity, "office", () -> tasks.complete(task.id(), Map.of()));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.transfer(task.id(), COLLEAGUE, "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.error.gone"));
    }

    @Test
    void theApplicantTransfersOnlyToAUserOfItsOwnOrganisation() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem sign = forms.task(Forms.SIGN_AGREEMENT, app, "cz-med", Map.of());
        AsUser.run(identity, "cz-med", () -> tasks.claim(sign.id()));
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> moves.transfer(sign.id(), "xz-mech", "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notColleague"));
        assertThat(as("cz-med", () -> moves.colleagues(sign.id()))).extracting(TaskMoves.Person::userId)
                .doesNotContain("xz-mech", "office", "cz-med");
    }

    // ------------------------------------------------------------------ 委派 and 交回

    @Test
    void aDelegatedTaskComesBackToItsHolderWhoDecides() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> tasks.claim(task.id()));

        AsUser.run(identity, "office", () -> moves.delegate(task.id(), COLLEAGUE, "请先核对预算材料"));
        Task delegated = taskService.createTaskQuery().taskId(task.id()).singleResult();
        assertThat(delegated.getAssignee()).isEqualTo(COLLEAGUE);
        assertThat(delegated.getOwner()).isEqualTo("office");
        assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(as(COLLEAGUE, () -> moves.state(task.id())).delegatedToMe()).isTrue();

        // while delegated: the delegate cannot pass it on, the holder cannot hand it back, no reason no return
        assertThatThrownBy(() -> AsUser.run(identity, COLLEAGUE, () -> moves.transfer(task.id(), "office", "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.delegated"));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.resolve(task.id(), "意见")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notDelegatedToYou"));
        assertThatThrownBy(() -> AsUser.run(identity, COLLEAGUE, () -> moves.resolve(task.id(), "")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.reason"));
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> moves.resolve(task.id(), "意见")))
                .satisfies(TaskMovesTest::notTheirs);

        AsUser.run(identity, COLLEAGUE, () -> moves.resolve(task.id(), "预算材料齐全，建议通过"));
        Task back = taskService.createTaskQuery().taskId(task.id()).singleResult();
        assertThat(back.getAssignee()).isEqualTo("office");
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(lastEvent(app, "taskDelegated").outcome()).isEqualTo(COLLEAGUE);
        ApplicationEvent resolved = lastEvent(app, "taskResolved");
        assertThat(resolved.userId()).isEqualTo(COLLEAGUE);
        assertThat(resolved.outcome()).isEqualTo("office");
        assertThat(resolved.comment()).isEqualTo("预算材料齐全，建议通过");
        // the holder decides
        AsUser.run(identity, "office", () -> tasks.complete(task.id(), Map.of()));
        assertThat(forms.isOpen(task.id())).isFalse();
    }

    // ------------------------------------------------------------------ 催办

    @Test
    void theOfficeRemindsTheHolderWhoIsToldOnceByTheBell() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        WorkItem sheet = forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1"));

        assertThat(as("office", () -> moves.waiting(sheet.processInstanceId()))).extracting(TaskMoves.Waiting::taskId)
                .containsExactly(sheet.id());
        assertThat(as("office-xz", () -> moves.waiting(sheet.processInstanceId()))).isEmpty();
        assertThat(as("expert1", () -> moves.waiting(sheet.processInstanceId()))).isEmpty();
        AsUser.run(identity, "office", () -> moves.remind(sheet.id(), "评审会前请完成评分"));

        assertThat(notices("expert1")).anyMatch(text -> text.contains("催办") && text.contains(number) && text.contains("评审会前请完成评分"));
        assertThat(notices("expert2")).noneMatch(text -> text.contains(number));
        assertThat(notices("office-xz")).noneMatch(text -> text.contains(number));
        ApplicationEvent reminded = lastEvent(app, "taskReminded");
        assertThat(reminded.userId()).isEqualTo("office");
        assertThat(reminded.outcome()).isEqualTo("expert1");

        // another city's office, the expert himself, the applicant: refused
        for (String other : List.of("office-xz", "expert2", "cz-med")) {
            assertThatThrownBy(() -> AsUser.run(identity, other, () -> moves.remind(sheet.id(), "催一下")))
                    .as(other).isInstanceOf(AccessDeniedException.class);
        }
        // told once: by the bell, not a second time on the home page
        assertThat(notices("expert1")).filteredOn(text -> text.contains("催办") && text.contains(number)).hasSize(1);
        assertThat(homePage("expert1")).noneMatch(text -> text.contains(number));
        // done: nothing is left to remind of
        AsUser.run(identity, "expert1", () -> tasks.complete(sheet.id(), Map.of()));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.remind(sheet.id(), null)))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.error.gone"));
    }

    @Test
    void anUnclaimedTaskIsRemindedToItsGroupAndOnlyItsCitySeesIt() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        WorkItem sign = forms.task(Forms.SIGN_AGREEMENT, app, "cz-med", Map.of());
        AsUser.run(identity, "office", () -> moves.remind(sign.id(), null));
        assertThat(notices("cz-med")).anyMatch(text -> text.contains("催办") && text.contains(number));
        assertThat(notices("xz-mech")).noneMatch(text -> text.contains(number));
        ApplicationEvent reminded = lastEvent(app, "taskReminded");
        assertThat(reminded.userId()).isEqualTo("office");
        assertThat(reminded.outcome()).as("no group code in the history").isNull();
    }

    // ------------------------------------------------------------------ 退回任务池, 谢绝 and 更换

    @Test
    void aReleasedTaskGoesBackToItsGroup() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> tasks.claim(task.id()));
        assertThatThrownBy(() -> AsUser.run(identity, COLLEAGUE, () -> moves.release(task.id(), null)))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notHolder"));

        AsUser.run(identity, "office", () -> moves.release(task.id(), "材料需另一位同事审核"));
        assertThat(assignee(task.id())).isNull();
        assertThat(as(COLLEAGUE, () -> tasks.get(task.id())).assignee()).isNull();
        assertThat(lastEvent(app, "taskReleased").comment()).isEqualTo("材料需另一位同事审核");
        AsUser.run(identity, COLLEAGUE, () -> tasks.claim(task.id()));
        assertThat(assignee(task.id())).isEqualTo(COLLEAGUE);
    }

    @Test
    void anExpertWhoDeclinesLeavesTheTaskToTheOfficeWhichNamesAReplacement() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem sheet = forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1"));
        // no reason: refused; transferring it is not his to do
        assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> moves.release(sheet.id(), "")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.reason"));
        assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> moves.transfer(sheet.id(), "expert2", "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.noGroup"));
        // the office cannot replace an expert who has not declined
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.replace(sheet.id(), "expert2", "理由")))
                .satisfies(TaskMovesTest::notTheirs);

        AsUser.run(identity, "expert1", () -> moves.release(sheet.id(), "与申报单位负责人系同门，申请回避"));
        Task declined = taskService.createTaskQuery().taskId(sheet.id()).singleResult();
        assertThat(declined).as("the scoring task is not stranded").isNotNull();
        assertThat(declined.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(sheet.id())).extracting(IdentityLink::getGroupId)
                .contains(Roles.PROGRAMME_OFFICE);
        assertThatThrownBy(() -> as("expert1", () -> tasks.get(sheet.id()))).satisfies(TaskMovesTest::notTheirs);
        assertThat(lastEvent(app, "taskDeclined").userId()).isEqualTo("expert1");
        // the office sees it to claim, in its city only; office-xz does not
        assertThat(as("office", () -> moves.state(sheet.id())).awaitingReplacement()).isTrue();
        assertThatThrownBy(() -> as("office-xz", () -> moves.state(sheet.id()))).satisfies(TaskMovesTest::notTheirs);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> moves.replace(sheet.id(), "expert2", "理由")))
                .satisfies(TaskMovesTest::notTheirs);

        // replacements: experts without ties to the applicant (expert3 works at CZ-MED), not the one who declined
        assertThat(as("office", () -> moves.replacements(sheet.id()))).extracting(TaskMoves.Person::userId)
                .contains("expert2", "expert4").doesNotContain("expert1", "expert3", "office");
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.replace(sheet.id(), "expert3", "")))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.reason", "task.move.error.notReplacement"));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.replace(sheet.id(), "expert1", "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> assertThat(keys(e)).containsExactly("task.move.error.notReplacement"));

        AsUser.run(identity, "office", () -> moves.replace(sheet.id(), "expert2", "改由张研究员评审"));
        Task replaced = taskService.createTaskQuery().taskId(sheet.id()).singleResult();
        assertThat(replaced.getAssignee()).isEqualTo("expert2");
        assertThat(taskService.getIdentityLinksForTask(sheet.id())).extracting(IdentityLink::getGroupId)
                .doesNotContain(Roles.PROGRAMME_OFFICE);
        assertThat(lastEvent(app, "taskReplaced").outcome()).isEqualTo("expert2");
        // the replacement works it; the office no longer can
        assertThat(as("expert2", () -> tasks.get(sheet.id())).assignee()).isEqualTo("expert2");
        assertThatThrownBy(() -> as("office", () -> tasks.get(sheet.id()))).satisfies(TaskMovesTest::notTheirs);
        AsUser.run(identity, "expert2", () -> tasks.complete(sheet.id(), Map.of()));
        assertThat(forms.isOpen(sheet.id())).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private String assignee(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    private List<ApplicationEvent> events(long app) {
        return as("office", () -> applications.events(app));
    }

    private ApplicationEvent lastEvent(long app, String step) {
        List<ApplicationEvent> found = events(app).stream().filter(e -> step.equals(e.step())).toList();
        assertThat(found).as("history entry " + step).isNotEmpty();
        return found.get(found.size() - 1);
    }

    /** What the bell holds for the user (a 催办 is told there, once). */
    private List<String> notices(String user) {
        return as(user, () -> notifications.mine(Locale.CHINESE).stream()
                .map(cn.kexie.capability.notification.NotificationService.Notification::text).toList());
    }

    private List<String> homePage(String user) {
        return as(user, () -> homeNotices.stream().flatMap(n -> n.notices(Locale.CHINESE).stream())
                .map(HomeNotice.Notice::text).toList());
    }

    /**
     * Refused as not the user's: denied, or — where the engine does not even list the task to the
     * user (another city's tenant, no grant) — told, as of a missing task, that it is not there.
     */
    private static void notTheirs(Throwable error) {
        if (!(error instanceof AccessDeniedException)) {
            assertThat(error).isInstanceOf(UserError.class);
            assertThat(keys(error)).containsExactly("task.error.gone");
        }
    }

    private static List<String> keys(Throwable error) {
        return ((UserError) error).problems().stream().map(UserError.Problem::key).toList();
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
