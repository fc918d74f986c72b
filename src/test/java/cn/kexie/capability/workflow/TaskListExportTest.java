package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The task list's export holds the tab the user looks at, as the engine lists it for that user: a
 * Chenzhou task offered to the programme office is in the office's export and not in Xuzhou's
 * office's; once claimed it moves from 待签收 to 我的任务.
 */
@PlatformTest
class TaskListExportTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired Messages messages;
    @Autowired WorkflowTasks tasks;
    @Autowired TaskListQuery query;
    @Autowired TaskService taskService;

    FormTasks forms;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void theExportHoldsTheTabShownAsTheEngineListsItForTheUser() {
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(chenzhou);
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, chenzhou, "office", Map.of());
        // due at 24:00 of 2026-12-04 in Shanghai: the list shows that day
        taskService.setDueDate(task.id(), Date.from(LocalDate.of(2026, 12, 5).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));

        ExcelFiles.ReadSheet offered = as("office", () -> {
            TaskListView view = new TaskListView(tasks, query);
            view.tabs.setSelectedTab(view.groups);
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(offered.title()).isEqualTo("待办任务");
        assertThat(offered.subtitle()).startsWith("筛选条件：待签收");
        assertThat(offered.headers()).containsExactly("任务", "项目编号", "项目名称", "申报单位", "专项", "年度", "创建时间",
                "办理期限", "是否逾期");
        Row row = offered.rowWith("项目编号", number).orElseThrow();
        assertThat(offered.text(row, "任务")).isEqualTo("形式审查");
        assertThat(offered.text(row, "项目名称")).isEqualTo("表单测试项目 " + number);
        assertThat(offered.text(row, "申报单位")).isNotBlank();
        assertThat(DateUtil.isCellDateFormatted(offered.cell(row, "创建时间"))).isTrue();
        assertThat(offered.text(row, "创建时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(DateUtil.isCellDateFormatted(offered.cell(row, "办理期限"))).isTrue();
        assertThat(offered.text(row, "办理期限")).isEqualTo("2026-12-04");
        assertThat(offered.texts("项目编号")).hasSize((int) (long) as("office", () -> tasks.count(WorkflowTasks.Scope.GROUPS)));

        // Xuzhou's office sees no Chenzhou task, in either tab
        for (boolean groups : new boolean[] {true, false}) {
            ExcelFiles.ReadSheet xz = as("office-xz", () -> {
                TaskListView view = new TaskListView(tasks, query);
                view.tabs.setSelectedTab(groups ? view.groups : view.mine);
                return ExcelFiles.sheet(view.export.content());
            });
            assertThat(xz.texts("项目编号")).doesNotContain(number);
        }

        AsUser.run(identity, "office", () -> tasks.claim(task.id()));
        ExcelFiles.ReadSheet mine = as("office", () -> ExcelFiles.sheet(new TaskListView(tasks, query).export.content()));
        assertThat(mine.subtitle()).startsWith("筛选条件：我的任务");
        assertThat(mine.texts("项目编号")).contains(number);
        assertThat(as("manager", () -> ExcelFiles.sheet(new TaskListView(tasks, query).export.content())).texts("项目编号"))
                .doesNotContain(number);
    }

    @Test
    void anEmptyListSaysSoAndWhereToLook() {
        String[] texts = as("finance", () -> {
            TaskListView view = new TaskListView(tasks, query);
            view.tabs.setSelectedTab(view.done);
            String done = view.grid.getEmptyStateText();
            view.tabs.setSelectedTab(view.mine);
            view.overdue.setValue(true);
            return new String[] {done, view.grid.getEmptyStateText()};
        });
        assertThat(texts[0]).isEqualTo("暂无已办任务。");
        assertThat(texts[1]).isEqualTo("没有符合筛选条件的任务，请修改或清除筛选条件。");
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
