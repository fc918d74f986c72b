package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.security.WebSession;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkflowTasks;
import cn.kexie.capability.workflow.XuzhouProject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/**
 * 撤回 and 退回 on the real diagrams, one test per path: the instance is where the move put it, the
 * diagram's own continuation still works from there, the history says who, when and why, and every
 * move is refused where it does not apply (the wrong role, another city's office, another
 * organisation, too late, a step already begun) and through the engine's own APIs.
 */
@PlatformTest
class ApplicationMovesTest {

    static final byte[] PDF = "%PDF-1.4\n% moves\n".getBytes(StandardCharsets.US_ASCII);
    private static final String ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired WorkflowTasks workflowTasks;
    @Autowired ApplicationMoves moves;
    @Autowired MovesAction movesAction;
    @Autowired cn.kexie.capability.common.Messages messages;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    // ------------------------------------------------------------------ 撤回 by the applicant

    @Test
    void theApplicantWithdrawsBeforeFormalReviewKeepsItsDataAndSubmitsAgain() {
        Application app = submit("cz-med", "撤回后重新提交 " + key());
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        Assertions.assertThat(as("cz-med", () -> moves.options(app.id())).withdrawSubmission()).isTrue();
        // nobody else is offered the applicant's withdrawal
        Assertions.assertThat(as("office", () -> moves.options(app.id())).withdrawSubmission()).isFalse();

        AsUser.run(identity, "cz-med", () -> moves.withdrawSubmission(app.id(), "预算需要调整"));

        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FILL_APPLICATION);
        assertThat(instance(app)).isNotWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        Application back = applications.load(app.id());
        Assertions.assertThat(back.status()).isEqualTo(ApplicationStatus.DRAFT.name());
        Assertions.assertThat(back.aims()).isEqualTo("提升学会服务能力。");
        Assertions.assertThat(back.budget()).hasSize(1);
        ApplicationEvent withdrawn = last(app, "office", ApplicationMoves.WITHDRAWN);
        Assertions.assertThat(withdrawn.userId()).isEqualTo("cz-med");
        Assertions.assertThat(withdrawn.comment()).isEqualTo("预算需要调整");
        Assertions.assertThat(withdrawn.at()).isNotNull();
        // the submission stays in the history, marked withdrawn; the applicant reads its own reason
        Assertions.assertThat(last(app, "office", ChenzhouProject.TASK_FILL_APPLICATION).data()).containsEntry("withdrawn", true);
        // opening the application is no part of the submission: it stays as it was
        Assertions.assertThat(last(app, "office", "created").data()).doesNotContainKey("withdrawn");
        // the move is told before the status the diagram sets again
        Assertions.assertThat(events(app, "office")).extracting(e -> e.step() + ":" + e.outcome())
                .containsSubsequence(ApplicationMoves.WITHDRAWN + ":null", "status:" + ApplicationStatus.DRAFT.name());
        Assertions.assertThat(last(app, "cz-med", ApplicationMoves.WITHDRAWN).comment()).isEqualTo("预算需要调整");

        // the draft is the applicant's again: changed and submitted, the review starts afresh
        ApplicationDraft draft = ApplicationDraft.of(back);
        draft.setAims("提升学会服务能力（预算已调整）。");
        AsUser.run(identity, "cz-med", () -> applications.saveDraft(app.id(), back.version(), draft));
        AsUser.run(identity, "cz-med", () -> applications.submit(app.id()));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo("FORMAL_REVIEW");
        passFormalReview(app);
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_ASSIGN_PANEL);
    }

    @Test
    void theApplicantWithdrawsAXuzhouApplicationBeforeItsInitialReview() {
        Call call = catalogue.call("XUZHOU", PlatformClock.today().getYear()).orElseThrow();
        String key = key();
        Application app = AsUser.call(identity, "xz-mech", () -> applications.start(call.id(), "SERVICE_TECH", "机械装备服务" + key));
        fill(app, "xz-mech", Map.of("servicePoint", "徐工集团" + key, "hasServiceAgreement", true));
        assertThat(instance(app)).isWaitingAt(XuzhouProject.TASK_INITIAL_REVIEW);

        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> moves.withdrawSubmission(app.id(), "不是本单位的")))
                .isInstanceOf(AccessDeniedException.class);
        AsUser.run(identity, "xz-mech", () -> moves.withdrawSubmission(app.id(), "补充服务协议"));
        assertThat(instance(app)).isWaitingAt(XuzhouProject.TASK_FILL_APPLICATION);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo(ApplicationStatus.DRAFT.name());
    }

    @Test
    void theApplicantCannotWithdrawOnceFormalReviewHasStartedNorCanAnyoneElse() {
        Application app = submit("cz-med", "撤回被拒 " + key());
        // staff, another organisation: refused; no reason: refused
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.withdrawSubmission(app.id(), "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.applicantOnly"));
        assertThatThrownBy(() -> AsUser.run(identity, "cz-agri", () -> moves.withdrawSubmission(app.id(), "理由")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> moves.withdrawSubmission(app.id(), " ")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.reason"));

        // the office claims its formal review: formal review has started
        Task formal = task(app, ChenzhouProject.TASK_FORMAL_REVIEW);
        AsUser.run(identity, "office", () -> workflowTasks.claim(formal.getId()));
        Assertions.assertThat(as("cz-med", () -> moves.options(app.id())).withdrawSubmission()).isFalse();
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> moves.withdrawSubmission(app.id(), "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.reviewStarted"));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        Assertions.assertThat(taskService.createTaskQuery().taskId(formal.getId()).singleResult().getAssignee()).isEqualTo("office");

        // returned for correction: the review had started, the correction is the applicant's own step anyway
        AsUser.run(identity, "office", () -> reviews.formalReview(formal.getId(),
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "请补充预算明细", 5)));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_CORRECT_APPLICATION);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> moves.withdrawSubmission(app.id(), "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.notSubmitted"));
        AsUser.run(identity, "cz-med", () -> applications.submit(app.id()));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> moves.withdrawSubmission(app.id(), "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.reviewStarted"));
        Assertions.assertThat(events(app, "office")).extracting(ApplicationEvent::step).doesNotContain(ApplicationMoves.WITHDRAWN);
    }

    // ------------------------------------------------------------------ 撤回 by the office

    @Test
    void theOfficeWithdrawsItsFormalReviewWhileThePanelIsNotYetAssignedAndReviewsAgain() {
        Application app = submit("cz-med", "办公室撤回 " + key());
        passFormalReview(app);
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_ASSIGN_PANEL);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo("EXPERT_REVIEW");
        Assertions.assertThat(as("office", () -> moves.options(app.id())).withdrawableStep()).isEqualTo("形式审查");
        Assertions.assertThat(as("office-xz", () -> moves.options(app.id())).any()).isFalse();

        AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "误点了通过，材料清单未核完"));

        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        assertThat(instance(app)).isNotWaitingAt(ChenzhouProject.TASK_ASSIGN_PANEL);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo("FORMAL_REVIEW");
        ApplicationEvent review = last(app, "office", "formalReview");
        Assertions.assertThat(review.outcome()).isEqualTo(ProjectProcess.PASS);
        Assertions.assertThat(review.data()).containsEntry("withdrawn", true);
        ApplicationEvent withdrawn = last(app, "office", ApplicationMoves.STEP_WITHDRAWN);
        Assertions.assertThat(withdrawn.userId()).isEqualTo("office");
        Assertions.assertThat(withdrawn.outcome()).isEqualTo("形式审查");
        Assertions.assertThat(withdrawn.comment()).isEqualTo("误点了通过，材料清单未核完");
        // the applicant sees that the step was taken back, not the office's internal reason
        ApplicationEvent seen = last(app, "cz-med", ApplicationMoves.STEP_WITHDRAWN);
        Assertions.assertThat(seen.comment()).isNull();
        Assertions.assertThat(last(app, "cz-med", "formalReview").data()).containsEntry("withdrawn", true);
        // the review's form starts from the withdrawn record; nobody but the office reads it so
        Assertions.assertThat(as("office", () -> moves.earlierRecord(app.id(), "formalReview")))
                .hasValueSatisfying(earlier -> Assertions.assertThat(earlier.outcome()).isEqualTo(ProjectProcess.PASS));
        Assertions.assertThat(as("cz-med", () -> moves.earlierRecord(app.id(), "formalReview"))).isEmpty();
        // taken back once: the same step is not withdrawn again, and its status stays the step's
        Assertions.assertThat(as("office", () -> moves.options(app.id())).withdrawableStep()).isNull();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "再撤回一次")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.alreadyMoved"));
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo("FORMAL_REVIEW");
        Assertions.assertThat(as("office-xz", () -> moves.earlierRecord(app.id(), "formalReview"))).isEmpty();

        // the diagram goes on from the restored step: this time returned for correction
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "请补充预算明细", 5)));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_CORRECT_APPLICATION);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo(ApplicationStatus.RETURNED.name());
    }

    @Test
    void theOfficeCannotWithdrawOnceTheNextStepHasStartedNorForAnotherCityOrRole() {
        Application app = submit("cz-med", "撤回被拒（办公室） " + key());
        // nothing of the office's to withdraw yet
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.notYourLastStep"));
        passFormalReview(app);
        for (String outsider : List.of("office-xz", "expert1", "cz-med", "party")) {
            assertThatThrownBy(() -> AsUser.run(identity, outsider, () -> moves.withdrawStep(app.id(), "理由")))
                    .as(outsider).isInstanceOf(AccessDeniedException.class);
        }
        // claimed: the next step has started
        Task panel = task(app, ChenzhouProject.TASK_ASSIGN_PANEL);
        AsUser.run(identity, "office", () -> workflowTasks.claim(panel.getId()));
        Assertions.assertThat(as("office", () -> moves.options(app.id())).withdrawableStep()).isNull();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "")))
                .isInstanceOf(UserError.class)
                .satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.reason", "moves.error.nextStarted"));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_ASSIGN_PANEL);
        Assertions.assertThat(last(app, "office", "formalReview").data()).doesNotContainKey("withdrawn");

        // the panel assigned and one expert scored: the last step is no longer the office's
        AsUser.run(identity, "office", () -> reviews.assignPanel(panel.getId(), List.of("expert1", "expert2", "expert4")));
        score(app, "expert1", 80);
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.notYourLastStep"));
    }

    @Test
    void theOfficeWithdrawsAReturnForCorrectionOnlyUntilTheApplicantHasBegunOnIt() {
        Application app = submit("cz-med", "补正撤回 " + key());
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "请补充预算明细", 5)));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_CORRECT_APPLICATION);
        Assertions.assertThat(as("office", () -> moves.options(app.id())).withdrawableStep()).isEqualTo("形式审查");

        // the applicant saves its correction: the next step has data on it
        Application returned = applications.load(app.id());
        ApplicationDraft draft = ApplicationDraft.of(returned);
        draft.setSchedule("全年实施（补充预算明细）。");
        AsUser.run(identity, "cz-med", () -> applications.saveDraft(app.id(), returned.version(), draft));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "退回有误")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.nextStarted"));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_CORRECT_APPLICATION);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo(ApplicationStatus.RETURNED.name());
    }

    @Test
    void theOfficeWithdrawsItsConclusionBeforeThePartyGroupDecidesButNotAfter() {
        Application app = submit("cz-med", "结论撤回 " + key());
        reviewUntilConclusion(app);
        conclude(app);
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_PARTY_APPROVAL);
        AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "拟核定金额需复核"));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_CONCLUDE_REVIEW);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo("REVIEWED");

        conclude(app);
        AsUser.run(identity, "party", () -> approvals.decide(task(app, ChenzhouProject.TASK_PARTY_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组会议纪要〔2026〕7号", "同意")));
        // the party group decided and the notice is published: nothing before it moves any more
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo(ApplicationStatus.UNDER_NOTICE.name());
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.withdrawStep(app.id(), "理由")))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.notYourLastStep"));
        Assertions.assertThat(as("office", () -> moves.options(app.id())).any()).isFalse();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.returnTo(app.id(),
                ChenzhouProject.TASK_CONCLUDE_REVIEW, "理由"))).isInstanceOf(UserError.class)
                .satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.notRunning"));
    }

    // ------------------------------------------------------------------ 退回 by the office

    @Test
    void theOfficeReturnsToThePanelWhichScoresAgainAndTheReviewGoesOn() {
        Application app = submit("cz-med", "退回重评 " + key());
        reviewUntilConclusion(app);
        BigDecimal firstScore = applications.load(app.id()).panelScore();
        Assertions.assertThat(as("office", () -> moves.options(app.id())).returnTargets())
                .extracting(ApplicationMoves.Target::activityId)
                .containsExactly(ChenzhouProject.TASK_FILL_APPLICATION, ChenzhouProject.TASK_FORMAL_REVIEW,
                        ChenzhouProject.TASK_ASSIGN_PANEL, ChenzhouProject.TASK_EXPERT_REVIEW);

        AsUser.run(identity, "office", () -> moves.returnTo(app.id(), ChenzhouProject.TASK_EXPERT_REVIEW, "评分口径不一致，请重新评分"));

        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_EXPERT_REVIEW);
        assertThat(instance(app)).isNotWaitingAt(ChenzhouProject.TASK_CONCLUDE_REVIEW);
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("expert1", "expert2", "expert4");
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo("EXPERT_REVIEW");
        // the earlier sheets are still the dossier's: each expert starts from its own
        Assertions.assertThat(as("office", () -> reviews.hasSheets(app.id()))).isTrue();
        ApplicationEvent returned = last(app, "office", ApplicationMoves.RETURNED);
        Assertions.assertThat(returned.outcome()).isEqualTo("专家评分");
        Assertions.assertThat(returned.comment()).isEqualTo("评分口径不一致，请重新评分");
        Assertions.assertThat(last(app, "cz-med", ApplicationMoves.RETURNED).comment()).isNull();

        // each expert's form starts from its own earlier sheet, and from nobody else's
        Task again = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee("expert1").singleResult();
        Assertions.assertThat(as("expert1", () -> reviews.earlierSheet(again.getId())))
                .hasValueSatisfying(sheet -> Assertions.assertThat(sheet.comment()).isEqualTo("意见：基础扎实。"));
        Assertions.assertThat(as("expert1", () -> reviews.earlierSheet(again.getId())).orElseThrow().points()).isNotEmpty();
        // another expert's task: refused like a missing one
        assertThatThrownBy(() -> as("expert2", () -> reviews.earlierSheet(again.getId())))
                .isInstanceOf(UserError.class).satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("task.error.gone"));
        score(app, "expert1", 60);
        score(app, "expert2", 60);
        score(app, "expert4", 60);
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_CONCLUDE_REVIEW);
        Assertions.assertThat(applications.load(app.id()).panelScore()).isNotEqualByComparingTo(firstScore);
        conclude(app);
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_PARTY_APPROVAL);
    }

    @Test
    void theOfficeReturnsToTheApplicantForCorrectionAndTheReviewStartsAgain() {
        Application app = submit("cz-med", "退回补正 " + key());
        passFormalReview(app);
        AsUser.run(identity, "office", () -> moves.returnTo(app.id(), ChenzhouProject.TASK_FILL_APPLICATION, "请补充合作单位盖章页"));

        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FILL_APPLICATION);
        Assertions.assertThat(applications.load(app.id()).status()).isEqualTo(ApplicationStatus.RETURNED.name());
        // addressed to the applicant: it reads the reason
        Assertions.assertThat(last(app, "cz-med", ApplicationMoves.RETURNED).comment()).isEqualTo("请补充合作单位盖章页");
        Application back = applications.load(app.id());
        ApplicationDraft draft = ApplicationDraft.of(back);
        draft.setContent("开展学术交流和科技服务（附合作单位盖章页）。");
        AsUser.run(identity, "cz-med", () -> applications.saveDraft(app.id(), back.version(), draft));
        AsUser.run(identity, "cz-med", () -> applications.submit(app.id()));
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        Assertions.assertThat(last(app, "office", ChenzhouProject.TASK_FILL_APPLICATION).outcome()).isEqualTo("CORRECTED");
    }

    @Test
    void aReturnIsRefusedWithoutReasonToAStepNotPassedAndForOthers() {
        Application app = submit("cz-med", "退回被拒 " + key());
        passFormalReview(app);
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.returnTo(app.id(),
                ChenzhouProject.TASK_PARTY_APPROVAL, " "))).isInstanceOf(UserError.class)
                .satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.reason", "moves.error.notReturnable"));
        // the step open now is no step to return to
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> moves.returnTo(app.id(),
                ChenzhouProject.TASK_ASSIGN_PANEL, "理由"))).isInstanceOf(UserError.class)
                .satisfies(e -> Assertions.assertThat(keys(e)).containsExactly("moves.error.notReturnable"));
        for (String outsider : List.of("office-xz", "expert1", "cz-med", "party", "manager")) {
            assertThatThrownBy(() -> AsUser.run(identity, outsider, () -> moves.returnTo(app.id(),
                    ChenzhouProject.TASK_FORMAL_REVIEW, "理由"))).as(outsider).isInstanceOf(AccessDeniedException.class);
            Assertions.assertThat(as(outsider, () -> moves.options(app.id())).returnTargets()).as(outsider).isEmpty();
        }
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_ASSIGN_PANEL);
        Assertions.assertThat(events(app, "office")).extracting(ApplicationEvent::step).doesNotContain(ApplicationMoves.RETURNED);
    }

    @Test
    void theEnginesOwnModificationStaysRefusedToTheOffice() {
        Application app = submit("cz-med", "引擎修改被拒 " + key());
        String body = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\""
                + ChenzhouProject.TASK_FILL_APPLICATION + "\"}]}";
        // what Cockpit calls, logged in as the office
        Assertions.assertThat(WebSession.login(port, "office", "demo")
                .call("POST", ENGINE + "/process-instance/" + app.processInstanceId() + "/modification", body).statusCode())
                .isEqualTo(403);
        // REST with the office's password
        Assertions.assertThat(WebSession.basic(port, "office", "demo")
                .call("POST", "/engine-rest/process-instance/" + app.processInstanceId() + "/modification", body).statusCode())
                .isEqualTo(403);
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_FORMAL_REVIEW);
        assertThat(instance(app)).isNotWaitingAt(ChenzhouProject.TASK_FILL_APPLICATION);
    }

    // ------------------------------------------------------------------ the buttons

    @Test
    void theDossierOffersEachMoveOnlyToWhomItApplies() {
        Application app = submit("cz-med", "按钮 " + key());
        VaadinTestUi.open(messages);
        try {
            Assertions.assertThat(buttons("cz-med", app)).containsExactly("move-withdraw-submission");
            // the office has done nothing to withdraw yet; it may return the application to its applicant
            Assertions.assertThat(buttons("office", app)).containsExactly("move-return");
            passFormalReview(app);
            Assertions.assertThat(buttons("cz-med", app)).isEmpty();
            Assertions.assertThat(buttons("office", app)).containsExactly("move-withdraw-step", "move-return");
            for (String other : List.of("office-xz", "expert1", "party", "manager", "cz-agri")) {
                Assertions.assertThat(buttons(other, app)).as(other).isEmpty();
            }
            Assertions.assertThat(as("office", () -> movesAction.create(app)).orElseThrow().getElement().getTextRecursively())
                    .contains("撤回“形式审查”", "退回");
        } finally {
            VaadinTestUi.close();
        }
    }

    private List<String> buttons(String user, Application app) {
        return as(user, () -> movesAction.create(app)).stream()
                .flatMap(VaadinTestUi::descendants)
                .filter(c -> c instanceof com.vaadin.flow.component.button.Button)
                .map(c -> c.getId().orElse("")).toList();
    }

    // ------------------------------------------------------------------ steps

    private void passFormalReview(Application app) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
    }

    private void reviewUntilConclusion(Application app) {
        passFormalReview(app);
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(),
                List.of("expert1", "expert2", "expert4")));
        score(app, "expert1", 80);
        score(app, "expert2", 90);
        score(app, "expert4", 85);
        assertThat(instance(app)).isWaitingAt(ChenzhouProject.TASK_CONCLUDE_REVIEW);
    }

    private void conclude(Application app) {
        AsUser.run(identity, "office", () -> reviews.conclude(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW).getId(),
                ProjectProcess.PASS, "评审合格"));
    }

    private void score(Application app, String expert, int total) {
        Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
        Assertions.assertThat(sheet).as("scoring task of " + expert).isNotNull();
        AsUser.run(identity, expert, () -> {
            List<ReviewService.Criterion> criteria = reviews.criteria(app);
            Map<String, BigDecimal> points = new HashMap<>();
            BigDecimal each = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(criteria.size()), 2, RoundingMode.DOWN);
            criteria.forEach(c -> points.put(c.code(), each.min(c.maxPoints())));
            reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "意见：基础扎实。"));
        });
    }

    private Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        Assertions.assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task;
    }

    private ProcessInstance instance(Application app) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(app.processInstanceId()).singleResult();
    }

    private Application submit(String user, String title) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), "ACADEMIC_EXCHANGE", title));
        fill(app, user, new LinkedHashMap<>());
        return applications.load(app.id());
    }

    private void fill(Application app, String user, Map<String, Object> declared) {
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(app.title());
        draft.setAims("提升学会服务能力。");
        draft.setContent("开展学术交流和科技服务。");
        draft.setSchedule("全年实施。");
        draft.setExpectedResults("形成总结报告。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("20000"), null)));
        draft.setDeclared(new LinkedHashMap<>(declared));
        AsUser.run(identity, user, () -> {
            applications.saveDraft(app.id(), app.version(), draft);
            attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user);
            applications.submit(app.id());
        });
    }

    private List<ApplicationEvent> events(Application app, String reader) {
        return as(reader, () -> applications.events(app.id()));
    }

    private ApplicationEvent last(Application app, String reader, String step) {
        List<ApplicationEvent> found = events(app, reader).stream().filter(e -> step.equals(e.step())).toList();
        Assertions.assertThat(found).as(step + " in the history " + reader + " reads").isNotEmpty();
        return found.get(found.size() - 1);
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }

    private static List<String> keys(Throwable e) {
        return ((UserError) e).problems().stream().map(UserError.Problem::key).toList();
    }

    private static String key() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
