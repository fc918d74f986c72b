package cn.kexie.capability.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.security.Roles;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A diagram with a working-day timer ({@code ${workingDays.endOfPeriod(now(), publicityWorkingDays)}})
 * and a working-day due date, run on the engine with a moved clock.
 */
@PlatformTest
class WorkingDayTimerProcessTest {

    /** The test diagram src/test/resources/calendar/working-day-timer.bpmn. */
    static final class WorkingDayTimerProcess {
        static final String RESOURCE = "calendar/working-day-timer.bpmn";
        static final String KEY = "calendarWorkingDayTimer";
        static final String TIMER_PUBLICITY_PERIOD_ENDED = "TimerEvent_PublicityPeriodEnded";
        static final String TASK_REVIEW_OBJECTIONS = "Task_ReviewObjections";
        static final String END_PUBLICITY_CLOSED = "EndEvent_PublicityClosed";
        static final String VAR_PUBLICITY_WORKING_DAYS = "publicityWorkingDays";
    }

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    WorkingCalendarService calendarService;
    @Autowired
    WorkingCalendarRepository calendarRepository;
    @Autowired
    JdbcClient jdbc;

    private String deploymentId;

    @BeforeEach
    void deploy() {
        BpmnAwareTests.init(processEngine);
        deploymentId = repositoryService.createDeployment().name("working-day-timer-test")
                .addClasspathResource(WorkingDayTimerProcess.RESOURCE).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        ClockUtil.reset();
        repositoryService.deleteDeployment(deploymentId, true);
        TestYears.forget(jdbc, calendarRepository, 2033);
    }

    @Test
    void publicityTimerFiresAtTheEndOfTheFifthWorkingDayAndNotAMinuteBefore() {
        // Wednesday 2022-09-28, 10:00 in Shanghai: five working days end on Sunday 2022-10-09, a make-up day
        ClockUtil.setCurrentTime(WorkingCalendarTest.shanghai("2022-09-28T10:00"));
        ProcessInstance publicity = start(5);
        assertThat(publicity).isWaitingAt(WorkingDayTimerProcess.TIMER_PUBLICITY_PERIOD_ENDED);

        Date due = WorkingCalendarTest.shanghai("2022-10-10T00:00");
        Job timer = timerOf(publicity);
        assertThat(timer.getDuedate()).isEqualTo(due);

        ClockUtil.setCurrentTime(Date.from(due.toInstant().minus(Duration.ofMinutes(1))));
        assertThat(executableTimersOf(publicity)).isEmpty();

        ClockUtil.setCurrentTime(due);
        assertThat(executableTimersOf(publicity)).extracting(Job::getId).containsExactly(timer.getId());

        managementService.executeJob(timer.getId());
        assertThat(publicity).isWaitingAt(WorkingDayTimerProcess.TASK_REVIEW_OBJECTIONS);
        // the review is due in ten working days from Monday 2022-10-10: at the end of Friday 2022-10-21
        assertThat(task(publicity)).hasDueDate(WorkingCalendarTest.shanghai("2022-10-22T00:00"));
        assertThat(task(publicity)).hasCandidateGroup(Roles.PROGRAMME_OFFICE);

        BpmnAwareTests.complete(task(publicity));
        assertThat(publicity).isEnded().hasPassed(WorkingDayTimerProcess.END_PUBLICITY_CLOSED);
    }

    @Test
    @WithMockUser(username = "admin", roles = Roles.ADMIN)
    void aYearAddedByAnAdministratorCountsForNewTimersAtOnceButNotForWaitingOnes() {
        // Monday 2033-01-03: 2033 has no arrangement yet, so it is a working day
        ClockUtil.setCurrentTime(WorkingCalendarTest.shanghai("2033-01-03T09:00"));
        ProcessInstance before = start(1);
        assertThat(timerOf(before).getDuedate()).isEqualTo(WorkingCalendarTest.shanghai("2033-01-04T00:00"));

        calendarService.save(new Arrangement(2033, List.of(), List.of(
                new CalendarDay(LocalDate.of(2033, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2033, 1, 2), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2033, 1, 3), DayKind.HOLIDAY, "元旦"))), false);

        ProcessInstance after = start(1);
        assertThat(timerOf(after).getDuedate()).isEqualTo(WorkingCalendarTest.shanghai("2033-01-05T00:00"));
        assertThat(timerOf(before).getDuedate()).as("a timer already waiting keeps its instant")
                .isEqualTo(WorkingCalendarTest.shanghai("2033-01-04T00:00"));
    }

    private ProcessInstance start(int publicityWorkingDays) {
        return runtimeService.startProcessInstanceByKey(WorkingDayTimerProcess.KEY,
                Map.of(WorkingDayTimerProcess.VAR_PUBLICITY_WORKING_DAYS, publicityWorkingDays));
    }

    private Job timerOf(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private List<Job> executableTimersOf(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
    }
}
