package cn.kexie.capability.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import cn.kexie.capability.workflow.XuzhouCall;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A call's ranking exported: before the office's evaluation the quota pre-applied to the panel
 * scores, afterwards the office's changes with their reasons; the evaluation form's draft as the
 * office has ticked it; readable by the office, managers and the leading group of the call's city only.
 */
@PlatformTest
class RankingExportTest {

    /** A Xuzhou call of a year no other test uses. */
    static final int YEAR = 2044;
    static final String INTAKE = YEAR + "-06-05";

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluation;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired WorkflowTasks tasks;
    @Autowired EvaluationForm form;

    FormTasks forms;
    Call call;
    long first;
    long second;
    long third;

    @BeforeEach
    void callWithThreeReviewedServiceProjects() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
        call = as("office", () -> catalogue.call("XUZHOU", YEAR).orElseGet(() -> {
            Call c = catalogue.createCall("XUZHOU", YEAR, YEAR + "年度徐州（导出测试）", LocalDate.of(YEAR, 4, 29));
            catalogue.saveCallCategory(new CallCategory(c.id(), "SERVICE_TECH", LocalDate.of(YEAR, 4, 29), LocalDate.of(YEAR, 6, 5), null, null));
            catalogue.saveCallCategory(new CallCategory(c.id(), "FIRST_CLASS", LocalDate.of(YEAR, 4, 29), LocalDate.of(YEAR, 11, 10), null, null));
            catalogue.saveQuota(new CallQuota(c.id(), "SERVICE_TECH", 0, 1));
            return catalogue.call(c.id()).orElseThrow();
        }));
        // each test its own intake's applications: the earlier test's ones leave the ranking first
        jdbc.sql("update application set status = 'ESTABLISHED' where call_id = ?").param(call.id()).update();
        jdbc.sql("delete from evaluation_selection where call_id = ?").param(call.id()).update();
        first = reviewed("XZ-MECH", "91.50");
        second = reviewed("XZ-PSCI", "88.00");
        third = reviewed("XZ-ELEC", "75.25");
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void beforeTheEvaluationTheQuotaIsPreAppliedAndAfterwardsTheOfficesChangesAndReasonsAreExported() {
        ExcelFiles.ReadSheet before = as("office", () -> ExcelFiles.sheet(view().export.content()));
        assertThat(before.title()).isEqualTo("综合评定排名");
        assertThat(before.subtitle()).contains("徐州市科协学会服务能力提升计划 " + YEAR, "截止日期 " + INTAKE + " 的批次", "尚未完成综合评定");
        assertThat(before.headers()).containsExactly("配额", "排名", "项目编号", "申报单位", "项目名称", "申报类别", "评审得分",
                "按配额预选", "入选", "调整", "调整理由", "公示后撤销");
        assertThat(before.texts("项目编号")).containsExactly(forms.number(first), forms.number(second), forms.number(third));
        assertThat(before.texts("配额")).containsOnly("科技服务项目");
        assertThat(before.texts("按配额预选")).containsExactly("是", "否", "否");
        assertThat(before.texts("入选")).containsExactly("是", "否", "否");
        Row top = before.rows().get(0);
        assertThat(before.type(top, "排名")).isEqualTo(CellType.NUMERIC);
        assertThat(before.cell(top, "评审得分").getNumericCellValue()).isEqualTo(91.5);

        // the office selects the second instead of the first, with its reasons
        decide(first, 1, true, false, "申报材料与实际不符");
        decide(second, 2, false, true, "服务点覆盖面更广");
        decide(third, 3, false, false, null);
        ExcelFiles.ReadSheet after = as("office-xz", () -> ExcelFiles.sheet(view().export.content()));
        assertThat(after.subtitle()).contains("完成综合评定");
        assertThat(after.texts("入选")).containsExactly("否", "是", "否");
        assertThat(after.texts("调整")).containsExactly("是", "是", "否");
        assertThat(after.texts("调整理由")).containsExactly("申报材料与实际不符", "服务点覆盖面更广", "");
        assertThat(as("leader", () -> ExcelFiles.sheet(view().export.content())).texts("入选")).containsExactly("否", "是", "否");
    }

    @Test
    void onlyTheOfficeManagersAndTheLeadingGroupOfTheCallsCityReadItsRanking() {
        assertThat(as("manager", () -> evaluation.rankingOf(call.id(), INTAKE)).candidates()).hasSize(3);
        for (String user : List.of("expert1", "xz-mech", "party", "finance", "county")) {
            assertThatThrownBy(() -> as(user, () -> evaluation.rankingOf(call.id(), INTAKE))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        Call lianyungang = catalogue.calls("LIANYUNGANG").get(0);
        String key = as("office", () -> evaluation.intakes(lianyungang.id())).get(0).key();
        assertThatThrownBy(() -> as("office-xz", () -> evaluation.rankingOf(lianyungang.id(), key)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("office-xz", () -> evaluation.intakes(lianyungang.id())))
                .isInstanceOf(AccessDeniedException.class);
        // nor does its page offer another city's programme
        assertThat(as("office-xz", () -> view().programme.getListDataView().getItems().map(p -> p.code()).toList()))
                .containsExactly("XUZHOU");
    }

    @Test
    void theEvaluationFormsDraftExportsWhatTheOfficeHasTickedAndTyped() {
        // the call's process at its comprehensive evaluation of the intake, as its diagram reaches it
        String instance = call.processInstanceId();
        runtimeService.createProcessInstanceModification(instance)
                .startBeforeActivity(XuzhouCall.TASK_COMPREHENSIVE_EVALUATION)
                .setVariable(XuzhouCall.INTAKE, Map.of(XuzhouCall.INTAKE_KEY, INTAKE, XuzhouCall.INTAKE_CATEGORIES,
                        List.of("SERVICE_TECH")))
                .execute();
        String taskId = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(XuzhouCall.TASK_COMPREHENSIVE_EVALUATION).singleResult().getId();
        ExcelFiles.ReadSheet draft = as("office", () -> {
            WorkItem task = tasks.get(taskId);
            EvaluationForm.Ranking ranking = (EvaluationForm.Ranking) form.create(task, () -> { });
            ranking.picks.get(first).setValue(false);
            ranking.reasons.get(first).setValue("申报材料与实际不符");
            ranking.picks.get(third).setValue(true);
            ranking.reasons.get(third).setValue("  服务对象为重点企业  ");
            return ExcelFiles.sheet(ranking.export.content());
        });
        assertThat(draft.title()).isEqualTo("综合评定（办理中，以提交结果为准）");
        assertThat(draft.texts("项目编号")).containsExactly(forms.number(first), forms.number(second), forms.number(third));
        assertThat(draft.texts("入选")).containsExactly("否", "否", "是");
        assertThat(draft.texts("调整理由")).containsExactly("申报材料与实际不符", "", "服务对象为重点企业");
        // nothing of the draft is saved
        assertThat(jdbc.sql("select count(*) from evaluation_selection where call_id = ?").param(call.id())
                .query(Integer.class).single()).isZero();
        runtimeService.deleteProcessInstance(instance, "export test done");
    }

    private RankingView view() {
        RankingView view = new RankingView(evaluation, catalogue);
        view.programme.setValue(catalogue.requireProgramme("XUZHOU"));
        view.call.setValue(view.call.getListDataView().getItems().filter(c -> c.year() == YEAR).findFirst().orElseThrow());
        view.intake.setValue(view.intake.getListDataView().getItems().filter(i -> i.key().equals(INTAKE)).findFirst().orElseThrow());
        return view;
    }

    /** A Xuzhou service project of the call whose review is done, with its panel score. */
    private long reviewed(String organisation, String panelScore) {
        long id = forms.application("XUZHOU", organisation, "SERVICE_TECH", "AWAITING_RESULT");
        jdbc.sql("update application set call_id = ?, panel_score = ? where id = ?")
                .params(call.id(), new BigDecimal(panelScore), id).update();
        return id;
    }

    /** The office's evaluation as the service stores it. */
    private void decide(long application, int rank, boolean preSelected, boolean selected, String reason) {
        jdbc.sql("""
                insert into evaluation_selection (application_id, call_id, intake_key, quota_code, rank_no, pre_selected,
                    selected, reason, withdrawn, decided_by, decided_at, recommended)
                values (?, ?, ?, 'SERVICE_TECH', ?, ?, ?, ?, false, 'office', ?, false)""")
                .params(application, call.id(), INTAKE, rank, preSelected, selected, reason, Timestamp.from(Instant.now()))
                .update();
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
