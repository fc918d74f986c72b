package cn.kexie.capability.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A refused approval marks the fields at fault (through the shared {@code StepForm}), each with its problem. */
@PlatformTest
class ApprovalFieldsAtFaultTest {

    @Autowired ApplicationContext context;
    @Autowired Messages messages;
    @Autowired IdentityService identity;
    @Autowired ApprovalForm approval;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void eachRefusedFieldIsMarkedWithItsOwnProblemAndUnmarkedOncePutRight() {
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
        AsUser.run(identity, "party", () -> {
            ApprovalForm.Step form = (ApprovalForm.Step) approval.create(task, () -> { });
            form.submitButton().click();
            assertThat(form.decision.isInvalid()).isTrue();
            assertThat(form.decision.getErrorMessage()).isEqualTo("请选择“同意”或“不同意”。");

            form.decision.setValue(false);
            form.submitButton().click();
            assertThat(form.decision.isInvalid()).as("chosen now").isFalse();
            assertThat(form.meetingDate.isInvalid()).isTrue();
            assertThat(form.meetingDate.getErrorMessage()).isEqualTo("请填写会议日期。");
            assertThat(form.minutes.isInvalid()).isTrue();
            assertThat(form.minutes.getErrorMessage()).isEqualTo("请填写会议纪要文号（不超过100字）。");
            assertThat(form.comment.isInvalid()).isTrue();
            assertThat(form.comment.getErrorMessage()).isEqualTo("不同意时请填写理由。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.meetingDate.setValue(PlatformClock.today().minusDays(1));
            form.minutes.setValue("郴科协党组纪〔2026〕9号");
            form.submitButton().click();
            assertThat(form.meetingDate.isInvalid()).isFalse();
            assertThat(form.minutes.isInvalid()).isFalse();
            assertThat(form.comment.isInvalid()).as("still no reason").isTrue();

            form.comment.setValue("材料不全，暂缓。");
            form.submitButton().click();
            assertThat(form.comment.isInvalid()).isFalse();
            assertThat(form.problemsText()).isEmpty();
            assertThat(forms.isOpen(task.id())).isFalse();
        });
    }
}
