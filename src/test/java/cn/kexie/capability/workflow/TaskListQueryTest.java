package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.TaskListQuery.Filter;
import cn.kexie.capability.workflow.TaskListQuery.Order;
import cn.kexie.capability.workflow.TaskListQuery.Sort;
import cn.kexie.capability.workflow.TaskListQuery.Tab;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task list as each role sees it, through the engine under the user's authentication: the
 * office of all cities sees a Chenzhou task and Xuzhou's office does not; an expert sees only the
 * scoring he was drawn for; an applicant only its organisation's tasks and applications. Search,
 * filters and sorting narrow and order the engine's page; the done list holds what I completed.
 */
@PlatformTest
class TaskListQueryTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskListQuery query;
    @Autowired WorkflowTasks tasks;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    FormTasks forms;
    String tag;

    @BeforeEach
    void setUp() {
        forms = new FormTasks(context);
        tag = "T11L-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theOfficeSeesItsCitiesTasksWithTheApplicationsColumnsAndXuzhousOfficeDoesNot() {
        long app = application("CZ-MED", "甲");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of(ProjectProcess.CALL_YEAR, 2026));

        TaskRow row = only(as("office", () -> query.page(Tab.GROUPS, search(tag), null, 0, 50)));
        assertThat(row.taskId()).isEqualTo(task.id());
        assertThat(row.number()).isEqualTo(forms.number(app));
        assertThat(row.title()).isEqualTo(tag + " 甲");
        assertThat(row.organisation()).isEqualTo("郴州市医学会");
        assertThat(row.programme(java.util.Locale.CHINESE)).contains("郴州");
        assertThat(row.step()).isEqualTo("形式审查");
        assertThat(row.applicationId()).isEqualTo(app);
        assertThat(as("office", () -> query.count(Tab.GROUPS, search(tag)))).isEqualTo(1);

        // Xuzhou's office: not in either tab, nor by any search
        for (Tab tab : List.of(Tab.MINE, Tab.GROUPS, Tab.DONE)) {
            assertThat(as("office-xz", () -> query.page(tab, search(tag), null, 0, 50))).isEmpty();
            assertThat(as("office-xz", () -> query.page(tab, Filter.NONE, null, 0, 500)))
                    .extracting(TaskRow::taskId).doesNotContain(task.id());
            assertThat(as("office-xz", () -> query.count(tab, search(tag)))).isZero();
        }
        // nor an expert, nor the applicant (the office's step is not theirs)
        assertThat(as("expert1", () -> query.page(Tab.GROUPS, search(tag), null, 0, 50))).isEmpty();
        assertThat(as("cz-med", () -> query.page(Tab.GROUPS, search(tag), null, 0, 50))).isEmpty();
    }

    @Test
    void searchFiltersAndSortingNarrowAndOrderTheEnginesPage() {
        long first = application("CZ-MED", "甲 学术年会");
        long second = application("CZ-MED", "乙 科普讲座");
        WorkItem a = forms.task(Forms.FORMAL_REVIEW, first, "office", Map.of(ProjectProcess.CALL_YEAR, 2026));
        WorkItem b = forms.task(Forms.FORMAL_REVIEW, second, "office", Map.of(ProjectProcess.CALL_YEAR, 2025));
        taskService.setDueDate(a.id(), Date.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        taskService.setDueDate(b.id(), Date.from(Instant.now().plus(5, ChronoUnit.DAYS)));

        // by title, by number, by applicant (with the tag to keep to this test's tasks)
        assertThat(ids(Tab.GROUPS, search(tag + " 乙"), null)).containsExactly(b.id());
        assertThat(ids(Tab.GROUPS, search(forms.number(first)), null)).containsExactly(a.id());
        assertThat(ids(Tab.GROUPS, search("郴州市医学会"), null)).contains(a.id(), b.id());
        // programme, year, step, overdue
        assertThat(ids(Tab.GROUPS, new Filter(tag, "CHENZHOU", null, null, false), null)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(ids(Tab.GROUPS, new Filter(tag, "XUZHOU", null, null, false), null)).isEmpty();
        assertThat(ids(Tab.GROUPS, new Filter(tag, null, 2025, null, false), null)).containsExactly(b.id());
        assertThat(ids(Tab.GROUPS, new Filter(tag, null, null, "形式审查", false), null)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(ids(Tab.GROUPS, new Filter(tag, null, null, "党组研究", false), null)).isEmpty();
        assertThat(ids(Tab.GROUPS, new Filter(tag, null, null, null, true), null)).containsExactly(a.id());
        assertThat(as("office", () -> query.count(Tab.GROUPS, new Filter(tag, null, null, null, true)))).isEqualTo(1);
        // sorted by the engine, both ways
        assertThat(ids(Tab.GROUPS, search(tag), new Order(Sort.YEAR, true))).containsExactly(b.id(), a.id());
        assertThat(ids(Tab.GROUPS, search(tag), new Order(Sort.YEAR, false))).containsExactly(a.id(), b.id());
        assertThat(ids(Tab.GROUPS, search(tag), new Order(Sort.DUE, false))).containsExactly(b.id(), a.id());
        List<String> byNumber = forms.number(first).compareTo(forms.number(second)) < 0 ? List.of(a.id(), b.id()) : List.of(b.id(), a.id());
        assertThat(ids(Tab.GROUPS, search(tag), new Order(Sort.NUMBER, true))).containsExactlyElementsOf(byNumber);
        // paged
        assertThat(as("office", () -> query.page(Tab.GROUPS, search(tag), new Order(Sort.YEAR, true), 1, 1)))
                .extracting(TaskRow::taskId).containsExactly(a.id());
        // the step filter offers the diagrams' steps
        assertThat(as("office", () -> query.stepNames())).contains("形式审查", "专家评分");
    }

    @Test
    void anExpertSeesOnlyTheScoringHeWasDrawnFor() {
        long app = application("CZ-UNIV", "专家");
        WorkItem sheet = forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1"));

        assertThat(ids("expert1", Tab.MINE, search(tag))).containsExactly(sheet.id());
        for (String other : List.of("expert2", "office", "office-xz", "cz-univ")) {
            for (Tab tab : List.of(Tab.MINE, Tab.GROUPS)) {
                assertThat(ids(other, tab, search(tag))).as(other + " " + tab).isEmpty();
            }
        }
    }

    @Test
    void anApplicantSeesItsOrganisationsTasksAndApplicationsOnly() {
        long app = application("CZ-MED", "单位");
        WorkItem sign = forms.task(Forms.SIGN_AGREEMENT, app, "cz-med", Map.of());

        assertThat(ids("cz-med", Tab.GROUPS, search(tag))).containsExactly(sign.id());
        assertThat(ids("xz-mech", Tab.GROUPS, search(tag))).isEmpty();
        assertThat(ids("office", Tab.GROUPS, search(tag))).isEmpty();
        // 我发起的: the organisation's applications; an expert affiliated with it has none
        assertThat(as("cz-med", () -> query.page(Tab.STARTED, Filter.NONE, null, 0, 1000)))
                .extracting(TaskRow::applicationId).contains(app);
        assertThat(as("xz-mech", () -> query.page(Tab.STARTED, Filter.NONE, null, 0, 1000)))
                .extracting(TaskRow::applicationId).doesNotContain(app);
        assertThat(as("expert3", () -> query.page(Tab.STARTED, Filter.NONE, null, 0, 1000))).isEmpty();
        assertThat(as("expert3", () -> query.count(Tab.STARTED, Filter.NONE))).isZero();
    }

    @Test
    void theDoneListHoldsTheTasksICompletedAndNobodyElses() {
        long app = application("CZ-MED", "已办");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> tasks.complete(task.id(), Map.of()));

        TaskRow row = only(as("office", () -> query.page(Tab.DONE, search(tag), null, 0, 50)));
        assertThat(row.taskId()).isEqualTo(task.id());
        assertThat(row.ended()).isNotNull();
        assertThat(row.applicationId()).isEqualTo(app);
        assertThat(row.title()).isEqualTo(tag + " 已办");
        assertThat(as("office", () -> query.count(Tab.DONE, search(tag)))).isEqualTo(1);
        assertThat(as("office", () -> query.page(Tab.GROUPS, search(tag), null, 0, 50))).isEmpty();
        for (String other : List.of("office-xz", "expert1", "cz-med", "manager")) {
            assertThat(ids(other, Tab.DONE, search(tag))).as(other).isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private long application(String organisation, String title) {
        long id = forms.application(organisation, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        jdbc.sql("update application set title = ? where id = ?").params(tag + " " + title, id).update();
        return id;
    }

    private static Filter search(String text) {
        return new Filter(text, null, null, null, false);
    }

    private List<String> ids(Tab tab, Filter filter, Order order) {
        return as("office", () -> query.page(tab, filter, order, 0, 50)).stream().map(TaskRow::taskId).toList();
    }

    private List<String> ids(String user, Tab tab, Filter filter) {
        return as(user, () -> query.page(tab, filter, null, 0, 50)).stream().map(TaskRow::taskId).toList();
    }

    private static TaskRow only(List<TaskRow> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
