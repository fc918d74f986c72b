package cn.kexie.capability.workflow;

import static cn.kexie.capability.workflow.ProjectProcess.*;
import static cn.kexie.capability.workflow.XuzhouProject.*;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path through {@code processes/xuzhou-project.bpmn}, on a plain in-memory engine (no Spring)
 * with the real {@code xuzhou-eligibility} table and fakes for the beans the diagram calls
 * ({@link FakeBeans}, and {@link XuzhouFakes.EligibilityFacts} for the Xuzhou facts). The yearly call's
 * result arrives as the call process sends it: message {@code CallResult} with {@code selected} and
 * {@code midtermDue}. Each test names the path it takes and checks the statuses the application goes
 * through, who is offered each task and when it falls due.
 */
class XuzhouProjectTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The engine's clock when each test starts: a Monday morning, between publication and the first deadline. */
    private static final Date NOW = at(2022, 5, 9, 9, 0);
    /** When the call announces its result. */
    private static final Date RESULT_ANNOUNCED = at(2022, 7, 4, 9, 0);
    /** The date of the mid-term evaluation, set by the call with its result. */
    private static final Date MIDTERM_DATE = at(2022, 9, 1, 9, 0);
    /** The year-end assessment date (年末验收考核) the call sends with its result. */
    private static final Date ASSESSMENT_DATE = at(2022, 12, 1, 0, 0);
    /** When the assessment notice the fake {@code startNotice} publishes ends. */
    private static final Date NOTICE_PERIOD_ENDS = at(2022, 12, 16, 17, 0);

    private static final String APPLICATION_NUMBER_OF_TEST = "XZ-2022-0007";
    private static final String APPLICANT_GROUP_OF_SOCIETY = "org-xz-mech";
    private static final List<String> EXPERTS_OF_PANEL = List.of("expert-li", "expert-wang", "expert-zhao");

    private static ProcessEngine engine;

    private FakeBeans beans;
    private XuzhouFakes.EligibilityFacts facts;
    private String deploymentId;

    @BeforeAll
    static void buildEngine() {
        engine = ModelTestEngine.build("xuzhou-project-test");
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
        facts = new XuzhouFakes.EligibilityFacts();
        Mocks.register("eligibilityFacts", facts);
        deploymentId = ModelTestEngine.deploy(engine, "xuzhou-project-test", Path.of("processes", "xuzhou-project.bpmn"),
                Path.of("decisions", DECISION_ELIGIBILITY + ".dmn"));
    }

    @AfterEach
    void undeployAndReset() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ================================================================ eligibility: each limit of the guide

    @Test
    void firstClassSocietyRatedBelowFourAIsNotAccepted() {
        facts.with("rating", 3);

        assertThat(notAccepted(CATEGORY_FIRST_CLASS)).singleElement().asString().contains("4A");
    }

    @Test
    void firstClassApplicationBesideAnInnovationApplicationIsNotAccepted() {
        facts.others(CATEGORY_INNOVATION_ACADEMIC, 1);

        assertThat(notAccepted(CATEGORY_FIRST_CLASS)).singleElement().asString().contains("互不兼报");
        assertThat(decisionInputs().get(ELITE_APPLICATIONS_THIS_YEAR)).isEqualTo(1);
    }

    @Test
    void innovationApplicationBesideAFirstClassApplicationIsNotAccepted() {
        facts.others(CATEGORY_FIRST_CLASS, 1);

        assertThat(notAccepted(CATEGORY_INNOVATION_POPULAR_SCIENCE)).singleElement().asString().contains("互不兼报");
    }

    @Test
    void secondInnovationApplicationOfOneSocietyIsNotAccepted() {
        facts.others(CATEGORY_INNOVATION_THINK_TANK, 1);

        assertThat(notAccepted(CATEGORY_INNOVATION_ACADEMIC)).singleElement().asString().contains("互不兼报");
    }

    @Test
    void thirdServiceTechApplicationIsNotAccepted() {
        facts.others(CATEGORY_SERVICE_TECH, 2);

        assertThat(notAccepted(CATEGORY_SERVICE_TECH)).singleElement().asString().contains("不得超过2个");
    }

    @Test
    void secondServiceTechApplicationForTheSameServicePointIsNotAccepted() {
        facts.others(CATEGORY_SERVICE_TECH, 1).othersDeclaringTheSame(SERVICE_POINT, 1);

        assertThat(notAccepted(CATEGORY_SERVICE_TECH)).singleElement().asString().contains("服务点");
    }

    @Test
    void thirdServiceThinkTankApplicationIsNotAccepted() {
        facts.others(CATEGORY_SERVICE_THINK_TANK, 2);

        assertThat(notAccepted(CATEGORY_SERVICE_THINK_TANK)).singleElement().asString().contains("不超过2个");
    }

    @Test
    void eligibilityTableReadsTheCountsMappedFromTheSocietysOtherApplications() {
        // a second SERVICE_TECH application, at another service point, beside elite and think-tank applications
        facts.others(CATEGORY_SERVICE_TECH, 1).others(CATEGORY_FIRST_CLASS, 1).others(CATEGORY_INNOVATION_ACADEMIC, 1)
                .others(CATEGORY_SERVICE_THINK_TANK, 2).othersDeclaringTheSame(SERVICE_POINT, 0);
        ProcessInstance application = submitted(CATEGORY_SERVICE_TECH);

        assertThat(application).isWaitingAt(TASK_INITIAL_REVIEW);
        assertThat(decisionInputs()).containsEntry(ELITE_APPLICATIONS_THIS_YEAR, 2)
                .containsEntry(SERVICE_TECH_APPLICATIONS_THIS_YEAR, 1)
                .containsEntry(THINK_TANK_PROJECT_APPLICATIONS_THIS_YEAR, 2)
                .containsEntry(SAME_SERVICE_POINT_APPLICATIONS, 0)
                .containsEntry(CATEGORY, CATEGORY_SERVICE_TECH);
        assertThat(runtimeService().getVariablesLocal(application.getId()))
                .as("the reasons are a variable of the process instance, for the gateway, the recorder and the forms")
                .containsEntry(ELIGIBILITY_REASONS, List.of())
                .as("the mapped counts stay inside the task")
                .doesNotContainKeys(ELITE_APPLICATIONS_THIS_YEAR, SERVICE_TECH_APPLICATIONS_THIS_YEAR,
                        THINK_TANK_PROJECT_APPLICATIONS_THIS_YEAR, SAME_SERVICE_POINT_APPLICATIONS);
        assertThat(beans.eligibilityRecorder.lastCall().get(ELIGIBILITY_REASONS)).isEqualTo(List.of());
    }

    @Test
    void categoriesMissingFromTheCountsCountAsNoOtherApplications() {
        facts.others(CATEGORY_SERVICE_THINK_TANK, 1).onlyCountsAboveZero();
        ProcessInstance application = submitted(CATEGORY_SERVICE_TECH);

        assertThat(application).isWaitingAt(TASK_INITIAL_REVIEW);
        assertThat(decisionInputs()).containsEntry(ELITE_APPLICATIONS_THIS_YEAR, 0)
                .containsEntry(THINK_TANK_PROJECT_APPLICATIONS_THIS_YEAR, 1)
                .containsEntry(SERVICE_TECH_APPLICATIONS_THIS_YEAR, null)
                .containsEntry(SAME_SERVICE_POINT_APPLICATIONS, null);
    }

    @Test
    void limitIsAppliedWhenTheCountsHoldOnlyTheCategoriesWithApplications() {
        facts.others(CATEGORY_INNOVATION_ACADEMIC, 1).onlyCountsAboveZero();

        assertThat(notAccepted(CATEGORY_FIRST_CLASS)).singleElement().asString().contains("互不兼报");
    }

    // ================================================================ material initial review 材料初审

    @Test
    void applicationIsFilledInByTheApplicantsOrganisation() {
        ProcessInstance application = start(CATEGORY_FIRST_CLASS);

        assertThat(application).isWaitingAt(TASK_FILL_APPLICATION);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.APPLICATION).isNotAssigned();
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT");
    }

    @Test
    void initialReviewReturnsApplicationWhichIsCorrectedAndThenPasses() {
        ProcessInstance application = submitted(CATEGORY_FIRST_CLASS);
        Date deadline = daysAfter(NOW, 7);

        assertThat(application).isWaitingAt(TASK_INITIAL_REVIEW);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.FORMAL_REVIEW)
                .hasDueDate(daysAfter(NOW, 5));
        complete(task(), withVariables(OUTCOME, RETURN, CORRECTION_DEADLINE, deadline));

        assertThat(application).isWaitingAt(TASK_CORRECT_APPLICATION);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.APPLICATION)
                .hasDueDate(deadline);
        complete(task());

        assertThat(application).isWaitingAt(TASK_INITIAL_REVIEW);
        assertThat(jobsAt(TIMER_CORRECTION_LAPSED)).as("the lapse timer goes with the corrected task").isZero();
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_ASSIGN_PANEL);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW", "RETURNED",
                "FORMAL_REVIEW", "EXPERT_REVIEW");
    }

    @Test
    void returnedApplicationLapsesWhenTheCorrectionDeadlinePasses() {
        ProcessInstance application = submitted(CATEGORY_SERVICE_TECH);
        Date deadline = daysAfter(NOW, 7);
        complete(task(TASK_INITIAL_REVIEW), withVariables(OUTCOME, RETURN, CORRECTION_DEADLINE, deadline));

        assertThat(application).isWaitingAt(TASK_CORRECT_APPLICATION);
        assertThat(job(TIMER_CORRECTION_LAPSED).getDuedate()).isEqualTo(deadline);
        ClockUtil.setCurrentTime(deadline);
        execute(job(TIMER_CORRECTION_LAPSED));

        assertThat(application).isEnded().hasPassed(END_EVENT_LAPSED).hasNotPassed(TASK_ASSIGN_PANEL);
        assertThat(taskQuery().processInstanceId(application.getId()).count()).isZero();
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW", "RETURNED",
                "LAPSED");
    }

    @Test
    void initialReviewRejectsApplication() {
        ProcessInstance application = submitted(CATEGORY_FIRST_CLASS);

        complete(task(TASK_INITIAL_REVIEW), withVariables(OUTCOME, REJECT));

        assertThat(application).isEnded().hasPassed(END_EVENT_REJECTED).hasNotPassed(TASK_ASSIGN_PANEL);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW", "REJECTED");
    }

    // ================================================================ expert panel and the call's result

    @Test
    void panelScoresThenTheApplicationWaitsForTheCallResult() {
        ProcessInstance application = submitted(CATEGORY_FIRST_CLASS);
        initialReviewPasses(application);

        assertThat(application).isWaitingAt(TASK_ASSIGN_PANEL);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.ASSIGN_PANEL)
                .hasDueDate(daysAfter(NOW, 5));
        complete(task(), withVariables(EXPERTS, EXPERTS_OF_PANEL));

        List<Task> sheets = expertSheets(application, TASK_EXPERT_REVIEW);
        assertThat(sheets).extracting(Task::getAssignee).containsExactlyElementsOf(EXPERTS_OF_PANEL);
        for (Task sheet : sheets) {
            assertThat(sheet).hasFormKey(Forms.EXPERT_SCORE).hasDueDate(daysAfter(NOW, 10));
            complete(sheet, withVariables("score", 86));
        }

        assertThat(application).hasPassed(TASK_COMPUTE_PANEL_SCORE).isWaitingAtExactly(EVENT_CALL_RESULT)
                .isWaitingFor(MESSAGE_CALL_RESULT).isNotWaitingFor(MESSAGE_FRAUD);
        assertThat(beans.panelScoreCalculator.lastCall().get(EXPERTS)).isEqualTo(EXPERTS_OF_PANEL);
        assertThat(application).variables().containsEntry(PANEL_SCORE, 86.5);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW",
                "EXPERT_REVIEW", "AWAITING_RESULT");
    }

    @Test
    void applicationNotSelectedByTheCallEndsWithoutAProject() {
        ProcessInstance application = awaitingResult(CATEGORY_SERVICE_THINK_TANK);

        callResult(application, false, null);

        assertThat(application).isEnded().hasPassed(END_EVENT_NOT_SELECTED).hasNotPassed(SUB_PROCESS_PROJECT);
        assertThat(beans.applicationStatus.all()).endsWith("AWAITING_RESULT", "NOT_SELECTED");
        assertThat(beans.fundingLedger.ends()).as("an amount approved with the list is released")
                .containsExactly(END_EVENT_NOT_SELECTED);
    }

    // ================================================================ the selected project, to its subsidy

    @Test
    void selectedProjectRunsThroughMidtermAndAssessmentToItsSubsidy() {
        ProcessInstance application = awaitingResult(CATEGORY_INNOVATION_ACADEMIC);

        ClockUtil.setCurrentTime(RESULT_ANNOUNCED);
        callResult(application, true, MIDTERM_DATE);

        assertThat(application).isWaitingAt(TASK_REPORT_PROGRESS).isWaitingFor(MESSAGE_FRAUD);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.PROGRESS_REPORT);
        complete(task());
        assertThat(application).isWaitingAt(TIMER_MIDTERM_EVALUATION);
        assertThat(job(TIMER_MIDTERM_EVALUATION).getDuedate()).as("the date the call set").isEqualTo(MIDTERM_DATE);
        ClockUtil.setCurrentTime(MIDTERM_DATE);
        execute(job(TIMER_MIDTERM_EVALUATION));

        assertThat(application).isWaitingAt(TASK_MIDTERM_EVALUATION);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.MIDTERM_CHECK)
                .hasDueDate(daysAfter(MIDTERM_DATE, 10));
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_SUBMIT_ASSESSMENT_REPORT);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.FINAL_REPORT);
        complete(task());
        assessmentPanelScores(application);

        assertThat(application).isWaitingAt(TASK_ASSESSMENT_DECISION);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.ACCEPTANCE);
        complete(task(), withVariables(OUTCOME, PASS, ACCEPTED, true));

        assertThat(application).isWaitingAt(TASK_ASSESSMENT_EVALUATION);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.ACCEPTANCE);
        assertThat(beans.startNotice.timesCalled()).as("nothing published before 综合评定 and 组织审批").isZero();
        complete(task(), withVariables(OUTCOME, PASS, ACCEPTED, true));
        assertThat(application).isWaitingAt(TASK_ASSESSMENT_APPROVAL);
        assertThat(task()).hasCandidateGroup(Roles.LEADING_GROUP).hasFormKey(Forms.APPROVAL);
        assertThat(beans.startNotice.timesCalled()).isZero();
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TIMER_ASSESSMENT_NOTICE_ENDS).isWaitingFor(MESSAGE_OBJECTION);
        assertThat(job(TIMER_ASSESSMENT_NOTICE_ENDS).getDuedate()).isEqualTo(NOTICE_PERIOD_ENDS);
        ClockUtil.setCurrentTime(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_ASSESSMENT_NOTICE_ENDS));

        assertThat(application).isWaitingAt(TASK_GRANT_SUBSIDY);
        assertThat(task()).hasCandidateGroup(Roles.FINANCE).hasFormKey(Forms.DISBURSEMENT);
        complete(task());

        assertThat(application).isEnded().hasPassedInOrder(START_EVENT_APPLICATION_OPENED, TASK_CHECK_ELIGIBILITY,
                TASK_INITIAL_REVIEW, TASK_ASSIGN_PANEL, EVENT_CALL_RESULT, START_EVENT_PROJECT_ESTABLISHED,
                TASK_REPORT_PROGRESS, TASK_MIDTERM_EVALUATION, TASK_SUBMIT_ASSESSMENT_REPORT,
                TASK_ASSIGN_ASSESSMENT_PANEL, TASK_COMPUTE_ASSESSMENT_SCORE, TASK_ASSESSMENT_DECISION,
                TASK_ASSESSMENT_EVALUATION, TASK_ASSESSMENT_APPROVAL,
                TASK_START_ASSESSMENT_NOTICE, END_EVENT_ASSESSMENT_NOTICE_OVER, TASK_GRANT_SUBSIDY,
                END_EVENT_PROJECT_COMPLETED, END_EVENT_SUBSIDY_GRANTED)
                .hasNotPassed(END_EVENT_SUBSIDY_CANCELLED, TASK_RECORD_INTEGRITY);
        assertThat(beans.panelScoreCalculator.timesCalled()).as("review panel and assessment panel").isEqualTo(2);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW",
                "EXPERT_REVIEW", "AWAITING_RESULT", "ESTABLISHED", "IN_PROGRESS", "MIDTERM_CHECK", "FINAL_REPORT",
                "ACCEPTANCE", "ASSESSMENT_EVALUATION", "ASSESSMENT_APPROVAL", "ASSESSMENT_NOTICE", "AWAITING_FUNDS",
                "SUBSIDY_GRANTED");
        assertThat(beans.fundingLedger.ends()).as("nothing released when the subsidy is granted").isEmpty();
    }

    @Test
    void assessmentReportIsDueByTheYearEndAssessmentDateTheCallSent() {
        atAssessmentReport(CATEGORY_SERVICE_TECH);

        assertThat(task()).as("指南二（一）：在年末进行验收考核").hasDueDate(ASSESSMENT_DATE);
    }

    @Test
    void assessmentReportHasNoDueDateWhereTheCatalogueSetsNoAssessmentDate() {
        ProcessInstance application = awaitingResult(CATEGORY_SERVICE_TECH);
        ClockUtil.setCurrentTime(RESULT_ANNOUNCED);
        callResult(application, true, MIDTERM_DATE, null);
        complete(task(TASK_REPORT_PROGRESS));
        ClockUtil.setCurrentTime(MIDTERM_DATE);
        execute(job(TIMER_MIDTERM_EVALUATION));
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_SUBMIT_ASSESSMENT_REPORT);
        assertThat(task().getDueDate()).isNull();
    }

    @Test
    void firstClassAssessmentReportRequiresTheSummaryAndACase() {
        ProcessInstance application = atAssessmentReport(CATEGORY_FIRST_CLASS);

        assertThat(requiredAttachmentsOf(task())).isEqualTo(ATTACHMENTS_SUMMARY_AND_CASE);
        assertThat(runtimeService().getVariable(application.getId(), REQUIRED_ATTACHMENTS))
                .as("an input parameter of the task, not a process variable").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {CATEGORY_INNOVATION_THINK_TANK, CATEGORY_INNOVATION_ACADEMIC,
            CATEGORY_INNOVATION_POPULAR_SCIENCE, CATEGORY_SERVICE_TECH, CATEGORY_SERVICE_THINK_TANK})
    void otherCategoriesAssessmentReportRequiresOnlyTheSummary(String category) {
        atAssessmentReport(category);

        assertThat(requiredAttachmentsOf(task())).isEqualTo(ATTACHMENTS_SUMMARY);
    }

    @Test
    void midtermEvaluationAsksForRectificationThenPasses() {
        ProcessInstance application = atMidtermEvaluation(CATEGORY_SERVICE_TECH);
        Date deadline = daysAfter(MIDTERM_DATE, 20);

        complete(task(), withVariables(OUTCOME, RECTIFY, RECTIFICATION_DEADLINE, deadline));

        assertThat(application).isWaitingAt(TASK_RECTIFY);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.RECTIFICATION)
                .hasDueDate(deadline);
        ClockUtil.setCurrentTime(daysAfter(MIDTERM_DATE, 15));
        complete(task());

        assertThat(application).isWaitingAt(TASK_MIDTERM_EVALUATION);
        assertThat(task()).as("a new evaluation, due from the day the rectification came in")
                .hasDueDate(daysAfter(MIDTERM_DATE, 25));
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAt(TASK_SUBMIT_ASSESSMENT_REPORT);
        assertThat(beans.applicationStatus.all()).endsWith("MIDTERM_CHECK", "RECTIFYING", "MIDTERM_CHECK",
                "FINAL_REPORT");
    }

    // ================================================================ fraud: the integrity record

    @Test
    void fraudFoundAtTheMidtermEvaluationIsMarkedInTheIntegrityRecord() {
        ProcessInstance application = atMidtermEvaluation(CATEGORY_FIRST_CLASS);

        complete(task(), withVariables(OUTCOME, FRAUD, FINDING, FINDING_FRAUD));

        assertThat(application).isEnded().hasPassedInOrder(END_EVENT_MIDTERM_FRAUD, BOUNDARY_FINDING,
                TASK_RECORD_INTEGRITY, END_EVENT_INTEGRITY_MARKED).hasNotPassed(TASK_SUBMIT_ASSESSMENT_REPORT);
        assertIntegrityMarked();
        assertThat(beans.applicationStatus.all()).endsWith("MIDTERM_CHECK", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudFoundAtTheAssessmentIsMarkedInTheIntegrityRecord() {
        ProcessInstance application = atAssessmentDecision(CATEGORY_SERVICE_TECH);

        complete(task(), withVariables(OUTCOME, FRAUD, FINDING, FINDING_FRAUD, ACCEPTED, false));

        assertThat(application).isEnded().hasPassedInOrder(END_EVENT_ASSESSMENT_FRAUD, BOUNDARY_FINDING,
                TASK_RECORD_INTEGRITY, END_EVENT_INTEGRITY_MARKED)
                .hasNotPassed(SUB_PROCESS_ASSESSMENT_NOTICE, END_EVENT_SUBSIDY_CANCELLED);
        assertIntegrityMarked();
        assertThat(beans.applicationStatus.all()).endsWith("ACCEPTANCE", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudReportedDuringImplementationIsMarkedInTheIntegrityRecord() {
        ProcessInstance application = established(CATEGORY_INNOVATION_THINK_TANK);

        assertThat(application).isWaitingAt(TASK_REPORT_PROGRESS);
        fraudFound(application);

        assertThat(application).isEnded().hasPassedInOrder(BOUNDARY_FRAUD_FOUND, TASK_RECORD_INTEGRITY,
                END_EVENT_INTEGRITY_MARKED).hasNotPassed(TASK_MIDTERM_EVALUATION);
        assertThat(taskQuery().processInstanceId(application.getId()).count()).as("progress report withdrawn").isZero();
        assertIntegrityMarked();
        assertThat(beans.applicationStatus.all()).endsWith("IN_PROGRESS", "SANCTIONING", "SANCTIONED");
    }

    @Test
    void fraudReportedDuringTheAssessmentNoticeEndsTheNoticeAndItsObjections() {
        ProcessInstance application = atAssessmentNotice(CATEGORY_FIRST_CLASS);
        lodgeObjection(application, 7L);

        assertThat(application).isWaitingAt(TIMER_ASSESSMENT_NOTICE_ENDS, TASK_REVIEW_ASSESSMENT_OBJECTION);
        fraudFound(application);

        assertThat(application).isEnded().hasPassed(BOUNDARY_FRAUD_FOUND, END_EVENT_INTEGRITY_MARKED)
                .hasNotPassed(TASK_GRANT_SUBSIDY, END_EVENT_SUBSIDY_CANCELLED);
        assertThat(jobsAt(TIMER_ASSESSMENT_NOTICE_ENDS)).isZero();
        assertThat(taskQuery().processInstanceId(application.getId()).count()).isZero();
        assertIntegrityMarked();
    }

    @Test
    void fraudCanOnlyBeReportedOnceTheProjectIsEstablished() {
        ProcessInstance application = awaitingResult(CATEGORY_FIRST_CLASS);

        assertThat(application).isWaitingAt(EVENT_CALL_RESULT).isNotWaitingFor(MESSAGE_FRAUD);
        assertThatThrownBy(() -> fraudFound(application)).isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    // ================================================================ the assessment's 综合评定 and 组织审批

    @Test
    void organisationalApprovalReturnsTheAssessmentForAnotherEvaluation() {
        ProcessInstance application = atAssessmentDecision(CATEGORY_SERVICE_THINK_TANK);
        complete(task(), withVariables(OUTCOME, PASS, ACCEPTED, true));
        complete(task(TASK_ASSESSMENT_EVALUATION), withVariables(OUTCOME, PASS, ACCEPTED, true));

        complete(task(TASK_ASSESSMENT_APPROVAL), withVariables(OUTCOME, REJECT));

        assertThat(application).isWaitingAt(TASK_ASSESSMENT_EVALUATION).isNotWaitingAt(TASK_ASSESSMENT_APPROVAL)
                .hasNotPassed(SUB_PROCESS_ASSESSMENT_NOTICE);
        assertThat(beans.startNotice.timesCalled()).as("a returned assessment is not published").isZero();
        complete(task(), withVariables(OUTCOME, FAILED, ACCEPTED, false));
        complete(task(TASK_ASSESSMENT_APPROVAL), withVariables(OUTCOME, PASS));
        assertThat(application).isWaitingAt(TIMER_ASSESSMENT_NOTICE_ENDS);
        ClockUtil.setCurrentTime(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_ASSESSMENT_NOTICE_ENDS));
        assertThat(application).isEnded().hasPassed(END_EVENT_SUBSIDY_CANCELLED).hasNotPassed(TASK_GRANT_SUBSIDY);
        assertThat(beans.applicationStatus.all()).endsWith("ASSESSMENT_EVALUATION", "ASSESSMENT_APPROVAL",
                "ASSESSMENT_EVALUATION", "ASSESSMENT_APPROVAL", "ASSESSMENT_NOTICE", "SUBSIDY_CANCELLED");
    }

    @Test
    void fraudFoundAtTheComprehensiveEvaluationIsMarkedInTheIntegrityRecord() {
        ProcessInstance application = atAssessmentDecision(CATEGORY_INNOVATION_ACADEMIC);
        complete(task(), withVariables(OUTCOME, PASS, ACCEPTED, true));

        complete(task(TASK_ASSESSMENT_EVALUATION), withVariables(OUTCOME, FRAUD, FINDING, FINDING_FRAUD, ACCEPTED, false));

        assertThat(application).isEnded().hasPassedInOrder(END_EVENT_ASSESSMENT_EVALUATION_FRAUD, BOUNDARY_FINDING,
                TASK_RECORD_INTEGRITY, END_EVENT_INTEGRITY_MARKED)
                .hasNotPassed(TASK_ASSESSMENT_APPROVAL, SUB_PROCESS_ASSESSMENT_NOTICE);
        assertIntegrityMarked();
    }

    // ================================================================ assessment failed or objected to: no subsidy

    @Test
    void failedAssessmentIsNoticedThenTheSubsidyIsCancelled() {
        ProcessInstance application = atAssessmentDecision(CATEGORY_INNOVATION_POPULAR_SCIENCE);

        complete(task(), withVariables(OUTCOME, FAILED, ACCEPTED, false));
        evaluatedAndApproved(application, FAILED, false);

        assertThat(application).isWaitingAt(TIMER_ASSESSMENT_NOTICE_ENDS);
        assertThat(beans.startNotice.timesCalled()).as("a failed assessment is published too").isOne();
        ClockUtil.setCurrentTime(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_ASSESSMENT_NOTICE_ENDS));

        assertThat(application).isEnded().hasPassedInOrder(SUB_PROCESS_ASSESSMENT_NOTICE, GATEWAY_ASSESSMENT_PASSED,
                END_EVENT_PROJECT_FAILED, BOUNDARY_SUBSIDY_CANCELLED, END_EVENT_SUBSIDY_CANCELLED)
                .hasNotPassed(TASK_GRANT_SUBSIDY, END_EVENT_SUBSIDY_GRANTED, TASK_RECORD_INTEGRITY);
        assertThat(beans.applicationStatus.all()).endsWith("ACCEPTANCE", "ASSESSMENT_EVALUATION", "ASSESSMENT_APPROVAL",
                "ASSESSMENT_NOTICE", "SUBSIDY_CANCELLED");
        assertThat(beans.fundingLedger.ends()).as("the approved subsidy is cancelled (取消经费奖补资助)")
                .containsExactly(END_EVENT_SUBSIDY_CANCELLED);
    }

    @Test
    void upheldObjectionToThePassedAssessmentCancelsTheSubsidy() {
        ProcessInstance application = atAssessmentNotice(CATEGORY_SERVICE_TECH);

        lodgeObjection(application, 7L);

        assertThat(application).isWaitingAt(TASK_REVIEW_ASSESSMENT_OBJECTION, TIMER_ASSESSMENT_NOTICE_ENDS);
        Task review = task(TASK_REVIEW_ASSESSMENT_OBJECTION);
        assertThat(review).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.OBJECTION);
        assertThat(taskService().getVariable(review.getId(), OBJECTION_ID)).isEqualTo(7L);
        complete(review, withVariables(OUTCOME, UPHELD_NOT_FUNDED));

        assertThat(application).isEnded().hasPassedInOrder(END_EVENT_ASSESSMENT_OBJECTION_UPHELD,
                BOUNDARY_ASSESSMENT_OBJECTION_UPHELD, END_EVENT_PROJECT_FAILED, END_EVENT_SUBSIDY_CANCELLED)
                .hasNotPassed(END_EVENT_ASSESSMENT_NOTICE_OVER, TASK_GRANT_SUBSIDY);
        assertThat(jobsAt(TIMER_ASSESSMENT_NOTICE_ENDS)).as("the notice is over").isZero();
        assertThat(beans.applicationStatus.all()).endsWith("ASSESSMENT_NOTICE", "SUBSIDY_CANCELLED");
    }

    @Test
    void objectionUpheldForAnotherReviewAlsoCancelsTheSubsidy() {
        ProcessInstance application = atAssessmentNotice(CATEGORY_FIRST_CLASS);

        lodgeObjection(application, 8L);
        complete(task(TASK_REVIEW_ASSESSMENT_OBJECTION), withVariables(OUTCOME, UPHELD_BACK_TO_REVIEW));

        assertThat(application).isEnded().hasPassed(BOUNDARY_ASSESSMENT_OBJECTION_UPHELD, END_EVENT_SUBSIDY_CANCELLED);
    }

    @Test
    void dismissedObjectionLeavesTheSubsidyToBeGranted() {
        ProcessInstance application = atAssessmentNotice(CATEGORY_SERVICE_THINK_TANK);

        lodgeObjection(application, 7L);
        complete(task(TASK_REVIEW_ASSESSMENT_OBJECTION), withVariables(OUTCOME, DISMISSED));

        assertThat(application).hasPassed(END_EVENT_ASSESSMENT_OBJECTION_DISMISSED)
                .isWaitingAt(TIMER_ASSESSMENT_NOTICE_ENDS).isNotWaitingAt(TASK_REVIEW_ASSESSMENT_OBJECTION);
        ClockUtil.setCurrentTime(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_ASSESSMENT_NOTICE_ENDS));

        assertThat(application).isWaitingAt(TASK_GRANT_SUBSIDY);
        complete(task());
        assertThat(application).isEnded().hasPassed(END_EVENT_SUBSIDY_GRANTED).hasNotPassed(END_EVENT_SUBSIDY_CANCELLED);
        assertThat(beans.applicationStatus.all()).endsWith("ASSESSMENT_NOTICE", "AWAITING_FUNDS", "SUBSIDY_GRANTED");
    }

    @Test
    void noticeThatEndsWhileAnObjectionIsOpenWaitsForItsReview() {
        ProcessInstance application = atAssessmentNotice(CATEGORY_FIRST_CLASS);
        lodgeObjection(application, 7L);

        ClockUtil.setCurrentTime(NOTICE_PERIOD_ENDS);
        execute(job(TIMER_ASSESSMENT_NOTICE_ENDS));

        assertThat(application).hasPassed(END_EVENT_ASSESSMENT_NOTICE_OVER).isWaitingAt(TASK_REVIEW_ASSESSMENT_OBJECTION)
                .isNotWaitingAt(TIMER_ASSESSMENT_NOTICE_ENDS).hasNotPassed(GATEWAY_ASSESSMENT_PASSED);
        complete(task(), withVariables(OUTCOME, DISMISSED));

        assertThat(application).isWaitingAt(TASK_GRANT_SUBSIDY);
    }

    // ================================================================ walking the diagram

    private ProcessInstance start(String category) {
        facts.with(CATEGORY, category);
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, APPLICATION_NUMBER_OF_TEST, withVariables(
                APPLICATION_ID, 7L,
                APPLICATION_NUMBER, APPLICATION_NUMBER_OF_TEST,
                APPLICANT_GROUP, APPLICANT_GROUP_OF_SOCIETY,
                PROGRAMME, "XUZHOU",
                CATEGORY, category,
                CALL_YEAR, 2022,
                PUBLICITY_DAYS, 5));
    }

    private ProcessInstance submitted(String category) {
        ProcessInstance application = start(category);
        assertThat(application).isWaitingAt(TASK_FILL_APPLICATION);
        complete(task());
        assertThat(application).hasPassedInOrder(TASK_GATHER_FACTS, TASK_CHECK_ELIGIBILITY, TASK_RECORD_ELIGIBILITY);
        return application;
    }

    /** Submits an application the table refuses; the reasons the recorder was given. */
    private List<String> notAccepted(String category) {
        ProcessInstance application = submitted(category);

        assertThat(application).isEnded().hasPassed(END_EVENT_NOT_ACCEPTED).hasNotPassed(TASK_INITIAL_REVIEW);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "NOT_ACCEPTED");
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) beans.eligibilityRecorder.lastCall().get(ELIGIBILITY_REASONS);
        return reasons;
    }

    private void initialReviewPasses(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_INITIAL_REVIEW);
        complete(task(), withVariables(OUTCOME, PASS));
    }

    private void panelScores(ProcessInstance application, String assignTask, String sheetTask) {
        assertThat(application).isWaitingAt(assignTask);
        complete(task(), withVariables(EXPERTS, EXPERTS_OF_PANEL));
        for (Task sheet : expertSheets(application, sheetTask)) {
            complete(sheet, withVariables("score", 86));
        }
    }

    private ProcessInstance awaitingResult(String category) {
        ProcessInstance application = submitted(category);
        initialReviewPasses(application);
        panelScores(application, TASK_ASSIGN_PANEL, TASK_EXPERT_REVIEW);
        assertThat(application).isWaitingAt(EVENT_CALL_RESULT);
        return application;
    }

    private ProcessInstance established(String category) {
        ProcessInstance application = awaitingResult(category);
        ClockUtil.setCurrentTime(RESULT_ANNOUNCED);
        callResult(application, true, MIDTERM_DATE);
        return application;
    }

    private ProcessInstance atMidtermEvaluation(String category) {
        ProcessInstance application = established(category);
        complete(task(TASK_REPORT_PROGRESS));
        ClockUtil.setCurrentTime(MIDTERM_DATE);
        execute(job(TIMER_MIDTERM_EVALUATION));
        assertThat(application).isWaitingAt(TASK_MIDTERM_EVALUATION);
        return application;
    }

    private ProcessInstance atAssessmentReport(String category) {
        ProcessInstance application = atMidtermEvaluation(category);
        complete(task(), withVariables(OUTCOME, PASS));
        assertThat(application).isWaitingAt(TASK_SUBMIT_ASSESSMENT_REPORT);
        return application;
    }

    private void assessmentPanelScores(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_ASSIGN_ASSESSMENT_PANEL);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.ASSIGN_PANEL);
        panelScores(application, TASK_ASSIGN_ASSESSMENT_PANEL, TASK_ASSESSMENT_REVIEW);
    }

    private ProcessInstance atAssessmentDecision(String category) {
        ProcessInstance application = atAssessmentReport(category);
        complete(task());
        assessmentPanelScores(application);
        assertThat(application).isWaitingAt(TASK_ASSESSMENT_DECISION);
        return application;
    }

    private ProcessInstance atAssessmentNotice(String category) {
        ProcessInstance application = atAssessmentDecision(category);
        complete(task(), withVariables(OUTCOME, PASS, ACCEPTED, true));
        evaluatedAndApproved(application, PASS, true);
        assertThat(application).isWaitingAt(TIMER_ASSESSMENT_NOTICE_ENDS);
        return application;
    }

    /** 综合评定 with this conclusion, then 组织审批 approves it. */
    private void evaluatedAndApproved(ProcessInstance application, String outcome, boolean accepted) {
        assertThat(application).isWaitingAt(TASK_ASSESSMENT_EVALUATION);
        complete(task(), withVariables(OUTCOME, outcome, ACCEPTED, accepted));
        assertThat(application).isWaitingAt(TASK_ASSESSMENT_APPROVAL);
        complete(task(), withVariables(OUTCOME, PASS));
    }

    /** As the call process announces an intake's results: one message per application of the intake. */
    private void callResult(ProcessInstance application, boolean selected, Date midtermDue) {
        callResult(application, selected, midtermDue, ASSESSMENT_DATE);
    }

    private void callResult(ProcessInstance application, boolean selected, Date midtermDue, Date assessmentDue) {
        runtimeService().createMessageCorrelation(MESSAGE_CALL_RESULT)
                .processInstanceBusinessKey(application.getBusinessKey())
                .setVariable(SELECTED, selected)
                .setVariable(MIDTERM_DUE, midtermDue)
                .setVariable(ASSESSMENT_DUE, assessmentDue)
                .correlate();
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

    /** Xuzhou records the finding and no sanction: the integrity mark its eligibility table reads later. */
    private void assertIntegrityMarked() {
        Map<String, Object> seen = beans.sanctionRecorder.lastCall();
        assertThat(beans.sanctionRecorder.timesCalled()).isOne();
        assertThat(seen.get(FINDING)).isEqualTo(FINDING_FRAUD);
        assertThat(seen.get(ChenzhouProject.SANCTION)).as("no ban, only the mark").isNull();
    }

    private Object requiredAttachmentsOf(Task task) {
        assertThat(task).hasDefinitionKey(TASK_SUBMIT_ASSESSMENT_REPORT);
        return taskService().getVariable(task.getId(), REQUIRED_ATTACHMENTS);
    }

    private List<Task> expertSheets(ProcessInstance application, String sheetTask) {
        return taskQuery().processInstanceId(application.getId()).taskDefinitionKey(sheetTask)
                .orderByTaskAssignee().asc().list();
    }

    /** What the one evaluation of {@code xuzhou-eligibility} read, by the input's expression (its variable name). */
    private Map<String, Object> decisionInputs() {
        String thisDeploymentsTable = engine.getRepositoryService().createDecisionDefinitionQuery()
                .deploymentId(deploymentId).decisionDefinitionKey(DECISION_ELIGIBILITY).singleResult().getId();
        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(thisDeploymentsTable).includeInputs().singleResult();
        Map<String, String> variableOfClause = new HashMap<>();
        for (Input input : engine.getRepositoryService().getDmnModelInstance(evaluation.getDecisionDefinitionId())
                .getModelElementsByType(Input.class)) {
            variableOfClause.put(input.getId(), input.getInputExpression().getText().getTextContent());
        }
        Map<String, Object> inputs = new HashMap<>();
        for (HistoricDecisionInputInstance input : evaluation.getInputs()) {
            Object value = input.getValue();
            inputs.put(variableOfClause.get(input.getClauseId()),
                    value instanceof Number number ? (Object) number.intValue() : value);
        }
        return inputs;
    }

    private long jobsAt(String activityId) {
        return managementService().createJobQuery().activityId(activityId).count();
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(CHINA).toInstant());
    }

    private static Date daysAfter(Date start, int days) {
        return Date.from(start.toInstant().plus(Duration.ofDays(days)));
    }
}
