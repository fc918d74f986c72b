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
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A refused formal review or review conclusion marks the fields at fault, each with its own problem,
 * besides the list under the form (issue 11: "the fields at fault are not marked").
 */
@PlatformTest
class ReviewFieldsAtFaultTest {

    @Autowired ApplicationContext context;
    @Autowired Messages messages;
    @Autowired IdentityService identity;
    @Autowired FormalReviewForm formalReview;
    @Autowired ReviewConclusionForm conclusion;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void aRefusedFormalReviewMarksTheOutcomeThenTheReasonsAndTheCorrectionDays() {
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            FormalReviewForm.Step form = (FormalReviewForm.Step) formalReview.create(task, () -> { });
            form.submitButton().click();
            assertThat(form.outcome.isInvalid()).isTrue();
            assertThat(form.outcome.getErrorMessage()).isEqualTo("请选择审查结论。");

            form.outcome.setValue(ProjectProcess.RETURN);
            form.correctionDays.setValue(999);
            form.submitButton().click();
            assertThat(form.outcome.isInvalid()).as("chosen now").isFalse();
            assertThat(form.reasons.isInvalid()).isTrue();
            assertThat(form.reasons.getErrorMessage()).isEqualTo("请填写理由。");
            assertThat(form.correctionDays.isInvalid()).isTrue();
            assertThat(form.correctionDays.getErrorMessage()).startsWith("补正期限须为1至");
            assertThat(forms.isOpen(task.id())).isTrue();

            // passing with a check unticked: the checks are at fault, not the reasons
            form.outcome.setValue(ProjectProcess.PASS);
            form.checks.clear();
            form.submitButton().click();
            assertThat(form.checks.isInvalid()).isTrue();
            assertThat(form.reasons.isInvalid()).isFalse();
            assertThat(form.correctionDays.isInvalid()).isFalse();
            assertThat(forms.isOpen(task.id())).isTrue();
        });
    }

    @Test
    void aRefusedConclusionMarksItsOutcomeAndItsReason() {
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        WorkItem task = forms.task(Forms.REVIEW_CONCLUSION, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            ReviewConclusionForm.Step form = (ReviewConclusionForm.Step) conclusion.create(task, () -> { });
            form.submitButton().click();
            assertThat(form.outcome.isInvalid()).isTrue();

            form.outcome.setValue(ProjectProcess.REJECT);
            form.submitButton().click();
            assertThat(form.outcome.isInvalid()).isFalse();
            assertThat(form.comment.isInvalid()).isTrue();
            assertThat(form.comment.getErrorMessage()).isEqualTo("请填写理由。");

            // passing with an amount of zero: the amount is at fault
            form.outcome.setValue(ProjectProcess.PASS);
            form.approvedAmount.setValue(BigDecimal.ZERO);
            form.submitButton().click();
            assertThat(form.approvedAmount.isInvalid()).isTrue();
            assertThat(form.comment.isInvalid()).isFalse();
            assertThat(forms.isOpen(task.id())).isTrue();
        });
    }
}
