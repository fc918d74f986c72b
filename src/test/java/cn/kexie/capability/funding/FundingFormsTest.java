package cn.kexie.capability.funding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResourceWriter;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The agreement and money forms, driven as the applicant, the office and finance would. */
@PlatformTest
class FundingFormsTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

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
    SignAgreementForm signAgreement;
    @Autowired
    ConfirmAgreementForm confirmAgreement;
    @Autowired
    DisbursementForm disbursement;
    @Autowired
    FundRecoveryForm fundRecovery;
    @Autowired
    FundingService funding;
    @Autowired
    FundingLedger ledger;

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
    void theApplicantDownloadsTheAgreementAndUploadsTheSignedScan() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AGREEMENT");
        // as the diagram's agreementGenerator records it on entering the step
        jdbc.sql("insert into application_event (application_id, occurred_at, step, outcome) values (?, ?, 'agreement', 'GENERATED')")
                .params(app, java.sql.Timestamp.from(java.time.Instant.now())).update();
        WorkItem task = forms.task(Forms.SIGN_AGREEMENT, app, "cz-med", Map.of());
        AsUser.run(identity, "cz-med", () -> {
            SignAgreementForm.Step form = (SignAgreementForm.Step) signAgreement.create(task, done::incrementAndGet);
            assertThat(form.agreement.getName()).isEqualTo("项目责任书-" + forms.number(app) + ".pdf");
            assertThat(form.download.getText()).isEqualTo("下载项目责任书（PDF，可打印）");
            assertThat(form.download.getElement().hasAttribute("download")).isTrue();
            String agreement = cn.kexie.capability.document.PdfText.of(download(form.agreement.getWriter()))
                    .assertEmbeddedChineseFont().compact();
            assertThat(agreement).contains("项目责任书", forms.number(app), "郴州市医学会", "会议费", "20,000.00",
                    "核定金额人民币30,000.00元（大写：叁万元整）");
            assertThat(form.upload.getMaxFileSize()).isEqualTo(20 * 1024 * 1024);
            assertThat(form.upload.getAcceptedFileTypes())
                    .containsExactly(".pdf", ".png", ".jpg", ".jpeg", ".doc", ".docx", ".xls", ".xlsx");

            form.submitButton().click();
            assertThat(form.problemsText()).contains("请上传签字盖章的项目责任书扫描件。");

            form.received("责任书.exe", PDF);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("“责任书.exe”的类型不被接受");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.received("责任书（盖章）.pdf", PDF);
            assertThat(form.chosen.getText()).isEqualTo("已选择“责任书（盖章）.pdf”，提交时一并保存。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(attachments.list(app, Attachment.Kind.SIGNED_AGREEMENT)).extracting(Attachment::fileName)
                .containsExactly("责任书（盖章）.pdf");
    }

    @Test
    void theOfficeSeesTheSignedCopyAndConfirmsWithAMidtermDateAfterToday() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AGREEMENT");
        // signed and uploaded by the applicant in its own step, before the office's
        forms.attach(app, Attachment.Kind.SIGNED_AGREEMENT, "signed.pdf", PDF, "cz-med");
        WorkItem task = forms.task(Forms.CONFIRM_AGREEMENT, app, "office", Map.of());
        AsUser.run(identity, "office", () -> {
            ConfirmAgreementForm.Step form = (ConfirmAgreementForm.Step) confirmAgreement.create(task, done::incrementAndGet);
            assertThat(VaadinTestUi.find(form.signedCopies, Anchor.class, a -> true).orElseThrow().getText())
                    .isEqualTo("signed.pdf");
            assertThat(form.midtermDue.getMin()).isEqualTo(PlatformClock.today().plusDays(1));

            form.submitButton().click();
            assertThat(form.problemsText()).contains("请选择“确认”或“退回”。");

            form.decision.setValue(true);
            form.midtermDue.setValue(PlatformClock.today());
            form.submitButton().click();
            assertThat(form.problemsText()).contains("请确定中期检查日期（须晚于今天）。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.midtermDue.setValue(PlatformClock.today().plusMonths(6));
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select data from application_event where application_id = ? and step = 'confirmAgreement'")
                .param(app).query(String.class).single()).contains(PlatformClock.today().plusMonths(6).toString());
    }

    @Test
    void financeRecordsInstalmentsAgainstTheApprovedAmountToTheRegistersAccount() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_FUNDS");
        forms.approved(app, new BigDecimal("30000"));
        WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        AsUser.run(identity, "finance", () -> {
            DisbursementForm.Step form = (DisbursementForm.Step) disbursement.create(task, done::incrementAndGet);
            assertThat(form.sums.getText()).isEqualTo("核定金额 30,000.00 元，已拨付 0.00 元，尚未拨付 30,000.00 元。");
            assertThat(form.account.getText()).startsWith("收款账户（学会名录）：中国工商银行郴州分行 · 户名 郴州市医学会 · 账号 ");
            assertThat(form.payment.amount.getValue()).as("what is still to pay").isEqualByComparingTo("30000");
            assertThat(form.payment.paidOn.getValue()).isEqualTo(PlatformClock.today());
            assertThat(form.submitButton().getText()).isEqualTo("完成拨付");
            assertThat(form.record.getText()).isEqualTo("登记本期拨付");

            form.payment.amount.setValue(BigDecimal.ZERO);
            form.record.click();
            assertThat(form.problemsText()).contains("金额须大于0，不超过1亿元，最多两位小数。", "请填写凭证号（不超过60字）。");

            form.payment.amount.setValue(new BigDecimal("10000"));
            form.payment.voucher.setValue("郴财拨〔2026〕12号");
            form.record.click();
            assertThat(form.problemsText()).isEmpty();
            assertThat(forms.isOpen(task.id())).as("an instalment leaves the step open").isTrue();
            assertThat(form.sums.getText()).isEqualTo("核定金额 30,000.00 元，已拨付 10,000.00 元，尚未拨付 20,000.00 元。");
            assertThat(form.payment.amount.isEmpty()).as("nothing recorded twice by a second click").isTrue();

            form.payment.amount.setValue(new BigDecimal("25000"));
            form.payment.voucher.setValue("郴财拨〔2026〕13号");
            form.submitButton().click();
            assertThat(form.problemsText()).contains(
                    "本次拨付 25000.00 元后累计拨付 35000.00 元，超过核定金额 30000.00 元（已拨付 10000.00 元，最多还可拨付 20000.00 元）。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.payment.amount.setValue(new BigDecimal("20000"));
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("""
                select voucher_no, amount_yuan, bank_name, bank_account_name from funding_entry
                where application_id = ? and kind = 'DISBURSEMENT' order by id""").param(app)
                .query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getString(3) + " "
                        + rs.getString(4)).list())
                .containsExactly("郴财拨〔2026〕12号 10000.00 中国工商银行郴州分行 郴州市医学会",
                        "郴财拨〔2026〕13号 20000.00 中国工商银行郴州分行 郴州市医学会");
    }

    @Test
    void financeSeesWhatWasPaidAndRecoversNoMoreThanThat() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "SANCTIONING");
        forms.approved(app, new BigDecimal("30000"));
        WorkItem pay = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        AsUser.run(identity, "finance", () -> funding.disburse(pay.id(),
                new FundingService.Payment(new BigDecimal("30000"), PlatformClock.today(), "V-1")));
        WorkItem first = forms.task(Forms.FUND_RECOVERY, app, "finance", Map.of());
        AsUser.run(identity, "finance", () -> funding.recover(first.id(),
                new FundingService.Payment(new BigDecimal("5000"), PlatformClock.today(), "郴财收〔2026〕1号")));
        WorkItem task = forms.task(Forms.FUND_RECOVERY, app, "finance", Map.of());
        AsUser.run(identity, "finance", () -> {
            FundRecoveryForm.Step form = (FundRecoveryForm.Step) fundRecovery.create(task, done::incrementAndGet);
            assertThat(form.sums.getText()).isEqualTo("已拨付 30,000.00 元，已收回 5,000.00 元，尚未收回 25,000.00 元。");
            assertThat(form.payment.amount.getValue()).isEqualByComparingTo("25000");

            form.payment.amount.setValue(new BigDecimal("26000"));
            form.payment.voucher.setValue("郴财收〔2026〕2号");
            form.submitButton().click();
            assertThat(form.problemsText()).contains("收回金额不能超过尚未收回的已拨付金额 25000.00 元。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.payment.amount.setValue(new BigDecimal("25000"));
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(ledger.moneyOf(app).recovered()).isEqualByComparingTo("30000");
    }

    private static byte[] download(StreamResourceWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.accept(out, VaadinSession.getCurrent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
