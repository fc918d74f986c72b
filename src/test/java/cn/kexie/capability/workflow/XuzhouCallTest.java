package cn.kexie.capability.workflow;

import static cn.kexie.capability.workflow.ProjectProcess.DISMISSED;
import static cn.kexie.capability.workflow.ProjectProcess.MESSAGE_OBJECTION;
import static cn.kexie.capability.workflow.ProjectProcess.NOTICE_ENDS;
import static cn.kexie.capability.workflow.ProjectProcess.OBJECTION_ID;
import static cn.kexie.capability.workflow.ProjectProcess.OUTCOME;
import static cn.kexie.capability.workflow.ProjectProcess.PASS;
import static cn.kexie.capability.workflow.ProjectProcess.PROGRAMME;
import static cn.kexie.capability.workflow.ProjectProcess.REJECT;
import static cn.kexie.capability.workflow.ProjectProcess.UPHELD_BACK_TO_REVIEW;
import static cn.kexie.capability.workflow.ProjectProcess.UPHELD_NOT_FUNDED;
import static cn.kexie.capability.workflow.XuzhouCall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
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
 * Every path through {@code processes/xuzhou-call.bpmn}, on a plain in-memory engine (no Spring) with
 * fakes for its delegates ({@link XuzhouFakes}). The 2022 call has two intakes: the service projects
 * close on 2022-06-05, the first-class and innovation societies on 2022-11-10; they run side by side
 * in one process instance, and each test checks that what one intake does stays in that intake.
 */
class XuzhouCallTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The engine's clock when each test starts: the call is created before it is published. */
    private static final Date NOW = at(2022, 4, 20, 9, 0);
    private static final Date PUBLISHED = at(2022, 4, 29, 9, 0);

    private static final String SERVICE = "2022-06-05";
    private static final String ELITE = "2022-11-10";
    /** 24:00 of the deadline day, as {@code callSchedule} sets it. */
    private static final Date SERVICE_DEADLINE = endOfDay(2022, 6, 5);
    private static final Date ELITE_DEADLINE = endOfDay(2022, 11, 10);
    private static final Date SERVICE_NOTICE_ENDS = at(2022, 7, 8, 17, 0);
    private static final Date ELITE_NOTICE_ENDS = at(2022, 12, 9, 17, 0);

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
        engine = ModelTestEngine.build("xuzhou-call-test");
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
                .intake(SERVICE, SERVICE_DEADLINE, "SERVICE_TECH", "SERVICE_THINK_TANK")
                .intake(ELITE, ELITE_DEADLINE, "FIRST_CLASS", "INNOVATION_THINK_TANK", "INNOVATION_ACADEMIC",
                        "INNOVATION_POPULAR_SCIENCE");
        callIntake = new XuzhouFakes.IntakeRecorder();
        callReviews = new XuzhouFakes.CallReviews();
        listNotice = new XuzhouFakes.ListNotice().endingAt(SERVICE, SERVICE_NOTICE_ENDS).endingAt(ELITE, ELITE_NOTICE_ENDS);
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
        deploymentId = ModelTestEngine.deploy(engine, "xuzhou-call-test", Path.of("processes", "xuzhou-call.bpmn"));
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
                .containsOnlyKeys(SERVICE, ELITE)
                .containsEntry(SERVICE, SERVICE_DEADLINE).containsEntry(ELITE, ELITE_DEADLINE);
        assertThat(runtimeService().getActivityInstance(call.getId()).getActivityInstances(SUB_PROCESS_INTAKE))
                .hasSize(2);
        assertThat(runtimeService().getVariables(call.getId())).as("the intake is each instance's own")
                .doesNotContainKeys(INTAKE, OUTCOME, REVIEWS_IN, NOTICE_SCOPE, NOTICE_ENDS);
    }

    @Test
    void serviceIntakeClosesAtItsDeadlineWhileTheEliteIntakeKeepsWaiting() {
        ProcessInstance call = published();

        deadlinePasses(SERVICE);

        assertThat(callIntake.intakeKeys()).containsExactly(SERVICE);
        assertThat(callReviews.intakeKeys()).containsExactly(SERVICE);
        Task evaluation = taskOf(SERVICE, TASK_COMPREHENSIVE_EVALUATION);
        assertThat(evaluation).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(FORM_COMPREHENSIVE_EVALUATION)
                .hasDueDate(daysAfter(SERVICE_DEADLINE, 10));
        assertThat(intakeOf(evaluation).get(INTAKE_CATEGORIES)).as("the evaluation knows its categories")
                .isEqualTo(List.of("SERVICE_TECH", "SERVICE_THINK_TANK"));
        assertThat(call).isWaitingAt(TIMER_INTAKE_DEADLINE, TASK_COMPREHENSIVE_EVALUATION);
        assertThat(deadlineTimers()).containsOnlyKeys(ELITE);
        assertThat(taskQuery().processInstanceId(call.getId()).count()).isOne();
    }

    @Test
    void evaluationWaitsUntilTheReviewsOfTheIntakeAreIn() {
        callReviews.notInFor(SERVICE, 2);
        ProcessInstance call = published();

        deadlinePasses(SERVICE);

        assertThat(call).isWaitingAt(TIMER_RECHECK_REVIEWS).isNotWaitingAt(TASK_COMPREHENSIVE_EVALUATION);
        assertThat(runtimeService().getVariable(call.getId(), REVIEWS_IN)).as("local to the intake").isNull();
        Date firstRecheck = Date.from(SERVICE_DEADLINE.toInstant().plus(Duration.ofHours(12)));
        assertThat(job(TIMER_RECHECK_REVIEWS).getDuedate()).isEqualTo(firstRecheck);
        ClockUtil.setCurrentTime(firstRecheck);
        execute(job(TIMER_RECHECK_REVIEWS));

        assertThat(call).isWaitingAt(TIMER_RECHECK_REVIEWS);
        Date secondRecheck = Date.from(firstRecheck.toInstant().plus(Duration.ofHours(12)));
        assertThat(job(TIMER_RECHECK_REVIEWS).getDuedate()).isEqualTo(secondRecheck);
        ClockUtil.setCurrentTime(secondRecheck);
        execute(job(TIMER_RECHECK_REVIEWS));

        assertThat(call).isWaitingAt(TASK_COMPREHENSIVE_EVALUATION).isNotWaitingAt(TIMER_RECHECK_REVIEWS);
        assertThat(callReviews.intakeKeys()).containsExactly(SERVICE, SERVICE, SERVICE);
        assertThat(callIntake.intakeKeys()).as("the intake closes once").containsExactly(SERVICE);
        assertThat(taskOf(SERVICE, TASK_COMPREHENSIVE_EVALUATION)).hasDueDate(daysAfter(secondRecheck, 10));
    }

    @Test
    void rejectedApprovalGoesBackToTheComprehensiveEvaluation() {
        ProcessInstance call = published();
        deadlinePasses(SERVICE);
        complete(taskOf(SERVICE, TASK_COMPREHENSIVE_EVALUATION));

        Task approval = taskOf(SERVICE, TASK_ORGANISATIONAL_APPROVAL);
        assertThat(approval).hasCandidateGroup(Roles.LEADING_GROUP).hasFormKey(ProjectProcess.Forms.APPROVAL);
        complete(approval, withVariables(OUTCOME, REJECT));

        assertThat(call).isWaitingAt(TASK_COMPREHENSIVE_EVALUATION).isNotWaitingAt(TASK_ORGANISATIONAL_APPROVAL);
        assertThat(runtimeService().getVariable(call.getId(), OUTCOME)).as("the outcome stays in its intake").isNull();
        complete(taskOf(SERVICE, TASK_COMPREHENSIVE_EVALUATION));
        complete(taskOf(SERVICE, TASK_ORGANISATIONAL_APPROVAL), withVariables(OUTCOME, PASS));

        assertThat(call).isWaitingAt(TIMER_LIST_NOTICE_ENDS);
        assertThat(listNotice.intakeKeys()).containsExactly(SERVICE);
        assertThat(noticeTimers()).containsOnlyKeys(SERVICE).containsEntry(SERVICE, SERVICE_NOTICE_ENDS);
    }

    // ================================================================ the approved list's notice and its objections

    @Test
    void dismissedObjectionLeavesTheApprovedListAsItIs() {
        ProcessInstance call = inNotice(SERVICE);

        lodgeObjection(call, SERVICE, 7L);

        Task review = taskOf(SERVICE, TASK_REVIEW_LIST_OBJECTION);
        assertThat(review).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(ProjectProcess.Forms.OBJECTION);
        assertThat(taskService().getVariable(review.getId(), OBJECTION_ID)).isEqualTo(7L);
        complete(review, withVariables(OUTCOME, DISMISSED));

        assertThat(call).hasPassed(END_EVENT_LIST_OBJECTION_DISMISSED).hasNotPassed(TASK_WITHDRAW_FROM_LIST)
                .isWaitingAt(TIMER_LIST_NOTICE_ENDS);
        assertThat(listWithdrawal.calls()).isEmpty();
        noticeEnds(SERVICE);
        assertThat(callResults.intakeKeys()).containsExactly(SERVICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {UPHELD_NOT_FUNDED, UPHELD_BACK_TO_REVIEW})
    void upheldObjectionWithdrawsTheProjectFromTheList(String upheld) {
        ProcessInstance call = inNotice(SERVICE);

        lodgeObjection(call, SERVICE, 7L);
        complete(taskOf(SERVICE, TASK_REVIEW_LIST_OBJECTION), withVariables(OUTCOME, upheld));

        assertThat(call).hasPassed(TASK_WITHDRAW_FROM_LIST, END_EVENT_LIST_OBJECTION_UPHELD)
                .isWaitingAt(TIMER_LIST_NOTICE_ENDS).isNotWaitingAt(TASK_REVIEW_LIST_OBJECTION);
        assertThat(listWithdrawal.calls()).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.intakeKey()).isEqualTo(SERVICE);
            assertThat(withdrawal.seen()).containsEntry(OBJECTION_ID, 7L);
        });
        assertThat(callResults.calls()).as("the rest of the list is announced when the notice ends").isEmpty();
        noticeEnds(SERVICE);
        assertThat(callResults.intakeKeys()).containsExactly(SERVICE);
    }

    @Test
    void objectionReachesTheNoticeOfItsOwnIntake() {
        // the service intake's notice lasts beyond the elite intake's: both lists are under notice at once
        listNotice.endingAt(SERVICE, at(2022, 12, 20, 17, 0));
        ProcessInstance call = inNotice(SERVICE);
        deadlinePasses(ELITE);
        evaluatedAndApproved(ELITE);
        assertThat(noticeTimers()).containsOnlyKeys(SERVICE, ELITE);

        // the subscription of each notice's objection start event belongs to the notice sub-process's
        // scope execution, which is where noticeScope is local (and where listNotice ran)
        List<EventSubscription> subscriptions = runtimeService().createEventSubscriptionQuery()
                .processInstanceId(call.getId()).eventName(MESSAGE_OBJECTION).list();
        assertThat(subscriptions).hasSize(2).allSatisfy(subscription ->
                assertThat(subscription.getActivityId()).isEqualTo(START_EVENT_LIST_OBJECTION_LODGED));
        List<String> noticeExecutions = List.of(runtimeService().getActivityInstance(call.getId())
                .getActivityInstances(SUB_PROCESS_LIST_NOTICE)).stream()
                .flatMap(notice -> List.of(notice.getExecutionIds()).stream()).toList();
        assertThat(subscriptions).extracting(EventSubscription::getExecutionId)
                .containsExactlyInAnyOrderElementsOf(noticeExecutions)
                .containsExactlyInAnyOrderElementsOf(listNotice.calls().stream().map(XuzhouFakes.Call::executionId).toList());
        assertThat(subscriptions).extracting(subscription ->
                runtimeService().getVariableLocal(subscription.getExecutionId(), NOTICE_SCOPE))
                .containsExactlyInAnyOrder(SERVICE, ELITE);

        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MESSAGE_OBJECTION)
                .processInstanceId(call.getId()).correlate())
                .as("the call alone does not say which list is objected to")
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        lodgeObjection(call, ELITE, 9L);
        // a second objection while the first is under review: the subscription stays where it was
        lodgeObjection(call, ELITE, 10L);

        List<Task> reviews = taskQuery().processInstanceId(call.getId()).taskDefinitionKey(TASK_REVIEW_LIST_OBJECTION)
                .list();
        assertThat(reviews).hasSize(2).allSatisfy(review -> assertThat(intakeOf(review).get(INTAKE_KEY)).isEqualTo(ELITE));
        Map<Object, Task> reviewOfObjection = reviews.stream().collect(Collectors.toMap(
                review -> taskService().getVariable(review.getId(), OBJECTION_ID), review -> review));
        assertThat(reviewOfObjection).containsOnlyKeys(9L, 10L);
        complete(reviewOfObjection.get(9L), withVariables(OUTCOME, UPHELD_NOT_FUNDED));
        complete(reviewOfObjection.get(10L), withVariables(OUTCOME, DISMISSED));

        assertThat(listWithdrawal.calls()).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.intakeKey()).isEqualTo(ELITE);
            assertThat(withdrawal.seen()).containsEntry(OBJECTION_ID, 9L);
        });
        assertThat(noticeTimers()).as("both notices go on").containsOnlyKeys(SERVICE, ELITE);
        lodgeObjection(call, SERVICE, 11L);
        assertThat(intakeOf(taskOf(SERVICE, TASK_REVIEW_LIST_OBJECTION)).get(INTAKE_KEY)).isEqualTo(SERVICE);
    }

    // ================================================================ two intakes side by side, results

    @Test
    void secondDeadlinePassesWhileTheFirstIntakeIsInItsNotice() {
        listNotice.endingAt(SERVICE, at(2022, 11, 25, 17, 0));
        ProcessInstance call = inNotice(SERVICE);

        deadlinePasses(ELITE);

        assertThat(callIntake.intakeKeys()).containsExactly(SERVICE, ELITE);
        assertThat(call).isWaitingAt(TIMER_LIST_NOTICE_ENDS, TASK_COMPREHENSIVE_EVALUATION);
        assertThat(taskOf(ELITE, TASK_COMPREHENSIVE_EVALUATION)).hasDueDate(daysAfter(ELITE_DEADLINE, 10));
        assertThat(noticeTimers()).as("the service list's notice is untouched")
                .containsOnlyKeys(SERVICE).containsEntry(SERVICE, at(2022, 11, 25, 17, 0));

        noticeEnds(SERVICE);

        assertThat(callResults.intakeKeys()).containsExactly(SERVICE);
        assertThat(call).isNotEnded().isWaitingAt(TASK_COMPREHENSIVE_EVALUATION);
        assertThat(runtimeService().getActivityInstance(call.getId()).getActivityInstances(SUB_PROCESS_INTAKE))
                .hasSize(1);
    }

    @Test
    void resultsAreAnnouncedPerIntakeAndTheCallEndsAfterBoth() {
        ProcessInstance call = published();

        deadlinePasses(SERVICE);
        evaluatedAndApproved(SERVICE);
        noticeEnds(SERVICE);

        assertThat(callResults.intakeKeys()).containsExactly(SERVICE);
        assertThat(call).hasPassed(END_EVENT_INTAKE_DONE).isWaitingAt(TIMER_INTAKE_DEADLINE)
                .isNotWaitingAt(TIMER_LIST_NOTICE_ENDS);
        assertThat(deadlineTimers()).containsOnlyKeys(ELITE);

        deadlinePasses(ELITE);
        evaluatedAndApproved(ELITE);
        assertThat(call).isNotEnded();
        noticeEnds(ELITE);

        assertThat(callResults.intakeKeys()).containsExactly(SERVICE, ELITE);
        assertThat(call).isEnded().hasPassedInOrder(START_EVENT_CALL_CREATED, TIMER_CALL_PUBLISHED,
                TASK_SCHEDULE_INTAKES, TASK_ANNOUNCE_RESULTS, END_EVENT_CALL_DONE);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(call.getId())
                .activityId(END_EVENT_INTAKE_DONE).count()).isEqualTo(2);
    }

    // ================================================================ walking the diagram

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "XUZHOU-2022", withVariables(
                CALL_ID, 3L,
                PROGRAMME, "XUZHOU",
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

    private void deadlinePasses(String intakeKey) {
        Job timer = managementService().createJobQuery().activityId(TIMER_INTAKE_DEADLINE).list().stream()
                .filter(job -> intakeKey.equals(intakeKeyOf(job))).findFirst().orElseThrow();
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    private void evaluatedAndApproved(String intakeKey) {
        complete(taskOf(intakeKey, TASK_COMPREHENSIVE_EVALUATION));
        complete(taskOf(intakeKey, TASK_ORGANISATIONAL_APPROVAL), withVariables(OUTCOME, PASS));
    }

    private ProcessInstance inNotice(String intakeKey) {
        ProcessInstance call = published();
        deadlinePasses(intakeKey);
        evaluatedAndApproved(intakeKey);
        assertThat(call).isWaitingAt(TIMER_LIST_NOTICE_ENDS);
        return call;
    }

    private void noticeEnds(String intakeKey) {
        Job timer = managementService().createJobQuery().activityId(TIMER_LIST_NOTICE_ENDS).list().stream()
                .filter(job -> intakeKey.equals(intakeKeyOf(job))).findFirst().orElseThrow();
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    /**
     * As the platform lodges an objection to an intake's approved list: the call's process instance
     * and the intake's key, which only the notice sub-process of that intake holds as a local variable.
     */
    private void lodgeObjection(ProcessInstance call, String intakeKey, long objectionId) {
        runtimeService().createMessageCorrelation(MESSAGE_OBJECTION)
                .processInstanceId(call.getId())
                .localVariableEquals(NOTICE_SCOPE, intakeKey)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(OBJECTION_ID, objectionId))
                .correlate();
    }

    /** Deadline timers by intake key, with their due dates. */
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
        List<Task> tasks = taskQuery().taskDefinitionKey(definitionKey).list().stream()
                .filter(task -> intakeKey.equals(intakeOf(task).get(INTAKE_KEY))).toList();
        assertThat(tasks).as("%s of intake %s", definitionKey, intakeKey).hasSize(1);
        return tasks.get(0);
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
