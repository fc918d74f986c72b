package cn.kexie.capability.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The party group's approval form, driven as the party secretary would. */
@PlatformTest
class ApprovalFormTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Messages messages;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApprovalForm approval;

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
    void notApprovingNeedsAReasonAndTheMinutesApprovingRecordsTheMeeting() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
        AsUser.run(identity, "party", () -> {
            ApprovalForm.Step form = (ApprovalForm.Step) approval.create(task, done::incrementAndGet);
            assertThat(form.amount.getText()).as("the approved amount the office proposes: the request, as it said nothing")
                    .isEqualTo("专项办公室提出的核定金额：30,000.00 元（申请 30,000.00 元）。批准即按此金额核定。");
            assertThat(form.minutes.getLabel()).isEqualTo("会议纪要文号");
            assertThat(form.minutes.getPlaceholder()).as("no city's own document prefix").isEqualTo("例如：〔2026〕3号");
            assertThat(form.leftOutGrid).as("a single application's approval has no list").isNull();
            assertThat(form.meetingDate.getMax()).isEqualTo(PlatformClock.today());

            form.submitButton().click();
            assertThat(form.problemsText()).contains("请选择“同意”或“不同意”。");

            form.decision.setValue(false);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("请填写会议日期。", "请填写会议纪要文号（不超过100字）。",
                    "不同意时请填写理由。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.decision.setValue(true);
            form.meetingDate.setValue(PlatformClock.today().minusDays(2));
            form.minutes.setValue("郴科协党组纪〔2026〕3号");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select outcome from application_event where application_id = ? and step = 'Task_PartyApproval'")
                .param(app).query(String.class).single()).isEqualTo(ProjectProcess.PASS);
        assertThat(jdbc.sql("select data from application_event where application_id = ? and step = 'Task_PartyApproval'")
                .param(app).query(String.class).single()).contains("郴科协党组纪〔2026〕3号");
        assertThat(jdbc.sql("select amount_yuan from funding_entry where application_id = ? and kind = 'APPROVAL'")
                .param(app).query(java.math.BigDecimal.class).single()).as("approving set the approved amount")
                .isEqualByComparingTo("30000");
    }
}
