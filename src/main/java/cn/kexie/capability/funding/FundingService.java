package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationEvent;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.ApprovedAmount;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.document.PdfRenderer;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    private final ApprovedAmount approvedAmount;
    private final PdfRenderer renderer;

    private final FundingLedger ledger;

    FundingService(ApplicationService applications, AttachmentService attachments, WorkflowTasks tasks,
            CurrentUser currentUser, JdbcClient jdbc, OrganisationService organisations, ProgrammeCatalogue catalogue,
            ApprovedAmount approvedAmount, PdfRenderer renderer, FundingLedger ledger) {
        this.applications = applications;
        this.attachments = attachments;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.approvedAmount = approvedAmount;
        this.renderer = renderer;
        this.ledger = ledger;
    }

    /**
     * The 项目责任书 as a PDF, for whoever may read the dossier, once the diagram has generated the
     * agreement: both parties, the approved amount, the project period, the targets, the mid-term date
     * (the office's, once it confirmed the signed agreement, or the call's), signature and stamp blocks.
     */
    @Transactional(readOnly = true)
    public byte[] agreement(long applicationId) {
        Application app = applications.get(applicationId);
        List<ApplicationEvent> history = applications.events(app.id());
        if (!hasAgreement(history)) {
            throw new UserError("funding.error.noAgreement");
        }
        Programme programme = catalogue.requireProgramme(app.programmeCode());
        String category = catalogue.category(app.programmeCode(), app.categoryCode()).map(Category::nameZh)
                .orElse(app.categoryCode());
        LocalDate midterm = history.stream()
                .filter(e -> "confirmAgreement".equals(e.step()) && "CONFIRMED".equals(e.outcome())
                        && e.data().get("midtermDue") != null)
                .reduce((first, second) -> second)
                .map(e -> LocalDate.parse(String.valueOf(e.data().get("midtermDue"))))
                .orElseGet(() -> catalogue.call(app.callId()).map(Call::midtermOn).orElse(null));
        return renderer.render(AgreementDocument.xhtml(new AgreementDocument.Terms(app,
                organisations.load(app.organisationId()), programme, catalogue.office(programme.code()), category,
                approvedAmount.of(app), applications.particulars(app.id()), catalogue.projectEndsOn(app.callId()), midterm)));
    }

    /** Whether the application's process generated a 项目责任书 (the diagram's {@code agreementGenerator}). */
    static boolean hasAgreement(List<ApplicationEvent> history) {
        return history.stream().anyMatch(e -> "agreement".equals(e.step()) && "GENERATED".equals(e.outcome()));
    }

    /** The file name of an application's agreement. */
    public static String agreementFileName(Application app) {
        return "项目责任书-" + app.number() + ".pdf";
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
     * ({@code payment} null: none). Something must have been paid by then; an amount the table fixes
     * (an award's, from the catalogue) must have been paid in full.
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
        if (money.unpaid().signum() > 0 && ledger.amountIsFixed(app)) {
            // an award is paid as the catalogue sets it (approved-amount: fixed), not in part
            throw new UserError("funding.error.fixedAmountUnpaid", FundingLedger.yuan(money.approved()),
                    FundingLedger.yuan(money.paid()), FundingLedger.yuan(money.unpaid()));
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
