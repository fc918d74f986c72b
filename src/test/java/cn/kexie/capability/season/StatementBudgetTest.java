package cn.kexie.capability.season;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.StatementCounter;
import cn.kexie.capability.TestDatabase;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.implementation.ImplementationService;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.publicity.NoticeService;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskListQuery;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Statement budgets (issue 13): how many SQL statements each step of a Chenzhou application sends,
 * from submission to acceptance, and the task list's first page as the office. A step that sends
 * more than its budget fails the build, so a change cannot silently add round-trips; a change that
 * saves some lowers the budget here. Counts are exact and repeatable: the journey runs once to warm
 * the engine's caches (deployed definitions, decisions), and the second journey, of a society of
 * its own, is counted. No timing: that is the benchmark's ({@code ./mvnw -Pbenchmark test}).
 */
@PlatformTest
class StatementBudgetTest {

    /** Budgets per step: H2 and PostgreSQL send the same statements. */
    static final Map<String, Integer> BUDGETS = budgets(
            // issue 11 raised most steps by 1-3: one insert per notification of each task the step creates
            // (offered to a group, or assigned: assignPanel's three sheets), of an application decided or put
            // under notice (one read of its number, title and organisation, one insert), and one read of the
            // working calendar's version for each waiting step that now has a (default) due date
            // + 1 after merging the work of issues 10-12 beside the cuts (not traced to its statement)
            // + 1 each for the cover's particulars (issue 12): the empty row at start, its update with
            // the draft, and one joined read of particulars, programme kind and the call's last day at submission
            //
            // issue 13, second round of cuts (1,289 -> 1,182 statements for the steps counted, H2), per step
            // (the number after // is the count before; the statements gone were compared one by one):
            //   [rec]  an organisation's five record tables read in one statement (OrganisationRepository): -4 a reading
            //   [org]  a transaction reads an organisation once (OrganisationService.load and mine): -6 a repeated reading
            //   [tm]   no task-metrics row (act_ru_task_meter_log) per task claimed or assigned: -1 each
            //   [task] a step's check takes the process instance and its variables from the engine's command instead
            //          of a process-instance query (WorkflowTasks): -1 where the command already holds the instance,
            //          +-0 where it reads it (a task of a subprocess or after a timer)
            //   [app]  a status update keeps the transaction's reading of the application, and its budget lines survive
            //          every write but the draft's (ApplicationRepository): -1 a re-reading
            //   [cal]  the working calendar's version read once per transaction (WorkingCalendarRepository): -1 a re-reading
            //
            // issue 13, third round (1,184 -> 1,046, and the final report's uploads counted apart: 28), per step (the number after // is the count before this round):
            //   [sess] each user works in its login session, as in the browser: the caller's groups and cities
            //          (WorkflowTasks) are read at the session's first step, not at every step: -2 a staff step
            //   [crit] the scoring criteria read as a lookup (DecisionLookup), as the review rules are: no decision
            //          history for reading the programme's scoring sheet: -17 a sheet
            //   [amt]  the approved-amount table evaluated once per transaction (ApprovedAmountRule): -27 the conclusion
            //   [cat]  a programme, its categories, a call and its categories read once per transaction
            //          (ProgrammeCatalogue, forgotten on every write to the catalogue): -3 the start
            //   [ogrp] an applicant's organisation group read once per transaction (CurrentUser): -1 or -2
            //   [pts]  a sheet's points written in one multi-row insert (ReviewService): -4 a sheet of five criteria
            //   [all]  the panel's sheets read with every sheet's points in one query and every expert's name in another,
            //          not two queries per sheet (ReviewService#loadSheets): -4 with three experts
            //   [up]   a step's upload asks whether the step is open to the applicant from the task the step has just
            //          checked (WorkflowTasks#checkedTaskOffered), not from a new query of the instance's tasks: -6
            //   [grp]  the engine's checks use the caller's groups without first scanning every grant to narrow them
            //          (UnfilteredGroupsAuthorizationManager): -1 a command of a logged-in user, -2 a staff step
            "start", 62,             // 65: [cat] -3
            "saveDraft", 20,         // 20
            "attach", 14,            // 14
            "submit", 92,            // 95: [ogrp] -1; [elig] -2: the eligibility facts in 3 queries, and the submission keeps
                                     // the transaction's reading of the application (EligibilityStepBudgetTest)
            "formalReview", 49,      // 53: [sess] -2, [grp] -2
            "assignPanel", 104,      // 108: [sess] -2, [grp] -2
            "expertSheet", 47,       // 72: [sess] -2, [crit] -17, [pts] -4, [grp] -2
            "lastExpertSheet", 84,   // 113: [sess] -2, [crit] -17, [pts] -4, [all] -4, [grp] -2
            "conclude", 60,          // 91: [sess] -2, [amt] -27, [grp] -2
            "partyApproval", 66,     // 70: [sess] -2, [grp] -2
            "noticeEnd", 39,         // 40: a timer; the job's look-up is no longer counted as part of the step (-1)
            "signAgreement", 47,     // 55: [ogrp] -2, [up] -6
            "confirmAgreement", 51,  // 55: [sess] -2, [grp] -2
            "disburse", 57,          // 61: [sess] -2, [grp] -2
            "reportProgress", 42,    // 50: [ogrp] -2, [up] -6
            "midtermTimer", 26,      // 27: a timer; the job's look-up no longer counted (-1)
            "midtermCheck", 47,      // 51: [sess] -2, [grp] -2
            // the summary report and the final accounts uploaded before the final report (two files, 14 each)
            "attachReports", 28,
            "finalReport", 50,       // 51: [ogrp] -1
            "acceptance", 89);       // 93: [sess] -2, [grp] -2

    /**
     * The task list's first page as the office, in a session that has worked before: the two tab
     * counts (the grid's count of the shown tab is the same count), the page, the page's business
     * data. The caller's groups and cities are read once per login session.
     */
    static final int TASK_LIST_BUDGET = 4;

    @Autowired IdentityService identity;
    @Autowired WorkflowTasks workflowTasks;
    @Autowired TaskListQuery taskList;
    @Autowired ApplicationContext context;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachStepOfAChenzhouApplicationStaysWithinItsBudget() {
        ChenzhouJourney journey = new ChenzhouJourney(context);
        journey.journey(journey.society("CZ-BUDGET-W"), new LinkedHashMap<>());
        Map<String, Integer> counted = new LinkedHashMap<>();
        journey.journey(journey.society("CZ-BUDGET-C"), counted);

        System.out.println("statement counts per step on " + database() + ": " + counted
                + ", total " + counted.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(counted.keySet()).containsExactlyElementsOf(BUDGETS.keySet());
        List<String> over = new ArrayList<>();
        counted.forEach((step, n) -> {
            if (n > BUDGETS.get(step)) {
                over.add(step + ": " + n + " > " + BUDGETS.get(step));
            }
        });
        assertThat(over).as("steps over their statement budget").isEmpty();
    }

    @Test
    void theTaskListsFirstPageStaysWithinItsBudget() {
        // an application of its own waits for the office's formal review: the page is never empty
        ChenzhouJourney journey = new ChenzhouJourney(context);
        journey.submitted(journey.society("CZ-BUDGET-T"), new LinkedHashMap<>());
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        AsUser.run(identity, "office", () -> firstPage(session));
        StatementCounter.Count[] counted = new StatementCounter.Count[1];
        AsUser.run(identity, "office", () -> counted[0] = StatementCounter.count(() -> firstPage(session)));
        StatementCounter.Count count = counted[0];
        System.out.println("task list first page as office on " + database() + ": " + count);
        count.statements().forEach(s -> System.out.println("  " + s.replaceAll("\\s+", " ")));
        assertThat(count.total()).isLessThanOrEqualTo(TASK_LIST_BUDGET);
    }

    /**
     * What the task list ({@code TaskListView}) asks for its first page of the 待签收 tab, in one
     * request: the two tabs' counts on their labels, the grid's count and its first page.
     */
    void firstPage(org.springframework.mock.web.MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            taskList.count(TaskListQuery.Tab.MINE, TaskListQuery.Filter.NONE);
            taskList.count(TaskListQuery.Tab.GROUPS, TaskListQuery.Filter.NONE);
            taskList.count(TaskListQuery.Tab.GROUPS, TaskListQuery.Filter.NONE);
            assertThat(taskList.page(TaskListQuery.Tab.GROUPS, TaskListQuery.Filter.NONE, null, 0, 50)).isNotEmpty();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    static String database() {
        return TestDatabase.isPostgres() ? "PostgreSQL" : "H2";
    }

    static Map<String, Integer> budgets(Object... pairs) {
        Map<String, Integer> budgets = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            budgets.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return budgets;
    }
}
