package cn.kexie.capability.workflow;

import static cn.kexie.capability.workflow.ChenzhouProject.*;
import static cn.kexie.capability.workflow.ProjectProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.kexie.capability.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path through {@code processes/chenzhou-project.bpmn}, on a plain in-memory engine (no Spring)
 * with the real decision tables and fakes for the beans the diagram calls ({@link FakeBeans}). Each
 * test walks the diagram as the people would, names the path it takes, and checks the statuses the
 * application goes through, who is offered each task and when it falls due.
 */
class ChenzhouProjectTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The engine's clock when each test starts: a Monday morning. */
    private static final Date NOW = at(2025, 6, 2, 9, 0);
    /** When the notice the fake {@code startNotice} publishes ends. */
    private static final Date NOTICE_PERIOD_ENDS = at(2025, 6, 9, 17, 0);

    private static final String APPLICANT_GROUP_OF_SOCIETY = "org-cz-mech";
    private static final List<String> EXPERTS_OF_PANEL = List.of("expert-li", "expert-wang", "expert-zhao");

    private static ProcessEngine engine;

    private FakeBeans beans;
    private String deploymentId;

    @BeforeAll
    static void buildEngine() {
        engine = ModelTestEngine.build("chenzhou-project-test");
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void deployAndRegisterBeans() throws IOException {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(NOW);
        beans = new FakeBeans().register();
        beans.startNotice.setting(NOTICE_ENDS, NOTICE_PERIOD_ENDS);
        beans.panelScoreCalculator.setting(PANEL_SCORE, 86.5);
        deploymentId = ModelTestEngine.deploy(engine, "chenzhou-project-test", Path.of("processes", "chenzhou-project.bpmn"),
                Path.of("decisions", DECISION_ELIGIBILITY + ".dmn"), Path.of("decisions", DECISION_SANCTION + ".dmn"));
    }

    @AfterEach
    void undeployAndReset() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ================================================================ application and eligibility

    @Test
    void notEligibleApplicationIsNotAccepted() {
        beans.eligibilityFacts.with("violationYearsAgo", 0).with("hasSecretary", false);
        ProcessInstance application = start();

        assertThat(application).isWaitingAt(TASK_FILL_APPLICATION);
        complete(task());

        assertThat(application).hasPassedInOrder(TASK_GATHER_FACTS, TASK_CHECK_ELIGIBILITY, TASK_RECORD_ELIGIBILITY)
                .isEnded().hasPassed(END_EVENT_NOT_ACCEPTED).hasNotPassed(TASK_FORMAL_REVIEW);
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) beans.eligibilityRecorder.lastCall().get(ELIGIBILITY_REASONS);
        assertThat(reasons).as("every reason at once")
                .contains("有违纪违法行为的，申报不予受理", "须有较强执行力的秘书长（或副秘书长、专兼职工作人员）");
        assertThat(historicVariable(application, ELIGIBILITY_REASONS)).isEqualTo(reasons);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "NOT_ACCEPTED");
    }

    @Test
    void applicationIsFilledInByTheApplicantsOrganisation() {
        ProcessInstance application = start();

        assertThat(application).isWaitingAt(TASK_FILL_APPLICATION);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.APPLICATION).isNotAssigned();
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT");
    }

    // ================================================================ formal review

    @Test
    void formalReviewRejectsApplication() {
        ProcessInstance application = submittedAndEligible();

        assertThat(application).isWaitingAt(TASK_FORMAL_REVIEW);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.FORMAL_REVIEW)
                .hasDueDate(daysAfter(NOW, 5));
        assertThat(beans.eligibilityRecorder.lastCall().get(ELIGIBILITY_REASONS)).isEqualTo(List.of());
        complete(task(), withVariables(OUTCOME, REJECT));

        assertThat(application).isEnded().hasPassed(END_EVENT_REJECTED);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW", "REJECTED");
    }

    @Test
    void formalReviewReturnsApplicationWhichIsCorrectedAndThenPasses() {
        ProcessInstance application = submittedAndEligible();
        Date deadline = daysAfter(NOW, 7);

        assertThat(application).isWaitingAt(TASK_FORMAL_REVIEW);
        complete(task(), withVariables(OUTCOME, RETURN, CORRECTION_DEADLINE, deadline));

        assertThat(application).isWaitingAt(TASK_CORRECT_APPLICATION);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.APPLICATION)
                .hasDueDate(deadline);
        complete(task());

        assertThat(application).isWaitingAt(TASK_FORMAL_REVIEW);
        assertThat(jobsAt(TIMER_CORRECTION_LAPSED)).as("the lapse timer goes with the corrected task").isZero();
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_ASSIGN_PANEL);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW", "RETURNED",
                "FORMAL_REVIEW", "EXPERT_REVIEW");
    }

    @Test
    void returnedApplicationLapsesWhenTheCorrectionDeadlinePasses() {
        ProcessInstance application = submittedAndEligible();
        Date deadline = daysAfter(NOW, 7);

        assertThat(application).isWaitingAt(TASK_FORMAL_REVIEW);
        complete(task(), withVariables(OUTCOME, RETURN, CORRECTION_DEADLINE, deadline));

        assertThat(application).isWaitingAt(TASK_CORRECT_APPLICATION);
        Job lapse = job(TIMER_CORRECTION_LAPSED);
        assertThat(lapse.getDuedate()).isEqualTo(deadline);
        assertThat(executableTimers(minutesBefore(deadline, 1))).isEmpty();
        assertThat(executableTimers(deadline)).extracting(Job::getId).containsExactly(lapse.getId());
        execute(lapse);

        assertThat(application).isEnded().hasPassed(END_EVENT_LAPSED).hasNotPassed(TASK_ASSIGN_PANEL);
        assertThat(beans.applicationStatus.all()).endsWith("RETURNED", "LAPSED");
    }

    // ================================================================ expert review and party approval

    @Test
    void panelOfThreeExpertsScoresEachOnItsOwnThenThePanelScoreIsComputed() {
        ProcessInstance application = submittedAndEligible();
        formalReviewPasses(application);

        assertThat(application).isWaitingAt(TASK_ASSIGN_PANEL);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.ASSIGN_PANEL)
                .hasDueDate(daysAfter(NOW, 5));
        complete(task(), withVariables(EXPERTS, EXPERTS_OF_PANEL));

        assertThat(application).isWaitingAt(TASK_EXPERT_REVIEW);
        List<Task> sheets = expertSheets(application);
        assertThat(sheets).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(EXPERTS_OF_PANEL);
        for (Task sheet : sheets) {
            assertThat(sheet).hasFormKey(Forms.EXPERT_SCORE).hasDueDate(daysAfter(NOW, 10));
            assertThat(taskService().getVariable(sheet.getId(), EXPERT)).isEqualTo(sheet.getAssignee());
        }
        complete(sheets.get(0), withVariables("score", 90));
        complete(sheets.get(1), withVariables("score", 85));
        assertThat(beans.panelScoreCalculator.timesCalled()).as("not before the last expert has scored").isZero();
        complete(sheets.get(2), withVariables("score", 84));

        assertThat(beans.panelScoreCalculator.timesCalled()).isOne();
        assertThat(application).hasPassed(TASK_COMPUTE_PANEL_SCORE).isWaitingAt(TASK_CONCLUDE_REVIEW);
        assertThat(application).variables().containsEntry(PANEL_SCORE, 86.5);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.REVIEW_CONCLUSION)
                .hasDueDate(daysAfter(task().getCreateTime(), 5)); // the platform's default period (issue 11)
        assertThat(beans.applicationStatus.last()).isEqualTo("REVIEWED");
    }

    @Test
    void reviewFindsTheProjectNotQualified() {
        ProcessInstance application = submittedAndEligible();
        formalReviewPasses(application);
        panelScores(application);

        assertThat(application).isWaitingAt(TASK_CONCLUDE_REVIEW);
        complete(task(), withVariables(OUTCOME, REJECT));

        assertThat(application).isEnded().hasPassed(END_EVENT_NOT_QUALIFIED).hasNotPassed(TASK_PARTY_APPROVAL);
        assertThat(beans.applicationStatus.all()).endsWith("EXPERT_REVIEW", "REVIEWED", "NOT_QUALIFIED");
    }

    @Test
    void partyGroupDoesNotApprove() {
        ProcessInstance application = submittedAndEligible();
        formalReviewPasses(application);
        panelScores(application);
        reviewQualifies(application);

        assertThat(application).isWaitingAt(TASK_PARTY_APPROVAL);
        assertThat(task()).hasCandidateGroup(Roles.PARTY_GROUP).hasFormKey(Forms.APPROVAL)
                .hasDueDate(daysAfter(task().getCreateTime(), 10)); // the platform's default period (issue 11)
        complete(task(), withVariables(OUTCOME, REJECT));

        assertThat(application).isEnded().hasPassed(END_EVENT_NOT_APPROVED).hasNotPassed(SUB_PROCESS_PUBLIC_NOTICE);
        assertThat(beans.applicationStatus.all()).endsWith("AWAITING_APPROVAL", "NOT_APPROVED");
    }

    // ================================================================ public notice

    @Test
    void noticeEndsWithoutObjection() {
        ProcessInstance application = approved();

        assertThat(application).isWaitingAt(TIMER_NOTICE_ENDS).isWaitingFor(MESSAGE_OBJECTION);
        assertThat(beans.startNotice.timesCalled()).isOne();
        Job noticeEnds = job(TIMER_NOTICE_ENDS);
        assertThat(noticeEnds.getDuedate()).isEqualTo(NOTICE_PERIOD_ENDS);
        assertThat(executableTimers(minutesBefore(NOTICE_PERIOD_ENDS, 1))).as("a minute before the end").isEmpty();
        assertThat(executableTimers(NOTICE_PERIOD_ENDS)).extracting(Job::getId).containsExactly(noticeEnds.getId());
        assertThat(beans.endNotice.timesCalled()).as("under notice until the timer fires").isZero();
        execute(noticeEnds);
        assertThat(beans.endNotice.timesCalled()).as("the project leaves the public page").isOne();

        assertThat(application).hasPassed(END_EVENT_NOTICE_OVER, SUB_PROCESS_PUBLIC_NOTICE, TASK_GENERATE_AGREEMENT)
                .hasNotPassed(SUB_PROCESS_OBJECTION).isWaitingAt(TASK_SIGN_AGREEMENT);
        assertThat(beans.agreementGenerator.timesCalled()).isOne();
        assertThat(beans.applicationStatus.all()).endsWith("AWAITING_APPROVAL", "UNDER_NOTICE", "AGREEMENT");
    }

    @Test
    void objectionIsDismissedAndTheNoticeRunsToItsEnd() {
        ProcessInstance application = approved();

        lodgeObjection(application, 7L);
        assertThat(application).isWaitingAt(TASK_REVIEW_OBJECTION, TIMER_NOTICE_ENDS);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.OBJECTION)
                .hasDueDate(daysAfter(task().getCreateTime(), 5)); // the platform's default period (issue 11)
        complete(task(), withVariables(OUTCOME, DISMISSED));

        assertThat(application).hasPassed(END_EVENT_OBJECTION_DISMISSED).isWaitingAt(TIMER_NOTICE_ENDS)
                .isWaitingFor(MESSAGE_OBJECTION);
        assertThat(job(TIMER_NOTICE_ENDS).getDuedate()).as("the notice keeps its end").isEqualTo(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_NOTICE_ENDS));

        assertThat(application).isWaitingAt(TASK_SIGN_AGREEMENT);
    }

    @Test
    void objectionUpheldAndTheProjectIsNotFunded() {
        ProcessInstance application = approved();

        lodgeObjection(application, 7L);
        complete(task(TASK_REVIEW_OBJECTION), withVariables(OUTCOME, UPHELD_NOT_FUNDED));

        assertThat(application).isEnded()
                .hasPassed(END_EVENT_OBJECTION_UPHELD, BOUNDARY_OBJECTION_UPHELD, END_EVENT_NOT_FUNDED)
                .hasNotPassed(END_EVENT_NOTICE_OVER, SUB_PROCESS_IMPLEMENTATION);
        assertThat(jobsAt(TIMER_NOTICE_ENDS)).as("the notice is over").isZero();
        assertThat(beans.endNotice.timesCalled()).as("and off the public page").isOne();
        assertThat(beans.applicationStatus.all()).endsWith("UNDER_NOTICE", "NOT_FUNDED");
        assertThat(beans.fundingLedger.ends()).as("the amount approved by the party group is released")
                .containsExactly(END_EVENT_NOT_FUNDED);
    }

    @Test
    void objectionUpheldAndTheProjectGoesBackToExpertReview() {
        ProcessInstance application = approved();

        lodgeObjection(application, 7L);
        complete(task(TASK_REVIEW_OBJECTION), withVariables(OUTCOME, UPHELD_BACK_TO_REVIEW));

        assertThat(application).hasPassed(BOUNDARY_OBJECTION_UPHELD).isWaitingAtExactly(TASK_ASSIGN_PANEL);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasDueDate(daysAfter(NOW, 5));
        assertThat(jobsAt(TIMER_NOTICE_ENDS)).isZero();
        assertThat(beans.applicationStatus.all()).endsWith("UNDER_NOTICE", "EXPERT_REVIEW");

        // the second round runs the whole way again, notice included; the first round's panelScore
        // variable must not shadow the delegate that computes the score (hence ${panelScoreCalculator})
        panelScores(application);
        reviewQualifies(application);
        partyApproves(application);
        assertThat(application).isWaitingAt(TIMER_NOTICE_ENDS);
        assertThat(beans.startNotice.timesCalled()).isEqualTo(2);
    }

    @Test
    void twoObjectionsAtOnceAreReviewedEachOnItsOwn() {
        ProcessInstance application = approved();

        lodgeObjection(application, 7L);
        lodgeObjection(application, 8L);

        List<Task> reviews = taskQuery().processInstanceId(application.getId())
                .taskDefinitionKey(TASK_REVIEW_OBJECTION).list();
        assertThat(reviews).hasSize(2);
        assertThat(reviews).extracting(review -> taskService().getVariable(review.getId(), OBJECTION_ID))
                .as("each review sees its own objection").containsExactlyInAnyOrder(7L, 8L);
        complete(reviews.get(0), withVariables(OUTCOME, DISMISSED));
        assertThat(application).isWaitingAt(TASK_REVIEW_OBJECTION, TIMER_NOTICE_ENDS);
        complete(reviews.get(1), withVariables(OUTCOME, DISMISSED));

        assertThat(application).isWaitingAt(TIMER_NOTICE_ENDS).isNotWaitingAt(TASK_REVIEW_OBJECTION);
        execute(job(TIMER_NOTICE_ENDS));
        assertThat(application).isWaitingAt(TASK_SIGN_AGREEMENT);
    }

    @Test
    void upholdingOneOfTwoObjectionsEndsTheOtherReview() {
        ProcessInstance application = approved();
        lodgeObjection(application, 7L);
        lodgeObjection(application, 8L);

        Task first = taskQuery().processInstanceId(application.getId()).taskDefinitionKey(TASK_REVIEW_OBJECTION)
                .list().get(0);
        complete(first, withVariables(OUTCOME, UPHELD_NOT_FUNDED));

        assertThat(application).isEnded().hasPassed(END_EVENT_NOT_FUNDED);
        assertThat(taskQuery().processInstanceId(application.getId()).count()).isZero();
    }

    @Test
    void noticeThatEndsWhileAnObjectionIsOpenWaitsForItsReview() {
        ProcessInstance application = approved();
        lodgeObjection(application, 7L);

        ClockUtil.setCurrentTime(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_NOTICE_ENDS));

        assertThat(application).hasPassed(END_EVENT_NOTICE_OVER).isWaitingAt(TASK_REVIEW_OBJECTION)
                .isNotWaitingAt(TIMER_NOTICE_ENDS);
        assertThat(application).hasNotPassed(SUB_PROCESS_IMPLEMENTATION);
        complete(task(), withVariables(OUTCOME, DISMISSED));

        assertThat(application).isWaitingAt(TASK_SIGN_AGREEMENT);
    }

    // ================================================================ agreement, disbursement, implementation

    @Test
    void agreementIsReturnedThenSignedAgainAndConfirmed() {
        ProcessInstance application = noticeOver();

        assertThat(application).isWaitingAt(TASK_SIGN_AGREEMENT);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.SIGN_AGREEMENT)
                .hasDueDate(daysAfter(task().getCreateTime(), 10)); // the platform's default period (issue 11)
        complete(task(), withVariables(MIDTERM_DUE, daysAfter(NOW, 90)));
        assertThat(application).isWaitingAt(TASK_CONFIRM_AGREEMENT);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.CONFIRM_AGREEMENT)
                .hasDueDate(daysAfter(task().getCreateTime(), 5)); // the platform's default period (issue 11)
        complete(task(), withVariables(OUTCOME, RETURN));

        assertThat(application).isWaitingAt(TASK_SIGN_AGREEMENT);
        complete(task(), withVariables(MIDTERM_DUE, daysAfter(NOW, 90)));
        assertThat(application).isWaitingAt(TASK_CONFIRM_AGREEMENT);
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_DISBURSE);
        assertThat(task()).hasCandidateGroup(Roles.FINANCE).hasFormKey(Forms.DISBURSEMENT)
                .hasDueDate(daysAfter(task().getCreateTime(), 10)); // the platform's default period (issue 11)
        assertThat(beans.agreementGenerator.timesCalled()).as("the agreement is generated once").isOne();
    }

    @Test
    void happyPathEndsWithTheProjectAccepted() {
        ProcessInstance application = start();

        assertThat(application).isWaitingAt(TASK_FILL_APPLICATION);
        complete(task());
        formalReviewPasses(application);
        panelScores(application);
        reviewQualifies(application);
        partyApproves(application);
        noticeEnds(application);
        agreementSignedAndConfirmed(application);
        fundsDisbursed(application, 50_000.0);

        assertThat(application).isWaitingAt(TASK_REPORT_PROGRESS);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.PROGRESS_REPORT)
                .hasDueDate(daysAfter(task().getCreateTime(), 10)); // the platform's default period (issue 11)
        complete(task());
        assertThat(application).isWaitingAt(TIMER_MIDTERM_DUE);
        assertThat(job(TIMER_MIDTERM_DUE).getDuedate()).isEqualTo(midtermDue());
        ClockUtil.setCurrentTime(midtermDue());
        execute(job(TIMER_MIDTERM_DUE));

        assertThat(application).isWaitingAt(TASK_MIDTERM_CHECK);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.MIDTERM_CHECK)
                .hasDueDate(daysAfter(midtermDue(), 10));
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_SUBMIT_FINAL_REPORT);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.FINAL_REPORT)
                .hasDueDate(daysAfter(task().getCreateTime(), 10)); // the platform's default period (issue 11)
        complete(task());
        assertThat(application).isWaitingAt(TASK_FINAL_ACCEPTANCE);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.ACCEPTANCE);
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isEnded().hasPassedInOrder(START_EVENT_APPLICATION_OPENED, TASK_FORMAL_REVIEW,
                TASK_ASSIGN_PANEL, TASK_PARTY_APPROVAL, SUB_PROCESS_PUBLIC_NOTICE, TASK_SIGN_AGREEMENT, TASK_DISBURSE,
                TASK_MIDTERM_CHECK, TASK_FINAL_ACCEPTANCE, END_EVENT_IMPLEMENTATION_DONE, END_EVENT_PROJECT_ACCEPTED)
                .hasNotPassed(TASK_DECIDE_SANCTION);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW",
                "EXPERT_REVIEW", "REVIEWED", "AWAITING_APPROVAL", "UNDER_NOTICE", "AGREEMENT", "AWAITING_FUNDS",
                "IN_PROGRESS", "MIDTERM_CHECK", "FINAL_REPORT", "ACCEPTANCE", "ACCEPTED");
        assertThat(beans.fundingLedger.ends()).as("an accepted project keeps its approved amount").isEmpty();
    }

    @Test
    void midtermCheckAsksForRectificationThenPasses() {
        ProcessInstance application = atMidtermCheck();
        Date deadline = daysAfter(midtermDue(), 20);

        complete(task(), withVariables(OUTCOME, RECTIFY, RECTIFICATION_DEADLINE, deadline));

        assertThat(application).isWaitingAt(TASK_RECTIFY);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.RECTIFICATION)
                .hasDueDate(deadline);
        ClockUtil.setCurrentTime(daysAfter(midtermDue(), 15));
        complete(task());

        assertThat(application).isWaitingAt(TASK_MIDTERM_CHECK);
        assertThat(task()).as("a new check, due from the day the rectification came in")
                .hasDueDate(daysAfter(midtermDue(), 25));
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_SUBMIT_FINAL_REPORT);
        assertThat(beans.applicationStatus.all()).endsWith("MIDTERM_CHECK", "RECTIFYING", "MIDTERM_CHECK",
                "FINAL_REPORT");
    }

    // ================================================================ findings and sanctions

    @Test
    void fraudFoundAtMidtermCheckBansForThreeYearsAndRecoversTheFunds() {
        ProcessInstance application = atMidtermCheck();

        complete(task(), withVariables(OUTCOME, FRAUD, FINDING, FINDING_FRAUD));

        assertThat(application).hasPassed(END_EVENT_MIDTERM_FRAUD, START_EVENT_FINDING_CONFIRMED, TASK_DECIDE_SANCTION,
                TASK_RECORD_SANCTION).hasNotPassed(END_EVENT_PROJECT_ACCEPTED).isWaitingAt(TASK_RECOVER_FUNDS);
        assertSanctionRecorded(FINDING_FRAUD, 3);
        assertThat(task()).hasCandidateGroup(Roles.FINANCE).hasFormKey(Forms.FUND_RECOVERY);
        complete(task());

        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED);
        assertThat(beans.applicationStatus.all()).endsWith("MIDTERM_CHECK", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void failedAcceptanceBansForTwoYearsAndRecoversTheFunds() {
        ProcessInstance application = atFinalAcceptance();

        complete(task(), withVariables(OUTCOME, FAILED, FINDING, FINDING_FAILED_ACCEPTANCE));

        assertThat(application).hasPassed(END_EVENT_ACCEPTANCE_FAILED, START_EVENT_FINDING_CONFIRMED)
                .hasNotPassed(END_EVENT_IMPLEMENTATION_DONE).isWaitingAt(TASK_RECOVER_FUNDS);
        assertSanctionRecorded(FINDING_FAILED_ACCEPTANCE, 2);
        complete(task());

        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED).hasNotPassed(END_EVENT_PROJECT_ACCEPTED);
        assertThat(beans.applicationStatus.all()).endsWith("ACCEPTANCE", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudFoundAtFinalAcceptanceBansForThreeYearsAndRecoversTheFunds() {
        ProcessInstance application = atFinalAcceptance();

        complete(task(), withVariables(OUTCOME, FRAUD, FINDING, FINDING_FRAUD));

        assertThat(application).hasPassed(END_EVENT_ACCEPTANCE_FRAUD, START_EVENT_FINDING_CONFIRMED)
                .isWaitingAt(TASK_RECOVER_FUNDS);
        assertSanctionRecorded(FINDING_FRAUD, 3);
        complete(task());

        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED);
    }

    @Test
    void fraudReportedWhileWaitingForDisbursementRecoversNothing() {
        ProcessInstance application = noticeOver();
        agreementSignedAndConfirmed(application);

        assertThat(application).isWaitingAt(TASK_DISBURSE).isWaitingFor(MESSAGE_FRAUD);
        fraudFound(application);

        assertThat(application).hasPassed(START_EVENT_FRAUD_REPORTED, END_EVENT_FRAUD_REPORTED, START_EVENT_FINDING_CONFIRMED, TASK_DECIDE_SANCTION, TASK_RECORD_SANCTION)
                .hasNotPassed(TASK_RECOVER_FUNDS).isEnded().hasPassed(END_EVENT_SANCTIONED);
        assertThat(taskQuery().processInstanceId(application.getId()).count()).as("disbursement withdrawn").isZero();
        assertSanctionRecorded(FINDING_FRAUD, 3);
        assertThat(beans.sanctionRecorder.lastCall().get(DISBURSED)).isEqualTo(0.0);
        assertThat(beans.applicationStatus.all()).endsWith("AWAITING_FUNDS", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudReportedDuringProgressReportingRecoversTheDisbursedFunds() {
        ProcessInstance application = noticeOver();
        agreementSignedAndConfirmed(application);
        fundsDisbursed(application, 30_000.0);

        assertThat(application).isWaitingAt(TASK_REPORT_PROGRESS);
        fraudFound(application);

        assertThat(application).hasPassed(START_EVENT_FRAUD_REPORTED, START_EVENT_FINDING_CONFIRMED).isWaitingAtExactly(SUB_PROCESS_SANCTION, TASK_RECOVER_FUNDS);
        assertThat(task()).hasCandidateGroup(Roles.FINANCE);
        assertSanctionRecorded(FINDING_FRAUD, 3);
        complete(task());

        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED);
        assertThat(beans.applicationStatus.all()).endsWith("IN_PROGRESS", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudReportedWhileWaitingForTheMidtermCheckCancelsTheTimer() {
        ProcessInstance application = noticeOver();
        agreementSignedAndConfirmed(application);
        fundsDisbursed(application, 50_000.0);
        complete(task(TASK_REPORT_PROGRESS));

        assertThat(application).isWaitingAt(TIMER_MIDTERM_DUE);
        fraudFound(application);

        assertThat(jobsAt(TIMER_MIDTERM_DUE)).isZero();
        assertThat(application).isWaitingAtExactly(SUB_PROCESS_SANCTION, TASK_RECOVER_FUNDS);
    }

    @Test
    void fraudReportedAtFormalReviewBansForThreeYearsWithNothingToRecover() {
        ProcessInstance application = submittedAndEligible();
        assertThat(application).isWaitingAt(TASK_FORMAL_REVIEW).isWaitingFor(MESSAGE_FRAUD);

        fraudFound(application);

        assertThat(application).hasPassed(START_EVENT_FRAUD_REPORTED, END_EVENT_FRAUD_REPORTED,
                START_EVENT_FINDING_CONFIRMED, TASK_DECIDE_SANCTION, TASK_RECORD_SANCTION)
                .hasNotPassed(TASK_RECOVER_FUNDS).isEnded().hasPassed(END_EVENT_SANCTIONED);
        assertThat(taskQuery().processInstanceId(application.getId()).count()).as("formal review withdrawn").isZero();
        assertSanctionRecorded(FINDING_FRAUD, 3);
        assertThat(beans.applicationStatus.all()).endsWith("FORMAL_REVIEW", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudReportedWhileTheApplicationIsReturnedForCorrectionCancelsTheDeadline() {
        ProcessInstance application = submittedAndEligible();
        complete(task(), withVariables(OUTCOME, RETURN, CORRECTION_DEADLINE, daysAfter(NOW, 10)));
        assertThat(application).isWaitingAt(TASK_CORRECT_APPLICATION);

        fraudFound(application);

        assertThat(jobsAt(TIMER_CORRECTION_LAPSED)).isZero();
        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED).hasNotPassed(END_EVENT_LAPSED);
        assertSanctionRecorded(FINDING_FRAUD, 3);
    }

    @Test
    void fraudReportedDuringExpertReviewWithdrawsEverySheet() {
        ProcessInstance application = submittedAndEligible();
        formalReviewPasses(application);
        complete(task(), withVariables(EXPERTS, EXPERTS_OF_PANEL));
        assertThat(expertSheets(application)).hasSize(3);

        fraudFound(application);

        assertThat(expertSheets(application)).isEmpty();
        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED).hasNotPassed(TASK_COMPUTE_PANEL_SCORE);
        assertSanctionRecorded(FINDING_FRAUD, 3);
    }

    @Test
    void fraudReportedBeforeThePartyGroupDecides() {
        ProcessInstance application = submittedAndEligible();
        formalReviewPasses(application);
        panelScores(application);
        reviewQualifies(application);
        assertThat(application).isWaitingAt(TASK_PARTY_APPROVAL);

        fraudFound(application);

        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED).hasNotPassed(GATEWAY_PARTY_APPROVED);
        assertThat(beans.applicationStatus.all()).endsWith("AWAITING_APPROVAL", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudReportedUnderPublicNoticeEndsTheNotice() {
        ProcessInstance application = approved();
        assertThat(application).isWaitingAt(TIMER_NOTICE_ENDS).isWaitingFor(MESSAGE_FRAUD);

        fraudFound(application);

        assertThat(jobsAt(TIMER_NOTICE_ENDS)).isZero();
        assertThat(application).isEnded().hasPassed(END_EVENT_SANCTIONED).hasNotPassed(SUB_PROCESS_IMPLEMENTATION);
        assertSanctionRecorded(FINDING_FRAUD, 3);
    }

    @Test
    void fraudIsNotTakenTwiceWhileItsSanctionIsUnderWay() {
        ProcessInstance application = noticeOver();
        agreementSignedAndConfirmed(application);
        fundsDisbursed(application, 30_000.0);
        fraudFound(application);

        assertThat(application).isWaitingAtExactly(SUB_PROCESS_SANCTION, TASK_RECOVER_FUNDS).isNotWaitingFor(MESSAGE_FRAUD);
        assertThatThrownBy(() -> fraudFound(application)).isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void fraudFoundAfterAcceptanceStartsTheSanctionAndRecoversThePaidFunds() {
        ProcessInstance application = atFinalAcceptance();
        complete(task(), withVariables(OUTCOME, PASS, ACCEPTED, true));
        assertThat(application).isEnded().hasPassed(END_EVENT_PROJECT_ACCEPTED);

        ProcessInstance sanction = runtimeService().createMessageCorrelation(MESSAGE_FRAUD_FOUND_AFTER_ACCEPTANCE)
                .processInstanceBusinessKey(application.getBusinessKey())
                .setVariables(withVariables(APPLICATION_ID, 42L, APPLICATION_NUMBER, "CZ-2025-0042",
                        APPLICANT_GROUP, APPLICANT_GROUP_OF_SOCIETY, PROGRAMME, "CHENZHOU",
                        FINDING, FINDING_FRAUD, DISBURSED, 50_000.0))
                .startMessageOnly().correlateStartMessage();

        assertThat(sanction).hasPassed(START_EVENT_FRAUD_FOUND_AFTER_ACCEPTANCE, END_EVENT_FRAUD_FOUND_AFTER_ACCEPTANCE,
                START_EVENT_FINDING_CONFIRMED, TASK_DECIDE_SANCTION, TASK_RECORD_SANCTION)
                .hasNotPassed(TASK_FILL_APPLICATION).isWaitingAtExactly(SUB_PROCESS_SANCTION, TASK_RECOVER_FUNDS);
        assertSanctionRecorded(FINDING_FRAUD, 3);
        assertThat(task(sanction)).hasCandidateGroup(Roles.FINANCE).hasFormKey(Forms.FUND_RECOVERY);
        complete(task(sanction));

        assertThat(sanction).isEnded().hasPassed(END_EVENT_SANCTIONED);
        assertThat(beans.applicationStatus.all()).endsWith("ACCEPTED", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudFoundAfterAcceptanceOfAnUnpaidProjectRecoversNothing() {
        ProcessInstance sanction = runtimeService().createMessageCorrelation(MESSAGE_FRAUD_FOUND_AFTER_ACCEPTANCE)
                .processInstanceBusinessKey("CZ-2025-0042")
                .setVariables(withVariables(APPLICATION_ID, 42L, PROGRAMME, "CHENZHOU",
                        FINDING, FINDING_FRAUD, DISBURSED, 0.0))
                .startMessageOnly().correlateStartMessage();

        assertThat(sanction).isEnded().hasPassed(END_EVENT_SANCTIONED).hasNotPassed(TASK_RECOVER_FUNDS);
        assertSanctionRecorded(FINDING_FRAUD, 3);
    }

    // ================================================================ walking the diagram

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "CZ-2025-0042", withVariables(
                APPLICATION_ID, 42L,
                APPLICATION_NUMBER, "CZ-2025-0042",
                APPLICANT_GROUP, APPLICANT_GROUP_OF_SOCIETY,
                PROGRAMME, "CHENZHOU",
                CATEGORY, "ACADEMIC_EXCHANGE",
                CALL_YEAR, 2025,
                PUBLICITY_DAYS, 5,
                DISBURSED, 0.0));
    }

    private ProcessInstance submittedAndEligible() {
        ProcessInstance application = start();
        assertThat(application).isWaitingAt(TASK_FILL_APPLICATION);
        complete(task());
        return application;
    }

    private void formalReviewPasses(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_FORMAL_REVIEW);
        complete(task(), withVariables(OUTCOME, PASS));
    }

    private void panelScores(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_ASSIGN_PANEL);
        complete(task(), withVariables(EXPERTS, EXPERTS_OF_PANEL));
        for (Task sheet : expertSheets(application)) {
            complete(sheet, withVariables("score", 86));
        }
    }

    private void reviewQualifies(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_CONCLUDE_REVIEW);
        complete(task(), withVariables(OUTCOME, PASS));
    }

    private void partyApproves(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_PARTY_APPROVAL);
        complete(task(), withVariables(OUTCOME, PASS));
    }

    private ProcessInstance approved() {
        ProcessInstance application = submittedAndEligible();
        formalReviewPasses(application);
        panelScores(application);
        reviewQualifies(application);
        partyApproves(application);
        return application;
    }

    private void noticeEnds(ProcessInstance application) {
        assertThat(application).isWaitingAt(TIMER_NOTICE_ENDS);
        ClockUtil.setCurrentTime(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_NOTICE_ENDS));
    }

    private ProcessInstance noticeOver() {
        ProcessInstance application = approved();
        noticeEnds(application);
        return application;
    }

    private void agreementSignedAndConfirmed(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_SIGN_AGREEMENT);
        complete(task(), withVariables(MIDTERM_DUE, midtermDue()));
        assertThat(application).isWaitingAt(TASK_CONFIRM_AGREEMENT);
        complete(task(), withVariables(OUTCOME, PASS));
    }

    private void fundsDisbursed(ProcessInstance application, Number yuan) {
        assertThat(application).isWaitingAt(TASK_DISBURSE);
        complete(task(), withVariables(DISBURSED, yuan));
    }

    private ProcessInstance atMidtermCheck() {
        ProcessInstance application = noticeOver();
        agreementSignedAndConfirmed(application);
        fundsDisbursed(application, 50_000.0);
        complete(task(TASK_REPORT_PROGRESS));
        ClockUtil.setCurrentTime(midtermDue());
        execute(job(TIMER_MIDTERM_DUE));
        assertThat(application).isWaitingAt(TASK_MIDTERM_CHECK);
        return application;
    }

    private ProcessInstance atFinalAcceptance() {
        ProcessInstance application = atMidtermCheck();
        complete(task(), withVariables(OUTCOME, PASS));
        complete(task(TASK_SUBMIT_FINAL_REPORT));
        assertThat(application).isWaitingAt(TASK_FINAL_ACCEPTANCE);
        return application;
    }

    /** As the platform lodges an objection: its id goes to the objection's own scope. */
    private void lodgeObjection(ProcessInstance application, long objectionId) {
        runtimeService().createMessageCorrelation(MESSAGE_OBJECTION).processInstanceBusinessKey(application.getBusinessKey())
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(OBJECTION_ID, objectionId)).correlate();
    }

    /** As the platform reports fraud found outside a check: the finding travels with the message. */
    private void fraudFound(ProcessInstance application) {
        runtimeService().createMessageCorrelation(MESSAGE_FRAUD).processInstanceId(application.getId())
                .setVariable(FINDING, FINDING_FRAUD).correlate();
    }

    private List<Task> expertSheets(ProcessInstance application) {
        return taskQuery().processInstanceId(application.getId()).taskDefinitionKey(TASK_EXPERT_REVIEW)
                .orderByTaskAssignee().asc().list();
    }

    private void assertSanctionRecorded(String finding, int banYears) {
        Map<String, Object> seen = beans.sanctionRecorder.lastCall();
        assertThat(seen.get(FINDING)).isEqualTo(finding);
        assertThat(seen.get(SANCTION)).isInstanceOf(Map.class);
        Map<?, ?> sanction = (Map<?, ?>) seen.get(SANCTION);
        assertThat(sanction.get(RECOVER_FUNDS)).isEqualTo(true);
        assertThat(((Number) sanction.get(BAN_YEARS)).intValue()).isEqualTo(banYears);
    }

    private long jobsAt(String activityId) {
        return managementService().createJobQuery().activityId(activityId).count();
    }

    /** The timers due at the given moment of the engine's clock. */
    private List<Job> executableTimers(Date moment) {
        Date before = ClockUtil.getCurrentTime();
        ClockUtil.setCurrentTime(moment);
        try {
            return managementService().createJobQuery().timers().executable().list();
        } finally {
            ClockUtil.setCurrentTime(before);
        }
    }

    private Object historicVariable(ProcessInstance application, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(application.getId()).variableName(name).singleResult().getValue();
    }

    private static Date midtermDue() {
        return at(2025, 12, 1, 9, 0);
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(CHINA).toInstant());
    }

    private static Date daysAfter(Date start, int days) {
        return Date.from(start.toInstant().plus(Duration.ofDays(days)));
    }

    private static Date minutesBefore(Date moment, int minutes) {
        return Date.from(moment.toInstant().minus(Duration.ofMinutes(minutes)));
    }
}
