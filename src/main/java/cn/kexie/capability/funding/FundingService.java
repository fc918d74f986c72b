package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money side of a project: the responsibility agreement (项目责任书) generated from the
 * application, signed by the applicant and confirmed by the office; the disbursement (资金拨付) in
 * instalments against the approved amount, only after the agreement (or an award's decision); and the
 * recovery (收回) of disbursed funds after a sanction. The money itself is kept by {@link FundingLedger}.
 */
@Service
public class FundingService {

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final FundingLedger ledger;

    FundingService(ApplicationService applications, AttachmentService attachments, WorkflowTasks tasks,
            CurrentUser currentUser, FundingLedger ledger) {
        this.applications = applications;
        this.attachments = attachments;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.ledger = ledger;
    }

    /** The agreement as a printable HTML document, generated from the application. */
    @Transactional(readOnly = true)
    public String agreement(long applicationId) {
        Application app = applications.get(applicationId);
        return AgreementDocument.html(app);
    }

    /** The applicant uploads the signed and stamped agreement. */
    @Transactional
    public void signAgreement(String taskId, String fileName, byte[] content) {
        WorkItem task = tasks.get(taskId);
        Application app = applications.requireOwn(task.applicationId());
        if (fileName != null && content != null) {
            attachments.store(app.id(), Attachment.Kind.SIGNED_AGREEMENT, fileName, content, currentUser.requireId());
        }
        if (attachments.list(app.id(), Attachment.Kind.SIGNED_AGREEMENT).isEmpty()) {
            throw new UserError("funding.error.signedCopyMissing");
        }
        applications.record(app.id(), "signAgreement", "SIGNED", null, null);
        tasks.complete(taskId, Map.of());
    }

    /** The office confirms the signed agreement and sets the date of the mid-term check, or returns it. */
    @Transactional
    public void confirmAgreement(String taskId, boolean confirmed, LocalDate midtermDue, String note) {
        WorkItem task = tasks.get(taskId);
        List<Problem> problems = new ArrayList<>();
        if (confirmed && (midtermDue == null || !midtermDue.isAfter(PlatformClock.today()))) {
            problems.add(new Problem("funding.error.midtermDue"));
        } else if (confirmed && midtermDue.isAfter(PlatformClock.today().plusYears(10))) {
            problems.add(new Problem("funding.error.midtermTooFar"));
        }
        if (!confirmed && (note == null || note.isBlank())) {
            problems.add(new Problem("review.error.reasonsRequired"));
        }
        if (note != null && note.length() > 4000) {
            problems.add(new Problem("review.error.reasonsLength"));
        }
        if (confirmed && attachments.list(task.applicationId(), Attachment.Kind.SIGNED_AGREEMENT).isEmpty()) {
            problems.add(new Problem("funding.error.signedCopyMissing"));
        }
        UserError.throwIfAny(problems);
        Map<String, Object> vars = new HashMap<>();
        vars.put(ProjectProcess.OUTCOME, confirmed ? ProjectProcess.PASS : ProjectProcess.RETURN);
        if (confirmed) {
            // the check falls due at the start of that day, Asia/Shanghai
            vars.put(ProjectProcess.MIDTERM_DUE, java.util.Date.from(midtermDue.atStartOfDay(PlatformClock.ZONE).toInstant()));
        }
        applications.record(task.applicationId(), "confirmAgreement", confirmed ? "CONFIRMED" : "RETURNED", note,
                confirmed ? Map.of("midtermDue", midtermDue.toString()) : null);
        tasks.complete(taskId, vars);
    }

    /** An instalment paid or money recovered: amount, date, voucher number (凭证号). */
    public record Payment(BigDecimal amountYuan, LocalDate paidOn, String voucherNo) {
    }

    /**
     * Finance records one instalment (资金拨付) while its step is open; the step stays open for more.
     * The sum paid never exceeds the approved amount, and the money goes to the account in the
     * register (see {@link FundingLedger}).
     */
    @Transactional
    public void recordDisbursement(String taskId, Payment payment) {
        WorkItem task = requireStep(taskId, ProjectProcess.Forms.DISBURSEMENT);
        Application app = applications.load(task.applicationId());
        ledger.disburse(app, payment);
        applications.record(app.id(), "disbursement", "PAID", null, data(payment));
        // the diagram reads what was paid (e.g. whether a sanction recovers funds), even before the step ends
        tasks.setVariable(taskId, ProjectProcess.DISBURSED, ledger.moneyOf(app.id()).paid().doubleValue());
    }

    /**
     * Finance completes the disbursement step, recording a last instalment first if one is given
     * ({@code payment} null: none). Something must have been paid by then.
     */
    @Transactional
    public void disburse(String taskId, Payment payment) {
        WorkItem task = requireStep(taskId, ProjectProcess.Forms.DISBURSEMENT);
        Application app = applications.load(task.applicationId());
        if (payment != null) {
            ledger.disburse(app, payment);
            applications.record(app.id(), "disbursement", "PAID", null, data(payment));
        }
        Money money = ledger.moneyOf(app.id());
        if (money.paid().signum() <= 0) {
            throw new UserError("funding.error.nothingPaid");
        }
        applications.record(app.id(), "disbursementCompleted", null, null,
                Map.of("amount", FundingLedger.yuan(money.paid())));
        tasks.complete(taskId, Map.of(ProjectProcess.DISBURSED, money.paid().doubleValue()));
    }

    /** Finance records the recovery of disbursed funds after a sanction: at most what was paid and not recovered. */
    @Transactional
    public void recover(String taskId, Payment payment) {
        WorkItem task = requireStep(taskId, ProjectProcess.Forms.FUND_RECOVERY);
        Application app = applications.load(task.applicationId());
        ledger.recover(app, payment);
        applications.record(app.id(), "fundRecovery", "RECOVERED", null, data(payment));
        tasks.complete(taskId, Map.of());
    }

    /** The task, if the current user may work on it and it is the step of this form. */
    private WorkItem requireStep(String taskId, String formKey) {
        WorkItem task = tasks.get(taskId);
        if (!formKey.equals(task.formKey()) || task.applicationId() == null) {
            throw new UserError("funding.error.wrongTask");
        }
        return task;
    }

    private static Map<String, Object> data(Payment p) {
        return Map.of("amount", FundingLedger.yuan(p.amountYuan()), "paidOn", p.paidOn().toString(),
                "voucher", p.voucherNo().trim());
    }

}
