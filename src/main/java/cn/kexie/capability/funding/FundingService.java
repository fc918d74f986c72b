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
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
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
 * application, signed by the applicant and confirmed by the office; the disbursement (资金拨付),
 * only after the agreement; and the recovery (收回) of disbursed funds after a sanction.
 */
@Service
public class FundingService {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    private final ApprovedAmount approvedAmount;
    private final PdfRenderer renderer;

    FundingService(ApplicationService applications, AttachmentService attachments, WorkflowTasks tasks,
            CurrentUser currentUser, JdbcClient jdbc, OrganisationService organisations, ProgrammeCatalogue catalogue,
            ApprovedAmount approvedAmount, PdfRenderer renderer) {
        this.applications = applications;
        this.attachments = attachments;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.approvedAmount = approvedAmount;
        this.renderer = renderer;
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
                approvedAmount.of(app), catalogue.projectEndsOn(app.callId()), midterm)));
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

    public record Payment(BigDecimal amountYuan, LocalDate paidOn, String voucherNo) {
    }

    /** Finance records the disbursement: amount, date, voucher number. */
    @Transactional
    public void disburse(String taskId, Payment payment) {
        WorkItem task = tasks.get(taskId);
        Application app = applications.load(task.applicationId());
        UserError.throwIfAny(validate(payment, null));
        insert(app.id(), "DISBURSEMENT", payment);
        applications.addDisbursed(app.id(), payment.amountYuan());
        BigDecimal total = applications.load(app.id()).disbursedYuan();
        applications.record(app.id(), "disbursement", "PAID", null, data(payment));
        tasks.complete(taskId, Map.of(ProjectProcess.DISBURSED, total.doubleValue()));
    }

    /** Finance records the recovery of disbursed funds after a sanction. */
    @Transactional
    public void recover(String taskId, Payment payment) {
        WorkItem task = tasks.get(taskId);
        Application app = applications.load(task.applicationId());
        BigDecimal outstanding = (app.disbursedYuan() == null ? BigDecimal.ZERO : app.disbursedYuan())
                .subtract(app.recoveredYuan() == null ? BigDecimal.ZERO : app.recoveredYuan());
        UserError.throwIfAny(validate(payment, outstanding));
        insert(app.id(), "RECOVERY", payment);
        applications.addRecovered(app.id(), payment.amountYuan());
        applications.record(app.id(), "fundRecovery", "RECOVERED", null, data(payment));
        tasks.complete(taskId, Map.of());
    }

    /** The payments of an application, for the dossier. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> payments(long applicationId) {
        applications.get(applicationId);
        return jdbc.sql("select kind, amount_yuan, paid_on, voucher_no from payment where application_id = ? order by paid_on, id")
                .param(applicationId).query().listOfRows();
    }

    private List<Problem> validate(Payment p, BigDecimal atMost) {
        List<Problem> problems = new ArrayList<>();
        if (p.amountYuan() == null || p.amountYuan().signum() <= 0 || p.amountYuan().compareTo(MAX_AMOUNT) > 0
                || p.amountYuan().scale() > 2) {
            problems.add(new Problem("funding.error.amount"));
        } else if (atMost != null && p.amountYuan().compareTo(atMost) > 0) {
            problems.add(new Problem("funding.error.moreThanDisbursed", atMost.toPlainString()));
        }
        if (p.paidOn() == null || p.paidOn().isAfter(PlatformClock.today())) {
            problems.add(new Problem("funding.error.date"));
        } else if (p.paidOn().getYear() < 2000) {
            problems.add(new Problem("funding.error.dateTooEarly"));
        }
        if (p.voucherNo() == null || p.voucherNo().isBlank() || p.voucherNo().length() > 60) {
            problems.add(new Problem("funding.error.voucher"));
        }
        return problems;
    }

    private void insert(long applicationId, String kind, Payment p) {
        jdbc.sql("""
                insert into payment (application_id, kind, amount_yuan, paid_on, voucher_no, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, kind, p.amountYuan(), Date.valueOf(p.paidOn()), p.voucherNo().trim(),
                        currentUser.requireId(), Timestamp.from(Instant.now()))
                .update();
    }

    private static Map<String, Object> data(Payment p) {
        return Map.of("amount", p.amountYuan().toPlainString(), "paidOn", p.paidOn().toString(), "voucher", p.voucherNo().trim());
    }

}
