package cn.kexie.capability.workflow;

import static cn.kexie.capability.workflow.AwardCall.*;
import static cn.kexie.capability.workflow.ProjectProcess.DISMISSED;
import static cn.kexie.capability.workflow.ProjectProcess.MESSAGE_CALL_RESULT;
import static cn.kexie.capability.workflow.ProjectProcess.MESSAGE_OBJECTION;
import static cn.kexie.capability.workflow.ProjectProcess.NOTICE_ENDS;
import static cn.kexie.capability.workflow.ProjectProcess.OBJECTION_ID;
import static cn.kexie.capability.workflow.ProjectProcess.OUTCOME;
import static cn.kexie.capability.workflow.ProjectProcess.PASS;
import static cn.kexie.capability.workflow.ProjectProcess.PROGRAMME;
import static cn.kexie.capability.workflow.ProjectProcess.REJECT;
import static cn.kexie.capability.workflow.ProjectProcess.SELECTED;
import static cn.kexie.capability.workflow.ProjectProcess.UPHELD_BACK_TO_REVIEW;
import static cn.kexie.capability.workflow.ProjectProcess.UPHELD_NOT_FUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.kexie.capability.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path through {@code processes/award-call.bpmn}, on a plain in-memory engine (no Spring) with
 * the fakes of the call beans that {@code xuzhou-call} uses too ({@link XuzhouFakes}): the award call
 * keeps their contract. Lianyungang's 2017 call has two intakes: service stations and chief experts
 * close on 2017-05-31, the demonstration society award and the function demonstration projects on
 * 2017-11-30; they run side by side in one process instance, and each test checks that what one
 * intake does stays in that intake. The last test lets the call's results reach {@code award-review}
 * processes waiting for them.
 */
class AwardCallTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The engine's clock when each test starts: the call is created before it is published. */
    private static final Date NOW = at(2017, 3, 10, 9, 0);
    private static final Date PUBLISHED = at(2017, 3, 16, 9, 0);

    private static final String STATIONS = "2017-05-31";
    private static final String SOCIETIES = "2017-11-30";
    /** 24:00 of the deadline day, as {@code callSchedule} sets it. */
    private static final Date STATIONS_DEADLINE = endOfDay(2017, 5, 31);
    private static final Date SOCIETIES_DEADLINE = endOfDay(2017, 11, 30);
    private static final Date STATIONS_NOTICE_ENDS = at(2017, 7, 7, 17, 0);
    private static final Date SOCIETIES_NOTICE_ENDS = at(2017, 12, 29, 17, 0);

    private static ProcessEngine engine;

    private XuzhouFakes.CallSchedule callSchedule;
    private XuzhouFakes.IntakeRecorder callIntake;
    private XuzhouFakes.CallReviews callReviews;
    private XuzhouFakes.ListNotice listNotice;
    private XuzhouFakes.IntakeRecorder listWithdrawal;
    private XuzhouFakes.IntakeRecorder callResults;
    private String deploymentId;

    @BeforeAll
    static void buildEngine() {
        engine = ModelTestEngine.build("award-call-test");
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void deployAndRegisterBeans() throws IOException {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(NOW);
        callSchedule = new XuzhouFakes.CallSchedule()
                .intake(STATIONS, STATIONS_DEADLINE, AwardFakes.SERVICE_STATION, AwardFakes.CHIEF_EXPERT)
                .intake(SOCIETIES, SOCIETIES_DEADLINE, AwardFakes.DEMO_SOCIETY_AWARD, AwardFakes.FUNCTION_DEMO);
        callIntake = new XuzhouFakes.IntakeRecorder();
        callReviews = new XuzhouFakes.CallReviews();
        listNotice = new XuzhouFakes.ListNotice().endingAt(STATIONS, STATIONS_NOTICE_ENDS)
                .endingAt(SOCIETIES, SOCIETIES_NOTICE_ENDS);
        listWithdrawal = new XuzhouFakes.IntakeRecorder(OBJECTION_ID);
        callResults = new XuzhouFakes.IntakeRecorder();
        Mocks.register("callSchedule", callSchedule);
        Mocks.register("callIntake", callIntake);
        Mocks.register("callReviews", callReviews);
        Mocks.register("listNotice", listNotice);
        Mocks.register("listWithdrawal", listWithdrawal);
        Mocks.register("callResults", callResults);
        Mocks.register("workingDays", new FakeBeans.WorkingDays());
        Mocks.register("defaultDue", new FakeBeans.DefaultDue());
        deploymentId = ModelTestEngine.deploy(engine, "award-call-test", Path.of("processes", "award-call.bpmn"), Path.of("processes", "award-review.bpmn"),
                Path.of("decisions", AwardReview.DECISION_LIANYUNGANG_ELIGIBILITY + ".dmn"),
                Path.of("decisions", AwardReview.DECISION_XIANGYANG_ELIGIBILITY + ".dmn"));
    }

    @AfterEach
    void undeployAndReset() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ================================================================ publication and intakes

    @Test
    void callOpensOnItsPublicationDayWithOneIntakePerDeadline() {
        ProcessInstance call = start();

        assertThat(call).isWaitingAtExactly(TIMER_CALL_PUBLISHED);
        assertThat(job(TIMER_CALL_PUBLISHED).getDuedate()).isEqualTo(PUBLISHED);
        ClockUtil.setCurrentTime(PUBLISHED);
        execute(job(TIMER_CALL_PUBLISHED));

        assertThat(call).hasPassed(TASK_SCHEDULE_INTAKES).isWaitingAt(TIMER_INTAKE_DEADLINE);
        assertThat(deadlineTimers()).as("one deadline timer per intake, due at the intake's deadline")
                .containsOnlyKeys(STATIONS, SOCIETIES)
                .containsEntry(STATIONS, STATIONS_DEADLINE).containsEntry(SOCIETIES, SOCIETIES_DEADLINE);
        assertThat(runtimeService().getActivityInstance(call.getId()).getActivityInstances(SUB_PROCESS_INTAKE))
                .hasSize(2);
        assertThat(runtimeService().getVariables(call.getId())).as("the intake is each instance's own")
                .doesNotContainKeys(INTAKE, OUTCOME, REVIEWS_IN, NOTICE_SCOPE, NOTICE_ENDS);
    }

    @Test
    void stationIntakeClosesAtItsDeadlineWhileTheSocietyIntakeKeepsWaiting() {
        ProcessInstance call = published();

        deadlinePasses(STATIONS);

        assertThat(callIntake.intakeKeys()).containsExactly(STATIONS);
        assertThat(callReviews.intakeKeys()).containsExactly(STATIONS);
        Task ranking = taskOf(STATIONS, TASK_COMPREHENSIVE_EVALUATION);
        assertThat(ranking).hasName("评选排序").hasCandidateGroup(Roles.PROGRAMME_OFFICE)
                .hasFormKey(FORM_COMPREHENSIVE_EVALUATION).hasDueDate(daysAfter(STATIONS_DEADLINE, 10));
        assertThat(intakeOf(ranking).get(INTAKE_CATEGORIES)).as("the ranking knows its categories")
                .isEqualTo(List.of(AwardFakes.SERVICE_STATION, AwardFakes.CHIEF_EXPERT));
        assertThat(call).isWaitingAt(TIMER_INTAKE_DEADLINE, TASK_COMPREHENSIVE_EVALUATION);
        assertThat(deadlineTimers()).containsOnlyKeys(SOCIETIES);
        assertThat(taskQuery().processInstanceId(call.getId()).count()).isOne();
    }

    @Test
    void rankingWaitsUntilTheReviewsOfTheIntakeAreIn() {
        callReviews.notInFor(STATIONS, 2);
        ProcessInstance call = published();

        deadlinePasses(STATIONS);

        assertThat(call).isWaitingAt(TIMER_RECHECK_REVIEWS).isNotWaitingAt(TASK_COMPREHENSIVE_EVALUATION);
        assertThat(runtimeService().getVariable(call.getId(), REVIEWS_IN)).as("local to the intake").isNull();
        Date firstRecheck = Date.from(STATIONS_DEADLINE.toInstant().plus(Duration.ofHours(12)));
        assertThat(job(TIMER_RECHECK_REVIEWS).getDuedate()).isEqualTo(firstRecheck);
        ClockUtil.setCurrentTime(firstRecheck);
        execute(job(TIMER_RECHECK_REVIEWS));

        assertThat(call).isWaitingAt(TIMER_RECHECK_REVIEWS);
        Date secondRecheck = Date.from(firstRecheck.toInstant().plus(Duration.ofHours(12)));
        assertThat(job(TIMER_RECHECK_REVIEWS).getDuedate()).isEqualTo(secondRecheck);
        ClockUtil.setCurrentTime(secondRecheck);
        execute(job(TIMER_RECHECK_REVIEWS));

        assertThat(call).isWaitingAt(TASK_COMPREHENSIVE_EVALUATION).isNotWaitingAt(TIMER_RECHECK_REVIEWS);
        assertThat(callReviews.intakeKeys()).containsExactly(STATIONS, STATIONS, STATIONS);
        assertThat(callIntake.intakeKeys()).as("the intake closes once").containsExactly(STATIONS);
        assertThat(taskOf(STATIONS, TASK_COMPREHENSIVE_EVALUATION)).hasDueDate(daysAfter(secondRecheck, 10));
    }

    @Test
    void approvalSendsTheRankingBackThenApprovesIt() {
        ProcessInstance call = published();
        deadlinePasses(STATIONS);
        complete(taskOf(STATIONS, TASK_COMPREHENSIVE_EVALUATION));

        Task approval = taskOf(STATIONS, TASK_APPROVAL);
        assertThat(approval).hasName("研究审定").hasCandidateGroup(Roles.LEADING_GROUP).hasFormKey(FORM_APPROVAL);
        complete(approval, withVariables(OUTCOME, REJECT));

        assertThat(call).isWaitingAt(TASK_COMPREHENSIVE_EVALUATION).isNotWaitingAt(TASK_APPROVAL);
        assertThat(runtimeService().getVariable(call.getId(), OUTCOME)).as("the outcome stays in its intake").isNull();
        complete(taskOf(STATIONS, TASK_COMPREHENSIVE_EVALUATION));
        complete(taskOf(STATIONS, TASK_APPROVAL), withVariables(OUTCOME, PASS));

        assertThat(call).isWaitingAt(TIMER_LIST_NOTICE_ENDS);
        assertThat(listNotice.intakeKeys()).containsExactly(STATIONS);
        assertThat(noticeTimers()).containsOnlyKeys(STATIONS).containsEntry(STATIONS, STATIONS_NOTICE_ENDS);
    }

    // ================================================================ the list of awards under notice, objections

    @Test
    void dismissedObjectionLeavesTheListOfAwardsAsItIs() {
        ProcessInstance call = inNotice(STATIONS);

        lodgeObjection(call, STATIONS, 7L);

        Task review = taskOf(STATIONS, TASK_REVIEW_LIST_OBJECTION);
        assertThat(review).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(ProjectProcess.Forms.OBJECTION);
        assertThat(taskService().getVariable(review.getId(), OBJECTION_ID)).isEqualTo(7L);
        complete(review, withVariables(OUTCOME, DISMISSED));

        assertThat(call).hasPassed(END_EVENT_LIST_OBJECTION_DISMISSED).hasNotPassed(TASK_WITHDRAW_FROM_LIST)
                .isWaitingAt(TIMER_LIST_NOTICE_ENDS);
        assertThat(listWithdrawal.calls()).isEmpty();
        noticeEnds(STATIONS);
        assertThat(callResults.intakeKeys()).containsExactly(STATIONS);
    }

    @ParameterizedTest
    @ValueSource(strings = {UPHELD_NOT_FUNDED, UPHELD_BACK_TO_REVIEW})
    void upheldObjectionWithdrawsTheAwardFromTheList(String upheld) {
        ProcessInstance call = inNotice(STATIONS);

        lodgeObjection(call, STATIONS, 7L);
        complete(taskOf(STATIONS, TASK_REVIEW_LIST_OBJECTION), withVariables(OUTCOME, upheld));

        assertThat(call).hasPassed(TASK_WITHDRAW_FROM_LIST, END_EVENT_LIST_OBJECTION_UPHELD)
                .isWaitingAt(TIMER_LIST_NOTICE_ENDS).isNotWaitingAt(TASK_REVIEW_LIST_OBJECTION);
        assertThat(listWithdrawal.calls()).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.intakeKey()).isEqualTo(STATIONS);
            assertThat(withdrawal.seen()).containsEntry(OBJECTION_ID, 7L);
        });
        assertThat(callResults.calls()).as("the rest of the list is announced when the notice ends").isEmpty();
        noticeEnds(STATIONS);
        assertThat(callResults.intakeKeys()).containsExactly(STATIONS);
    }

    @Test
    void objectionReachesTheNoticeOfItsOwnIntake() {
        // the stations' notice lasts beyond the societies' deadline: both lists are under notice at once
        listNotice.endingAt(STATIONS, at(2018, 1, 10, 17, 0));
        ProcessInstance call = inNotice(STATIONS);
        deadlinePasses(SOCIETIES);
        rankedAndApproved(SOCIETIES);
        assertThat(noticeTimers()).containsOnlyKeys(STATIONS, SOCIETIES);

        List<EventSubscription> subscriptions = runtimeService().createEventSubscriptionQuery()
                .processInstanceId(call.getId()).eventName(MESSAGE_OBJECTION).list();
        assertThat(subscriptions).hasSize(2).allSatisfy(subscription ->
                assertThat(subscription.getActivityId()).isEqualTo(START_EVENT_LIST_OBJECTION_LODGED));
        assertThat(subscriptions).extracting(subscription ->
                runtimeService().getVariableLocal(subscription.getExecutionId(), NOTICE_SCOPE))
                .containsExactlyInAnyOrder(STATIONS, SOCIETIES);
        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MESSAGE_OBJECTION)
                .processInstanceId(call.getId()).correlate())
                .as("the call alone does not say which list is objected to")
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        lodgeObjection(call, SOCIETIES, 9L);
        complete(taskOf(SOCIETIES, TASK_REVIEW_LIST_OBJECTION), withVariables(OUTCOME, UPHELD_NOT_FUNDED));

        assertThat(listWithdrawal.intakeKeys()).containsExactly(SOCIETIES);
        assertThat(noticeTimers()).as("both notices go on").containsOnlyKeys(STATIONS, SOCIETIES);
        lodgeObjection(call, STATIONS, 11L);
        assertThat(intakeOf(taskOf(STATIONS, TASK_REVIEW_LIST_OBJECTION)).get(INTAKE_KEY)).isEqualTo(STATIONS);
    }

    // ================================================================ two intakes side by side, results

    @Test
    void secondDeadlinePassesWhileTheFirstIntakeIsInItsNotice() {
        listNotice.endingAt(STATIONS, at(2017, 12, 8, 17, 0));
        ProcessInstance call = inNotice(STATIONS);

        deadlinePasses(SOCIETIES);

        assertThat(callIntake.intakeKeys()).containsExactly(STATIONS, SOCIETIES);
        assertThat(call).isWaitingAt(TIMER_LIST_NOTICE_ENDS, TASK_COMPREHENSIVE_EVALUATION);
        assertThat(noticeTimers()).as("the stations' notice is untouched")
                .containsOnlyKeys(STATIONS).containsEntry(STATIONS, at(2017, 12, 8, 17, 0));

        noticeEnds(STATIONS);

        assertThat(callResults.intakeKeys()).containsExactly(STATIONS);
        assertThat(call).isNotEnded().isWaitingAt(TASK_COMPREHENSIVE_EVALUATION);
        assertThat(runtimeService().getActivityInstance(call.getId()).getActivityInstances(SUB_PROCESS_INTAKE))
                .hasSize(1);
    }

    @Test
    void resultsAreAnnouncedPerIntakeAndTheCallEndsAfterBoth() {
        ProcessInstance call = published();

        deadlinePasses(STATIONS);
        rankedAndApproved(STATIONS);
        noticeEnds(STATIONS);

        assertThat(callResults.intakeKeys()).containsExactly(STATIONS);
        assertThat(call).hasPassed(END_EVENT_INTAKE_DONE).isWaitingAt(TIMER_INTAKE_DEADLINE)
                .isNotWaitingAt(TIMER_LIST_NOTICE_ENDS);

        deadlinePasses(SOCIETIES);
        rankedAndApproved(SOCIETIES);
        assertThat(call).isNotEnded();
        noticeEnds(SOCIETIES);

        assertThat(callResults.intakeKeys()).containsExactly(STATIONS, SOCIETIES);
        assertThat(call).isEnded().hasPassedInOrder(START_EVENT_CALL_CREATED, TIMER_CALL_PUBLISHED,
                TASK_SCHEDULE_INTAKES, TASK_COMPREHENSIVE_EVALUATION, TASK_APPROVAL, TASK_START_LIST_NOTICE,
                TASK_ANNOUNCE_RESULTS, END_EVENT_CALL_DONE);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(call.getId())
                .activityId(END_EVENT_INTAKE_DONE).count()).isEqualTo(2);
    }

    @Test
    void xiangyangCallWithOneDeadlineRunsOneIntake() {
        String all = "2019-03-31";
        Mocks.register("callSchedule", new XuzhouFakes.CallSchedule().intake(all, endOfDay(2019, 3, 31),
                AwardFakes.XIANGYANG_CATEGORIES.toArray(String[]::new)));
        Mocks.register("listNotice", new XuzhouFakes.ListNotice().endingAt(all, at(2019, 5, 10, 17, 0)));
        ClockUtil.setCurrentTime(at(2019, 1, 2, 9, 0));
        ProcessInstance call = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "XIANGYANG-2019",
                withVariables(CALL_ID, 5L, PROGRAMME, "XIANGYANG", PUBLISHED_AT, at(2019, 1, 7, 9, 0)));
        assertThat(call).isWaitingAtExactly(TIMER_CALL_PUBLISHED);
        ClockUtil.setCurrentTime(at(2019, 1, 7, 9, 0));
        execute(job(TIMER_CALL_PUBLISHED));

        assertThat(deadlineTimers()).containsOnlyKeys(all);
        deadlinePasses(all);
        rankedAndApproved(all);
        noticeEnds(all);

        assertThat(call).isEnded().hasPassed(TASK_ANNOUNCE_RESULTS, END_EVENT_CALL_DONE);
        assertThat(callResults.intakeKeys()).containsExactly(all);
    }

    // ================================================================ the results reach the applications

    @Test
    void announcedResultsReachTheApplicationsWaitingForThem() {
        FakeBeans beans = new FakeBeans().register();
        Mocks.register("eligibilityFacts", AwardFakes.EligibilityFacts.lianyungang(AwardFakes.DEMO_SOCIETY_AWARD));
        ProcessInstance awarded = awaitingResult("LYG-2017-0001");
        ProcessInstance notAwarded = awaitingResult("LYG-2017-0002");
        // as the platform's callResults does: one CallResult per evaluated application of the intake
        Mocks.register("callResults", new XuzhouFakes.IntakeRecorder() {
            @Override
            protected void act(DelegateExecution execution, String intakeKey) {
                Map<String, Boolean> selected = Map.of(awarded.getBusinessKey(), true, notAwarded.getBusinessKey(), false);
                selected.forEach((applicationNumber, chosen) -> execution.getProcessEngineServices().getRuntimeService()
                        .createMessageCorrelation(MESSAGE_CALL_RESULT).processInstanceBusinessKey(applicationNumber)
                        .setVariable(SELECTED, chosen).correlate());
            }
        });
        ProcessInstance call = published();
        deadlinePasses(SOCIETIES);
        rankedAndApproved(SOCIETIES);

        noticeEnds(SOCIETIES);

        assertThat(awarded).isWaitingAtExactly(AwardReview.TASK_PAY_AWARD);
        assertThat(notAwarded).isEnded().hasPassed(AwardReview.END_EVENT_NOT_AWARDED);
        assertThat(call).hasPassed(END_EVENT_INTAKE_DONE).isNotEnded();
        assertThat(beans.applicationStatus.all()).contains("AWARDED", "NOT_SELECTED");
    }

    // ================================================================ walking the diagram

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "LIANYUNGANG-2017", withVariables(
                CALL_ID, 4L,
                PROGRAMME, "LIANYUNGANG",
                PUBLISHED_AT, PUBLISHED));
    }

    private ProcessInstance published() {
        ProcessInstance call = start();
        assertThat(call).isWaitingAt(TIMER_CALL_PUBLISHED);
        ClockUtil.setCurrentTime(PUBLISHED);
        execute(job(TIMER_CALL_PUBLISHED));
        assertThat(call).isWaitingAt(TIMER_INTAKE_DEADLINE);
        return call;
    }

    /** A demonstration-society application of Lianyungang, through its review, waiting for the call. */
    private ProcessInstance awaitingResult(String applicationNumber) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProjectProcess.APPLICATION_ID, 1L);
        variables.put(ProjectProcess.APPLICANT_GROUP, "org-lyg-mech");
        variables.put(ProjectProcess.CATEGORY, AwardFakes.DEMO_SOCIETY_AWARD);
        variables.put(ProjectProcess.ELIGIBILITY_DECISION, AwardReview.DECISION_LIANYUNGANG_ELIGIBILITY);
        variables.put(ProjectProcess.CONFIRMATION_GROUP, null);
        ProcessInstance application = runtimeService().startProcessInstanceByKey(AwardReview.PROCESS_KEY,
                applicationNumber, variables);
        complete(taskOf(application, AwardReview.TASK_FILL_APPLICATION));
        complete(taskOf(application, AwardReview.TASK_INITIAL_REVIEW), withVariables(OUTCOME, PASS));
        complete(taskOf(application, AwardReview.TASK_ASSIGN_PANEL),
                withVariables(ProjectProcess.EXPERTS, List.of("expert-li")));
        complete(taskOf(application, AwardReview.TASK_EXPERT_REVIEW));
        assertThat(application).isWaitingAtExactly(AwardReview.EVENT_CALL_RESULT);
        return application;
    }

    private void deadlinePasses(String intakeKey) {
        Job timer = managementService().createJobQuery().activityId(TIMER_INTAKE_DEADLINE).list().stream()
                .filter(job -> intakeKey.equals(intakeKeyOf(job))).findFirst().orElseThrow();
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    private void rankedAndApproved(String intakeKey) {
        complete(taskOf(intakeKey, TASK_COMPREHENSIVE_EVALUATION));
        complete(taskOf(intakeKey, TASK_APPROVAL), withVariables(OUTCOME, PASS));
    }

    private ProcessInstance inNotice(String intakeKey) {
        ProcessInstance call = published();
        deadlinePasses(intakeKey);
        rankedAndApproved(intakeKey);
        assertThat(call).isWaitingAt(TIMER_LIST_NOTICE_ENDS);
        return call;
    }

    private void noticeEnds(String intakeKey) {
        Job timer = managementService().createJobQuery().activityId(TIMER_LIST_NOTICE_ENDS).list().stream()
                .filter(job -> intakeKey.equals(intakeKeyOf(job))).findFirst().orElseThrow();
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    /** As the platform lodges an objection to an intake's list of awards: the call and the intake's key. */
    private void lodgeObjection(ProcessInstance call, String intakeKey, long objectionId) {
        runtimeService().createMessageCorrelation(MESSAGE_OBJECTION)
                .processInstanceId(call.getId())
                .localVariableEquals(NOTICE_SCOPE, intakeKey)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(OBJECTION_ID, objectionId))
                .correlate();
    }

    private Map<String, Date> deadlineTimers() {
        return timersAt(TIMER_INTAKE_DEADLINE);
    }

    private Map<String, Date> noticeTimers() {
        return timersAt(TIMER_LIST_NOTICE_ENDS);
    }

    private Map<String, Date> timersAt(String activityId) {
        return managementService().createJobQuery().activityId(activityId).list().stream()
                .collect(Collectors.toMap(this::intakeKeyOf, Job::getDuedate));
    }

    private String intakeKeyOf(Job job) {
        return (String) ((Map<?, ?>) runtimeService().getVariable(job.getExecutionId(), INTAKE)).get(INTAKE_KEY);
    }

    private Map<?, ?> intakeOf(Task task) {
        return (Map<?, ?>) taskService().getVariable(task.getId(), INTAKE);
    }

    private Task taskOf(String intakeKey, String definitionKey) {
        List<Task> tasks = taskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKey(definitionKey).list()
                .stream().filter(task -> intakeKey.equals(intakeOf(task).get(INTAKE_KEY))).toList();
        assertThat(tasks).as("%s of intake %s", definitionKey, intakeKey).hasSize(1);
        return tasks.get(0);
    }

    private Task taskOf(ProcessInstance application, String definitionKey) {
        return taskQuery().processInstanceId(application.getId()).taskDefinitionKey(definitionKey).singleResult();
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(CHINA).toInstant());
    }

    private static Date endOfDay(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).plusDays(1).atStartOfDay(CHINA).toInstant());
    }

    private static Date daysAfter(Date start, int days) {
        return Date.from(start.toInstant().plus(Duration.ofDays(days)));
    }
}
