package cn.kexie.capability.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lianyungang (连科协〔2017〕15号): "经“提升能力活动”领导小组和市科协主席会研究审定" — two bodies decide, and
 * the record holds each one's meeting and minutes. A programme whose catalogue names no bodies
 * (Chenzhou's 党组研究同意) keeps one meeting.
 */
@PlatformTest
class ApprovingBodiesTest {

    @Autowired ApplicationContext context;
    @Autowired Messages messages;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired ApprovalService approvals;
    @Autowired ApprovalForm approvalForm;
    @Autowired FundingLedger ledger;

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
    void lianyungangsApprovalNeedsTheLeadingGroupsAndTheChairpersonsMeetings() {
        long app = forms.application("LIANYUNGANG", "LYG-PHAR", "SERVICE_STATION", "AWAITING_RESULT");
        WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
        LocalDate day = PlatformClock.today().minusDays(1);
        assertThat(AsUser.call(identity, "party", () -> approvals.bodies(task.id())))
                .containsExactly("LEADING_GROUP", "CHAIRPERSONS_MEETING");

        assertThatThrownBy(() -> AsUser.run(identity, "party", () -> approvals.decide(task.id(),
                new ApprovalService.Approval(true, day, "连提升能力领导小组纪要〔2026〕1号", null))))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.problems()).extracting(UserError.Problem::key)
                            .containsExactly("approval.error.meetingDateOf", "approval.error.minutesOf");
                    assertThat(e.problems().get(0).args()).containsExactly("approval.body.CHAIRPERSONS_MEETING");
                    assertThat(Messages.describe(java.util.Locale.SIMPLIFIED_CHINESE, e))
                            .contains("请填写市科协主席会的会议日期。");
                });
        assertThat(forms.isOpen(task.id())).as("nothing half-saved").isTrue();
        assertThat(ledger.moneyOf(app).approved()).isZero();

        AsUser.run(identity, "party", () -> approvals.decide(task.id(), new ApprovalService.Approval(true, day,
                "连提升能力领导小组纪要〔2026〕1号", null,
                List.of(new ApprovalService.Meeting("CHAIRPERSONS_MEETING", day, "连科协主席会纪要〔2026〕2号")))));

        assertThat(forms.isOpen(task.id())).isFalse();
        String data = jdbc.sql("select data from application_event where application_id = ? and step = 'Task_PartyApproval'")
                .param(app).query(String.class).single();
        assertThat(data).contains("LEADING_GROUP", "连提升能力领导小组纪要〔2026〕1号", "CHAIRPERSONS_MEETING",
                "连科协主席会纪要〔2026〕2号");
        assertThat(ledger.moneyOf(app).approved()).as("the award's catalogue amount").isPositive();
    }

    @Test
    void theFormAsksForEachBodysMeeting() {
        long app = forms.application("LIANYUNGANG", "LYG-PHAR", "CHIEF_EXPERT", "AWAITING_RESULT");
        WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
        AsUser.run(identity, "party", () -> {
            ApprovalForm.Step form = (ApprovalForm.Step) approvalForm.create(task, () -> { });
            assertThat(form.meetingDate.getLabel()).isEqualTo("领导小组会议日期");
            assertThat(form.minutes.getLabel()).isEqualTo("领导小组会议纪要文号");
            assertThat(form.otherDates.get("CHAIRPERSONS_MEETING").getLabel()).isEqualTo("市科协主席会会议日期");
            assertThat(form.otherMinutes.get("CHAIRPERSONS_MEETING").getLabel()).isEqualTo("市科协主席会会议纪要文号");

            form.decision.setValue(true);
            form.meetingDate.setValue(PlatformClock.today());
            form.minutes.setValue("连提升能力领导小组纪要〔2026〕3号");
            form.submitButton().click();
            assertThat(form.problemsText()).contains("请填写市科协主席会的会议日期。",
                    "请填写市科协主席会的会议纪要文号（不超过100字）。");
            form.otherDates.get("CHAIRPERSONS_MEETING").setValue(PlatformClock.today());
            form.otherMinutes.get("CHAIRPERSONS_MEETING").setValue("连科协主席会纪要〔2026〕4号");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(forms.isOpen(task.id())).isFalse();
    }

    @Test
    void aProgrammeWithoutNamedBodiesKeepsOneMeeting() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
        assertThat(AsUser.call(identity, "party", () -> approvals.bodies(task.id()))).isEmpty();

        AsUser.run(identity, "party", () -> approvals.decide(task.id(), new ApprovalService.Approval(true,
                PlatformClock.today(), "郴科协党组纪〔2026〕8号", null)));

        assertThat(forms.isOpen(task.id())).isFalse();
        assertThat(jdbc.sql("select data from application_event where application_id = ? and step = 'Task_PartyApproval'")
                .param(app).query(String.class).single()).doesNotContain("bodies");
    }
}
