package cn.kexie.capability.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review forms driven as the office and an expert would use them: fields filled, the submit
 * button clicked, and what the services saved (or the problems the form shows) checked.
 */
@PlatformTest
class ReviewFormsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Messages messages;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FormalReviewForm formalReview;
    @Autowired
    AssignPanelForm assignPanel;
    @Autowired
    ExpertScoreForm expertScore;
    @Autowired
    ReviewConclusionForm conclusion;

    FormTasks forms;
    final AtomicInteger done = new AtomicInteger();

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
    void formalReviewRefusesReturnWithoutReasonsAndPassesWithEveryCheck() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            FormalReviewForm.Step form = (FormalReviewForm.Step) formalReview.create(task, done::incrementAndGet);
            assertThat(cn.kexie.capability.TestSteps.FORMAL_CHECKS.stream().map(form.checks.getItemLabelGenerator()::apply))
                    .containsExactly("符合申报条件", "申报书符合填报要求", "内容真实完整", "相关材料齐全", "项目预算合理");

            form.outcome.setValue(ProjectProcess.RETURN);
            assertThat(form.correctionDays.isVisible()).isTrue();
            assertThat(form.correctionDays.getValue()).isEqualTo(5);
            form.submitButton().click();
            assertThat(form.problemsText()).isEqualTo("未提交，请修改以下问题：\n请填写理由。");
            assertThat(forms.isOpen(task.id())).isTrue();
            assertThat(done).hasValue(0);

            form.checks.setValue(Set.of("conditions", "form", "truthful", "materials"));
            form.outcome.setValue(ProjectProcess.PASS);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("通过形式审查须5项检查全部合格。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.checks.setValue(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS));
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(forms.isOpen(task.id())).isFalse();
        assertThat(lastOutcome(app, "formalReview")).isEqualTo(ProjectProcess.PASS);
    }

    @Test
    void formalReviewReturnsWithReasonsAndTheCorrectionPeriod() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            FormalReviewForm.Step form = (FormalReviewForm.Step) formalReview.create(task, done::incrementAndGet);
            form.checks.setValue(Set.of("conditions", "form", "truthful", "materials"));
            form.outcome.setValue(ProjectProcess.RETURN);
            form.reasons.setValue("预算明细不全，请补充会议费测算依据。");
            form.correctionDays.setValue(7);
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select comment from application_event where application_id = ? and step = 'formalReview'")
                .param(app).query(String.class).single()).isEqualTo("预算明细不全，请补充会议费测算依据。");
        assertThat(jdbc.sql("select data from application_event where application_id = ? and step = 'formalReview'")
                .param(app).query(String.class).single()).contains("\"correctionWorkingDays\":7");
    }

    @Test
    void aCorrectionPeriodTypedTooLargeOrNegativeIsRefusedNotTakenAsFive() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            FormalReviewForm.Step form = (FormalReviewForm.Step) formalReview.create(task, done::incrementAndGet);
            form.checks.setValue(Set.of("conditions", "form", "truthful", "materials"));
            form.outcome.setValue(ProjectProcess.RETURN);
            form.reasons.setValue("预算明细不全，请补充会议费测算依据。");

            // what the browser sends for 99999999999 typed into the field: too large for a whole number
            typed(form.correctionDays, "99999999999");
            assertThat(form.correctionDays.getValue()).isNull();
            form.submitButton().click();
            assertThat(form.problemsText()).isEqualTo("未提交，请修改以下问题：\n补正期限须为1至30个工作日。");
            assertThat(forms.isOpen(task.id())).isTrue();

            typed(form.correctionDays, "-3");
            assertThat(form.correctionDays.getValue()).isEqualTo(-3);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("补正期限须为1至30个工作日。");
            assertThat(forms.isOpen(task.id())).isTrue();
        });
        assertThat(done).hasValue(0);
        assertThat(jdbc.sql("select count(*) from application_event where application_id = ? and step = 'formalReview'")
                .param(app).query(Integer.class).single()).isZero();
    }

    /** The value property as the browser synchronises it after typing. */
    private static void typed(com.vaadin.flow.component.textfield.IntegerField field, String text) {
        try {
            field.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementPropertyMap.class)
                    .deferredUpdateFromClient("value", text).run();
        } catch (com.vaadin.flow.internal.nodefeature.PropertyChangeDeniedException denied) {
            throw new AssertionError(denied);
        }
    }

    @Test
    void assignPanelShowsTheExpertOfTheApplicantDisabledAndNeedsThree() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        WorkItem task = forms.task(Forms.ASSIGN_PANEL, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            AssignPanelForm.Step form = (AssignPanelForm.Step) assignPanel.create(task, done::incrementAndGet);
            // the random draw comes first; ticking by hand is the other way
            assertThat(form.method.getValue()).isEqualTo("RANDOM");
            assertThat(form.experts.isVisible()).isFalse();
            form.method.setValue("MANUAL");
            assertThat(form.experts.isVisible()).isTrue();
            assertThat(form.size.isVisible()).isFalse();
            Map<String, ReviewService.Candidate> candidates = form.experts.getGenericDataView().getItems()
                    .collect(Collectors.toMap(ReviewService.Candidate::userId, c -> c));
            assertThat(candidates).containsKeys("expert1", "expert2", "expert3", "expert4", "expert5");
            ReviewService.Candidate expert3 = candidates.get("expert3");
            assertThat(form.experts.getItemEnabledProvider().test(expert3)).isFalse();
            assertThat(form.experts.getItemLabelGenerator().apply(expert3)).isEqualTo("刘主任医师（expert3） · 须回避");
            assertThat(form.experts.getItemEnabledProvider().test(candidates.get("expert1"))).isTrue();
            assertThat(form.experts.getItemLabelGenerator().apply(candidates.get("expert1"))).isEqualTo("李教授（expert1）");

            form.experts.setValue(Set.of(candidates.get("expert1"), candidates.get("expert2")));
            form.submitButton().click();
            assertThat(form.problemsText()).contains("评审专家须为3至15人。");

            // a forged request choosing the conflicted expert is refused by the service too
            form.experts.setValue(Set.of(candidates.get("expert1"), candidates.get("expert2"), expert3));
            form.submitButton().click();
            assertThat(form.problemsText()).contains("expert3 与申报单位存在关联，须回避。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.experts.setValue(Set.of(candidates.get("expert1"), candidates.get("expert2"), candidates.get("expert4")));
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select data from application_event where application_id = ? and step = 'assignPanel'")
                .param(app).query(String.class).single()).contains("expert1", "expert2", "expert4").doesNotContain("expert3");
    }

    @Test
    void expertScoreNeedsTheDeclarationRefusesPointsAboveTheMaximumAndShowsTheTotalLive() {
        long app = forms.application("CZ-AGRI", "SOCIAL_SERVICE", "EXPERT_REVIEW");
        WorkItem task = forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1"));
        AsUser.run(identity, "expert1", () -> {
            ExpertScoreForm.Step form = (ExpertScoreForm.Step) expertScore.create(task, done::incrementAndGet);
            assertThat(form.points).containsOnlyKeys("BASIC_CONDITIONS", "SUSTAINABILITY", "SCIENTIFIC_SOUNDNESS",
                    "DEMONSTRATION", "SPREAD");
            var basic = form.points.get("BASIC_CONDITIONS");
            assertThat(basic.getLabel()).isEqualTo("基础条件（满分 20）");
            assertThat(basic.getMin()).isZero();
            assertThat(basic.getMax()).isEqualTo(20.0);
            assertThat(basic.isEnabled()).isFalse();
            assertThat(form.total.getText()).isEqualTo("总分：0 / 100");

            form.submitButton().click();
            assertThat(form.problemsText()).contains("请先声明与该项目无利益冲突。", "请为“基础条件”打分。", "请填写评审意见");

            form.declaration.setValue(true);
            assertThat(basic.isEnabled()).isTrue();
            basic.setValue(25.0);
            assertThat(form.total.getText()).isEqualTo("总分：25 / 100");
            form.points.get("SUSTAINABILITY").setValue(18.0);
            form.points.get("SCIENTIFIC_SOUNDNESS").setValue(17.0);
            form.points.get("DEMONSTRATION").setValue(16.5);
            form.points.get("SPREAD").setValue(15.0);
            assertThat(form.total.getText()).isEqualTo("总分：91.5 / 100");
            form.comment.setValue("基础扎实，示范带动作用明显。");
            form.submitButton().click();
            assertThat(form.problemsText()).startsWith("未提交，请修改以下问题：\n“基础条件”的得分须在 0 至 20")
                    .doesNotContain("SUSTAINABILITY", "持续发展能力");
            assertThat(forms.isOpen(task.id())).isTrue();
            assertThat(sheets(app)).isZero();

            basic.setValue(20.0);
            assertThat(form.total.getText()).isEqualTo("总分：86.5 / 100");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select total_points from review_sheet where application_id = ? and expert_id = 'expert1'")
                .param(app).query(BigDecimal.class).single()).isEqualByComparingTo("86.5");
    }

    @Test
    void reviewConclusionShowsEverySheetAndThePanelScoreAndNeedsAReasonForNotQualified() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        sheet(app, "expert1", 18, 18, 18, 18, 18);
        sheet(app, "expert2", 16, 16, 16, 16, 16);
        sheet(app, "expert4", 14, 14, 14, 14, 14);
        WorkItem task = forms.task(Forms.REVIEW_CONCLUSION, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            ReviewConclusionForm.Step form = (ReviewConclusionForm.Step) conclusion.create(task, done::incrementAndGet);
            List<ReviewService.SubmittedSheet> shown = form.sheets.getGenericDataView().getItems().toList();
            assertThat(shown).extracting(ReviewService.SubmittedSheet::expertName).containsExactly("李教授", "张研究员", "陈高工");
            assertThat(form.sheets.getColumns()).hasSize(8);
            assertThat(form.sheets.getColumns().get(1).getHeaderText()).isEqualTo("基础条件（20）");
            assertThat(form.panelScore.getText()).startsWith("专家组评分：80（3 位专家");

            form.outcome.setValue(ProjectProcess.REJECT);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("请填写理由。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.comment.setValue("示范性不足，与已资助项目重复。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(lastOutcome(app, "reviewConclusion")).isEqualTo(ProjectProcess.REJECT);
    }

    @Test
    void reviewConclusionProposesTheRequestAsTheApprovedAmountAndWantsAReasonForMore() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        WorkItem task = forms.task(Forms.REVIEW_CONCLUSION, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            ReviewConclusionForm.Step form = (ReviewConclusionForm.Step) conclusion.create(task, done::incrementAndGet);
            assertThat(form.approvedAmount.getLabel()).isEqualTo("核定金额");
            assertThat(form.approvedAmount.getValue()).as("the request").isEqualByComparingTo("30000");
            assertThat(form.approvedAmount.getHelperText()).isEqualTo("申请金额 30,000.00 元；默认核定为申请金额，高于申请金额须说明理由。");

            form.outcome.setValue(ProjectProcess.PASS);
            form.approvedAmount.setValue(new BigDecimal("36000"));
            form.submitButton().click();
            assertThat(form.problemsText()).contains(forms.number(app) + "：核定金额 36000.00 元高于申请金额 30000.00 元，请说明理由。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.outcome.setValue(ProjectProcess.REJECT);
            assertThat(form.approvedAmount.isVisible()).as("no amount for a project not qualified").isFalse();
            form.outcome.setValue(ProjectProcess.PASS);
            form.amountReason.setValue("增加一场省级分论坛");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select proposed_yuan from funding_proposal where application_id = ?").param(app)
                .query(BigDecimal.class).single()).isEqualByComparingTo("36000");
    }

    private String lastOutcome(long app, String step) {
        return jdbc.sql("select outcome from application_event where application_id = ? and step = ? order by id desc")
                .params(app, step).query(String.class).list().get(0);
    }

    private int sheets(long app) {
        return jdbc.sql("select count(*) from review_sheet where application_id = ?").param(app).query(Integer.class).single();
    }

    private void sheet(long app, String expert, int... points) {
        List<String> codes = List.of("BASIC_CONDITIONS", "SUSTAINABILITY", "SCIENTIFIC_SOUNDNESS", "DEMONSTRATION", "SPREAD");
        int total = java.util.Arrays.stream(points).sum();
        jdbc.sql("""
                insert into review_sheet (application_id, expert_id, no_conflict, comment, total_points, submitted_at)
                values (?, ?, true, ?, ?, ?)""")
                .params(app, expert, expert + " 的意见", total, Timestamp.from(Instant.now())).update();
        for (int i = 0; i < codes.size(); i++) {
            jdbc.sql("insert into review_score (application_id, expert_id, criterion, label, max_points, points) values (?, ?, ?, ?, 20, ?)")
                    .params(app, expert, codes.get(i), codes.get(i), points[i]).update();
        }
    }
}
