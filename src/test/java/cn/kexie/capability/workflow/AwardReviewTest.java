package cn.kexie.capability.workflow;

import static cn.kexie.capability.workflow.AwardFakes.CHIEF_EXPERT;
import static cn.kexie.capability.workflow.AwardFakes.DEMO_SOCIETY_AWARD;
import static cn.kexie.capability.workflow.AwardFakes.FUNCTION_DEMO;
import static cn.kexie.capability.workflow.AwardFakes.HAIZHI_NEW;
import static cn.kexie.capability.workflow.AwardFakes.SERVICE_STATION;
import static cn.kexie.capability.workflow.AwardReview.*;
import static cn.kexie.capability.workflow.ProjectProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path through {@code processes/award-review.bpmn}, on a plain in-memory engine (no Spring) with
 * the real {@code lianyungang-eligibility} and {@code xiangyang-eligibility} tables and fakes for the
 * beans the diagram calls ({@link FakeBeans}, and {@link AwardFakes.EligibilityFacts} for the
 * register's and the declared facts). Each application starts with the variables the platform sets
 * from the programme catalogue: the eligibility table to evaluate, the rubric, and the confirming group
 * of the category (Lianyungang's service stations and chief experts: the county association). The
 * yearly call's result arrives as the call process sends it: message {@code CallResult} with
 * {@code selected}.
 */
class AwardReviewTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The engine's clock when each test starts: a Monday morning before the first deadline. */
    private static final Date NOW = at(2017, 4, 10, 9, 0);
    /** When the call announces its results. */
    private static final Date RESULTS_ANNOUNCED = at(2017, 7, 10, 9, 0);

    private static final String APPLICANT_GROUP_OF_SOCIETY = "org-lyg-mech";
    private static final List<String> EXPERTS_OF_PANEL = List.of("expert-li", "expert-wang", "expert-zhao");

    /** A programme as the catalogue describes it to the diagram. */
    private record Programme(String code, int year, String numberPrefix, String eligibility, String rubric) {
    }

    private static final Programme LIANYUNGANG = new Programme("LIANYUNGANG", 2017, "LYG-2017-",
            DECISION_LIANYUNGANG_ELIGIBILITY, DECISION_LIANYUNGANG_RUBRIC);
    private static final Programme XIANGYANG = new Programme("XIANGYANG", 2019, "XY-2019-",
            DECISION_XIANGYANG_ELIGIBILITY, DECISION_XIANGYANG_RUBRIC);

    private static ProcessEngine engine;

    private FakeBeans beans;
    private AwardFakes.EligibilityFacts facts;
    private String deploymentId;
    private int applications;

    @BeforeAll
    static void buildEngine() {
        engine = ModelTestEngine.build("award-review-test");
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
        beans.panelScoreCalculator.setting(PANEL_SCORE, 88.0);
        deploymentId = ModelTestEngine.deploy(engine, "award-review-test", Path.of("processes", "award-review.bpmn"), Path.of("processes", "award-call.bpmn"),
                Path.of("decisions", DECISION_LIANYUNGANG_ELIGIBILITY + ".dmn"),
                Path.of("decisions", DECISION_XIANGYANG_ELIGIBILITY + ".dmn"));
    }

    @AfterEach
    void undeployAndReset() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ================================================================ application, confirmation and eligibility

    @Test
    void applicationIsFilledInByTheApplicantsOrganisation() {
        ProcessInstance application = start(LIANYUNGANG, SERVICE_STATION);

        assertThat(application).isWaitingAtExactly(TASK_FILL_APPLICATION);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.APPLICATION).isNotAssigned();
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT");
    }

    @Test
    void lianyungangServiceStationIsConfirmedByTheCountyThenReviewedAndAwarded() {
        ProcessInstance application = start(LIANYUNGANG, SERVICE_STATION);
        assertThat(application).isWaitingAtExactly(TASK_FILL_APPLICATION);
        complete(task());

        assertThat(application).isWaitingAtExactly(TASK_CONFIRMATION).hasNotPassed(TASK_GATHER_FACTS);
        assertThat(task()).hasCandidateGroup(Roles.COUNTY_ASSOCIATION).hasFormKey(Forms.CONFIRMATION).isNotAssigned();
        assertThat(taskQuery().taskCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).count())
                .as("the applicant waits for the county association").isZero();
        complete(task(), withVariables(COUNTY_CONFIRMED, true));

        assertThat(application).hasPassedInOrder(TASK_CONFIRMATION, GATEWAY_JOIN_CONFIRMATION, TASK_GATHER_FACTS,
                TASK_CHECK_ELIGIBILITY, TASK_RECORD_ELIGIBILITY).isWaitingAtExactly(TASK_INITIAL_REVIEW);
        assertThat(evaluatedTable()).isEqualTo(DECISION_LIANYUNGANG_ELIGIBILITY);
        assertThat(decisionInputs()).containsEntry(COUNTY_CONFIRMED, true).containsEntry("hasServiceAgreement", true)
                .containsEntry(CATEGORY, SERVICE_STATION);
        assertThat(beans.eligibilityRecorder.lastCall().get(ELIGIBILITY_REASONS)).isEqualTo(List.of());

        complete(task(), withVariables(OUTCOME, PASS));
        panelScores(application);
        assertThat(application).isWaitingAtExactly(EVENT_CALL_RESULT);
        ClockUtil.setCurrentTime(RESULTS_ANNOUNCED);
        callResult(application, true);

        assertThat(application).isWaitingAtExactly(TASK_PAY_AWARD);
        assertThat(task()).hasCandidateGroup(Roles.FINANCE).hasFormKey(Forms.DISBURSEMENT);
        complete(task(), withVariables(DISBURSED, 3000.0));

        assertThat(application).isEnded().hasPassed(END_EVENT_AWARDED).hasNotPassed(END_EVENT_NOT_AWARDED);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "AWAITING_CONFIRMATION", "SUBMITTED",
                "FORMAL_REVIEW", "EXPERT_REVIEW", "AWAITING_RESULT", "AWARDED", "AWARD_PAID");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SERVICE_STATION, 科技服务站申报须经项目所在地县区科协盖章确认",
            "CHIEF_EXPERT, 首席专家（工程师）申报须经项目所在地县区科协盖章确认"})
    void applicationTheCountyRefusesToConfirmIsNotAccepted(String category, String countyReason) {
        ProcessInstance application = start(LIANYUNGANG, category);
        assertThat(application).isWaitingAtExactly(TASK_FILL_APPLICATION);
        complete(task());
        assertThat(application).isWaitingAtExactly(TASK_CONFIRMATION);
        assertThat(task()).hasCandidateGroup(Roles.COUNTY_ASSOCIATION);

        complete(task(), withVariables(COUNTY_CONFIRMED, false));

        assertThat(application).isEnded().hasPassed(TASK_CHECK_ELIGIBILITY, END_EVENT_NOT_ACCEPTED)
                .hasNotPassed(TASK_INITIAL_REVIEW);
        assertThat(reasonsRecorded()).containsExactly(countyReason);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "AWAITING_CONFIRMATION", "SUBMITTED",
                "NOT_ACCEPTED");
    }

    @Test
    void demoSocietyAwardSkipsTheCountyConfirmation() {
        ProcessInstance application = start(LIANYUNGANG, DEMO_SOCIETY_AWARD);
        assertThat(application).isWaitingAtExactly(TASK_FILL_APPLICATION);
        complete(task());

        assertThat(application).hasPassedInOrder(GATEWAY_CONFIRMATION_NEEDED, GATEWAY_JOIN_CONFIRMATION,
                TASK_GATHER_FACTS, TASK_CHECK_ELIGIBILITY).hasNotPassed(TASK_CONFIRMATION)
                .isWaitingAtExactly(TASK_INITIAL_REVIEW);
        assertThat(evaluatedTable()).isEqualTo(DECISION_LIANYUNGANG_ELIGIBILITY);
        assertThat(decisionInputs()).as("no county answer: the table's column for it is empty")
                .containsEntry(COUNTY_CONFIRMED, null).containsEntry(CATEGORY, DEMO_SOCIETY_AWARD);
        assertThat(runtimeService().getVariables(application.getId())).doesNotContainKey(COUNTY_CONFIRMED);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW");
    }

    @Test
    void demoSocietyRatedBelowThreeAIsNotAcceptedByLianyungangsTable() {
        facts = AwardFakes.EligibilityFacts.lianyungang(DEMO_SOCIETY_AWARD).with("rating", 2);

        assertThat(notAccepted(LIANYUNGANG, DEMO_SOCIETY_AWARD)).singleElement().asString().contains("3A");
        assertThat(evaluatedTable()).isEqualTo(DECISION_LIANYUNGANG_ELIGIBILITY);
    }

    @Test
    void xiangyangNewHaizhiStationIsCheckedByXiangyangsTable() {
        ProcessInstance application = start(XIANGYANG, HAIZHI_NEW);
        assertThat(application).isWaitingAtExactly(TASK_FILL_APPLICATION);
        complete(task());

        assertThat(application).hasNotPassed(TASK_CONFIRMATION).isWaitingAtExactly(TASK_INITIAL_REVIEW);
        assertThat(evaluatedTable()).as("the variable eligibilityDecision picks the table")
                .isEqualTo(DECISION_XIANGYANG_ELIGIBILITY);
        assertThat(decisionInputs()).containsEntry("hasCooperationProject", true)
                .containsEntry("applicantType", "ENTERPRISE").containsEntry(CATEGORY, HAIZHI_NEW);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW");
    }

    @Test
    void xiangyangNewHaizhiStationWithoutACooperationProjectIsNotAccepted() {
        facts = AwardFakes.EligibilityFacts.xiangyang(HAIZHI_NEW).with("hasCooperationProject", false);

        assertThat(notAccepted(XIANGYANG, HAIZHI_NEW)).containsExactly("“新建海智工作站”申报单位须有明确的技术创新需求和技术合作项目");
        assertThat(evaluatedTable()).isEqualTo(DECISION_XIANGYANG_ELIGIBILITY);
    }

    // ================================================================ initial review 初审

    @Test
    void initialReviewReturnsApplicationWhichIsCorrectedAndThenPasses() {
        ProcessInstance application = submitted(LIANYUNGANG, CHIEF_EXPERT);
        Date deadline = daysAfter(NOW, 7);

        assertThat(application).isWaitingAtExactly(TASK_INITIAL_REVIEW);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.FORMAL_REVIEW)
                .hasDueDate(daysAfter(NOW, 5));
        complete(task(), withVariables(OUTCOME, RETURN, CORRECTION_DEADLINE, deadline));

        assertThat(application).isWaitingAtExactly(TASK_CORRECT_APPLICATION);
        assertThat(task()).hasCandidateGroup(APPLICANT_GROUP_OF_SOCIETY).hasFormKey(Forms.APPLICATION)
                .hasDueDate(deadline);
        complete(task());

        assertThat(application).isWaitingAtExactly(TASK_INITIAL_REVIEW);
        assertThat(jobsAt(TIMER_CORRECTION_LAPSED)).as("the lapse timer goes with the corrected task").isZero();
        assertThat(timesPassed(application, TASK_CONFIRMATION)).as("the county confirms once").isOne();
        complete(task(), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAtExactly(TASK_ASSIGN_PANEL);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "AWAITING_CONFIRMATION", "SUBMITTED",
                "FORMAL_REVIEW", "RETURNED", "FORMAL_REVIEW", "EXPERT_REVIEW");
    }

    @Test
    void returnedApplicationLapsesWhenTheCorrectionDeadlinePasses() {
        ProcessInstance application = submitted(LIANYUNGANG, FUNCTION_DEMO);
        Date deadline = daysAfter(NOW, 7);
        complete(task(TASK_INITIAL_REVIEW), withVariables(OUTCOME, RETURN, CORRECTION_DEADLINE, deadline));

        assertThat(application).isWaitingAtExactly(TASK_CORRECT_APPLICATION);
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
        ProcessInstance application = submitted(XIANGYANG, HAIZHI_NEW);

        complete(task(TASK_INITIAL_REVIEW), withVariables(OUTCOME, REJECT));

        assertThat(application).isEnded().hasPassed(END_EVENT_REJECTED).hasNotPassed(TASK_ASSIGN_PANEL);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW", "REJECTED");
    }

    // ================================================================ expert panel, the call's result, the award

    @Test
    void panelScoresThenTheApplicationWaitsForTheCallResult() {
        ProcessInstance application = submitted(XIANGYANG, HAIZHI_NEW);
        complete(task(TASK_INITIAL_REVIEW), withVariables(OUTCOME, PASS));

        assertThat(application).isWaitingAtExactly(TASK_ASSIGN_PANEL);
        assertThat(task()).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.ASSIGN_PANEL)
                .hasDueDate(daysAfter(NOW, 5));
        complete(task(), withVariables(EXPERTS, EXPERTS_OF_PANEL));

        List<Task> sheets = expertSheets(application);
        assertThat(sheets).extracting(Task::getAssignee).containsExactlyElementsOf(EXPERTS_OF_PANEL);
        for (Task sheet : sheets) {
            assertThat(sheet).hasFormKey(Forms.EXPERT_SCORE).hasDueDate(daysAfter(NOW, 10));
            assertThat(runtimeService().getVariable(sheet.getExecutionId(), SCORING_DECISION))
                    .as("the form is built from Xiangyang's rubric").isEqualTo(DECISION_XIANGYANG_RUBRIC);
            complete(sheet, withVariables("score", 88));
        }

        assertThat(application).hasPassed(TASK_COMPUTE_PANEL_SCORE).isWaitingAtExactly(EVENT_CALL_RESULT)
                .isWaitingFor(MESSAGE_CALL_RESULT);
        assertThat(beans.panelScoreCalculator.lastCall().get(EXPERTS)).isEqualTo(EXPERTS_OF_PANEL);
        assertThat(application).variables().containsEntry(PANEL_SCORE, 88.0);
        assertThat(beans.applicationStatus.all()).containsExactly("DRAFT", "SUBMITTED", "FORMAL_REVIEW",
                "EXPERT_REVIEW", "AWAITING_RESULT");
    }

    @Test
    void applicationNotAwardedEndsWithoutPayment() {
        ProcessInstance application = awaitingResult(LIANYUNGANG, DEMO_SOCIETY_AWARD);

        ClockUtil.setCurrentTime(RESULTS_ANNOUNCED);
        callResult(application, false);

        assertThat(application).isEnded().hasPassed(END_EVENT_NOT_AWARDED).hasNotPassed(TASK_PAY_AWARD);
        assertThat(taskQuery().taskCandidateGroup(Roles.FINANCE).count()).isZero();
        assertThat(beans.applicationStatus.all()).endsWith("AWAITING_RESULT", "NOT_SELECTED");
        assertThat(beans.fundingLedger.ends()).as("an award approved with the list, then withdrawn, is released")
                .containsExactly(AwardReview.END_EVENT_NOT_AWARDED);
    }

    @Test
    void xiangyangAwardIsPaidByFinance() {
        ProcessInstance application = awaitingResult(XIANGYANG, HAIZHI_NEW);

        callResult(application, true);
        assertThat(task()).hasDefinitionKey(TASK_PAY_AWARD).hasCandidateGroup(Roles.FINANCE);
        complete(task(), withVariables(DISBURSED, 5000.0));

        assertThat(application).isEnded().hasPassed(END_EVENT_AWARDED);
        assertThat(beans.applicationStatus.all()).endsWith("AWAITING_RESULT", "AWARDED", "AWARD_PAID");
    }

    // ================================================================ walking the diagram

    /** Starts the application with the variables the platform sets from the programme catalogue. */
    private ProcessInstance start(Programme programme, String category) {
        if (facts == null) {
            facts = programme == LIANYUNGANG ? AwardFakes.EligibilityFacts.lianyungang(category)
                    : AwardFakes.EligibilityFacts.xiangyang(category);
        }
        Mocks.register("eligibilityFacts", facts);
        String number = programme.numberPrefix() + String.format("%04d", ++applications);
        Map<String, Object> variables = new HashMap<>();
        variables.put(APPLICATION_ID, (long) applications);
        variables.put(APPLICATION_NUMBER, number);
        variables.put(APPLICANT_GROUP, APPLICANT_GROUP_OF_SOCIETY);
        variables.put(PROGRAMME, programme.code());
        variables.put(CATEGORY, category);
        variables.put(CALL_YEAR, programme.year());
        variables.put(PUBLICITY_DAYS, 5);
        variables.put(DISBURSED, 0.0);
        variables.put(ELIGIBILITY_DECISION, programme.eligibility());
        variables.put(SCORING_DECISION, programme.rubric());
        variables.put(CONFIRMATION_GROUP, confirmationGroup(programme, category));
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, number, variables);
    }

    /** The catalogue's confirming group (V6__awards.sql): Lianyungang's service stations and chief experts. */
    private static String confirmationGroup(Programme programme, String category) {
        return programme == LIANYUNGANG && List.of(SERVICE_STATION, CHIEF_EXPERT).contains(category)
                ? Roles.COUNTY_ASSOCIATION : null;
    }

    /** Filled in, confirmed by the county if the category needs it, and through the eligibility check. */
    private ProcessInstance submitted(Programme programme, String category) {
        ProcessInstance application = start(programme, category);
        assertThat(application).isWaitingAt(TASK_FILL_APPLICATION);
        complete(task());
        if (confirmationGroup(programme, category) != null) {
            assertThat(application).isWaitingAt(TASK_CONFIRMATION);
            complete(task(), withVariables(COUNTY_CONFIRMED, true));
        }
        assertThat(application).hasPassedInOrder(TASK_GATHER_FACTS, TASK_CHECK_ELIGIBILITY, TASK_RECORD_ELIGIBILITY);
        return application;
    }

    /** Submits an application the table refuses; the reasons the recorder was given. */
    private List<String> notAccepted(Programme programme, String category) {
        ProcessInstance application = submitted(programme, category);

        assertThat(application).isEnded().hasPassed(END_EVENT_NOT_ACCEPTED).hasNotPassed(TASK_INITIAL_REVIEW);
        assertThat(beans.applicationStatus.all()).endsWith("SUBMITTED", "NOT_ACCEPTED");
        return reasonsRecorded();
    }

    @SuppressWarnings("unchecked")
    private List<String> reasonsRecorded() {
        return (List<String>) beans.eligibilityRecorder.lastCall().get(ELIGIBILITY_REASONS);
    }

    private void panelScores(ProcessInstance application) {
        assertThat(application).isWaitingAt(TASK_ASSIGN_PANEL);
        complete(task(), withVariables(EXPERTS, EXPERTS_OF_PANEL));
        for (Task sheet : expertSheets(application)) {
            complete(sheet, withVariables("score", 88));
        }
    }

    private ProcessInstance awaitingResult(Programme programme, String category) {
        ProcessInstance application = submitted(programme, category);
        complete(task(TASK_INITIAL_REVIEW), withVariables(OUTCOME, PASS));
        panelScores(application);
        assertThat(application).isWaitingAtExactly(EVENT_CALL_RESULT);
        return application;
    }

    /** As the call process announces an intake's results: one message per application, by its number. */
    private void callResult(ProcessInstance application, boolean selected) {
        runtimeService().createMessageCorrelation(MESSAGE_CALL_RESULT)
                .processInstanceBusinessKey(application.getBusinessKey())
                .setVariable(SELECTED, selected)
                .correlate();
    }

    private List<Task> expertSheets(ProcessInstance application) {
        return taskQuery().processInstanceId(application.getId()).taskDefinitionKey(TASK_EXPERT_REVIEW)
                .orderByTaskAssignee().asc().list();
    }

    private long timesPassed(ProcessInstance application, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(application.getId())
                .activityId(activityId).count();
    }

    /** The one eligibility evaluation of the test: the key of the table it evaluated. */
    private String evaluatedTable() {
        return evaluation().getDecisionDefinitionKey();
    }

    private HistoricDecisionInstance evaluation() {
        String[] thisDeploymentsTables = engine.getRepositoryService().createDecisionDefinitionQuery()
                .deploymentId(deploymentId).list().stream().map(DecisionDefinition::getId).toArray(String[]::new);
        return historyService().createHistoricDecisionInstanceQuery().decisionDefinitionIdIn(thisDeploymentsTables)
                .includeInputs().singleResult();
    }

    /** What the one eligibility evaluation read, by the input's expression (its variable name). */
    private Map<String, Object> decisionInputs() {
        HistoricDecisionInstance evaluation = evaluation();
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
