package cn.kexie.capability.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.html.Span;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The implementation forms, driven as the applicant and the office would. */
@PlatformTest
class ImplementationFormsTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] XLSX = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00};

    @Autowired
    ApplicationContext context;
    @Autowired
    Messages messages;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AttachmentService attachments;
    @Autowired
    ProgressReportForm progressReport;
    @Autowired
    RectificationForm rectification;
    @Autowired
    FinalReportForm finalReport;
    @Autowired
    MidtermCheckForm midtermCheck;
    @Autowired
    AcceptanceForm acceptance;

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
    void aProgressReportNeedsTenCharactersAndKeepsItsFile() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "IN_PROGRESS");
        WorkItem task = forms.task(Forms.PROGRESS_REPORT, app, "cz-med", Map.of());
        AsUser.run(identity, "cz-med", () -> {
            ReportForm.Step form = (ReportForm.Step) progressReport.create(task, done::incrementAndGet);
            assertThat(form.text.getMinLength()).isEqualTo(10);
            assertThat(form.text.getMaxLength()).isEqualTo(4000);
            form.text.setValue("进展顺利。");
            form.received("进展材料.pdf", PDF);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("报告内容须为10至");
            assertThat(forms.isOpen(task.id())).isTrue();
            assertThat(attachments.list(app, Attachment.Kind.PROGRESS)).isEmpty();

            form.text.setValue("第一次学术年会已于五月举办，参会代表一百二十人，形成论文集一册。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(attachments.list(app, Attachment.Kind.PROGRESS)).extracting(Attachment::fileName)
                .containsExactly("进展材料.pdf");
        assertThat(jdbc.sql("select comment from application_event where application_id = ? and step = 'progressReport'")
                .param(app).query(String.class).single()).startsWith("第一次学术年会");
    }

    @Test
    void aRectificationReportShowsTheDeadlineAndGoesWithoutAFile() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "RECTIFYING");
        LocalDate lastDay = PlatformClock.today().plusDays(20);
        Date deadline = Date.from(lastDay.plusDays(1).atStartOfDay(PlatformClock.ZONE).toInstant());
        WorkItem task = forms.task(Forms.RECTIFICATION, app, "cz-med", Map.of(ProjectProcess.RECTIFICATION_DEADLINE, deadline));
        AsUser.run(identity, "cz-med", () -> {
            ReportForm.Step form = (ReportForm.Step) rectification.create(task, done::incrementAndGet);
            assertThat(VaadinTestUi.find(form, com.vaadin.flow.component.html.Paragraph.class,
                    p -> p.getId().filter("rectification-deadline"::equals).isPresent()).orElseThrow().getText())
                    .isEqualTo("整改期限：" + lastDay + "（含当日）");
            form.text.setValue("已按中期检查意见补齐活动记录，并调整了经费使用结构。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(attachments.list(app, Attachment.Kind.RECTIFICATION)).isEmpty();
    }

    @Test
    void theFinalReportStoresEachUploadAtOnceAndNeedsBoth() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FINAL_REPORT");
        WorkItem task = forms.task(Forms.FINAL_REPORT, app, "cz-med", Map.of());
        AsUser.run(identity, "cz-med", () -> {
            FinalReportForm.Step form = (FinalReportForm.Step) finalReport.create(task, done::incrementAndGet);
            assertThat(form.uploads.get(Attachment.Kind.SUMMARY).getMaxFileSize()).isEqualTo(AttachmentService.MAX_BYTES);

            form.submitButton().click();
            assertThat(form.problemsText()).contains("请上传总结报告。", "请上传经费决算。");

            form.received(Attachment.Kind.SUMMARY, "总结报告.exe", PDF);
            assertThat(form.problemsText()).startsWith("文件未保存：\n“总结报告.exe”的类型不被接受");
            assertThat(attachments.list(app, Attachment.Kind.SUMMARY)).isEmpty();

            form.received(Attachment.Kind.SUMMARY, "总结报告.pdf", PDF);
            assertThat(form.problemsText()).isEmpty();
            assertThat(attachments.list(app, Attachment.Kind.SUMMARY)).extracting(Attachment::fileName)
                    .containsExactly("总结报告.pdf");
            assertThat(VaadinTestUi.find(form.lists.get(Attachment.Kind.SUMMARY), Span.class,
                    s -> s.getText().startsWith("总结报告.pdf")).isPresent()).isTrue();

            form.submitButton().click();
            assertThat(form.problemsText()).contains("请上传经费决算。").doesNotContain("请上传总结报告。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.received(Attachment.Kind.ACCOUNTS, "经费决算.xlsx", XLSX);
            form.text.setValue("项目按计划完成。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(attachments.list(app, Attachment.Kind.ACCOUNTS)).extracting(Attachment::fileName)
                .containsExactly("经费决算.xlsx");
    }

    @Test
    void aMidtermCheckAskingForRectificationNeedsADeadlineAndANote() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "MIDTERM_CHECK");
        WorkItem task = forms.task(Forms.MIDTERM_CHECK, app, "office", Map.of());
        LocalDate rectifyBy = PlatformClock.today().plusDays(30);
        AsUser.run(identity, "office", () -> {
            MidtermCheckForm.Step form = (MidtermCheckForm.Step) midtermCheck.create(task, done::incrementAndGet);
            assertThat(form.rectifyBy.isVisible()).isFalse();
            form.outcome.setValue(ProjectProcess.RECTIFY);
            assertThat(form.rectifyBy.isVisible()).isTrue();
            form.submitButton().click();
            assertThat(form.problemsText()).contains("请填写理由。", "请填写整改期限（须晚于今天）。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.rectifyBy.setValue(rectifyBy);
            form.note.setValue("活动记录不完整，请补充签到表。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select data from application_event where application_id = ? and step = 'midtermCheck'")
                .param(app).query(String.class).single()).contains(rectifyBy.toString());
    }

    @Test
    void acceptanceFindingFraudNeedsANote() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "ACCEPTANCE");
        WorkItem task = forms.task(Forms.ACCEPTANCE, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            AcceptanceForm.Step form = (AcceptanceForm.Step) acceptance.create(task, done::incrementAndGet);
            assertThat(form.outcome.getItemLabelGenerator().apply(ProjectProcess.FAILED)).isEqualTo("验收不合格");
            form.outcome.setValue(ProjectProcess.FRAUD);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("请填写理由。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.note.setValue("经费决算中的会议费票据系伪造。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select outcome from application_event where application_id = ? and step = 'finalAcceptance'")
                .param(app).query(String.class).single()).isEqualTo(ProjectProcess.FRAUD);
    }
}
