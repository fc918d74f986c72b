package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;

/**
 * 收回资金: finance sees what was disbursed and recovered so far, and records a recovery (amount,
 * date, voucher); the amount defaults to what is still outstanding.
 */
@org.springframework.stereotype.Component
class FundRecoveryForm implements TaskForm {

    private final FundingService funding;
    private final ApplicationService applications;
    private final DossierPanel dossiers;

    FundRecoveryForm(FundingService funding, ApplicationService applications, DossierPanel dossiers) {
        this.funding = funding;
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.FUND_RECOVERY;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final Paragraph sums = new Paragraph();
        final PaymentFields payment;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.recovery.title", false);
            Application app = applications.get(task.applicationId());
            BigDecimal disbursed = app.disbursedYuan() == null ? BigDecimal.ZERO : app.disbursedYuan();
            BigDecimal recovered = app.recoveredYuan() == null ? BigDecimal.ZERO : app.recoveredYuan();
            BigDecimal outstanding = disbursed.subtract(recovered);
            sums.setText(getTranslation("form.recovery.sums", FormFields.plain(disbursed), FormFields.plain(recovered),
                    FormFields.plain(outstanding)));
            sums.setId("recovery-sums");
            sums.getStyle().set("font-weight", "bold");
            payment = new PaymentFields(this);
            if (outstanding.signum() > 0) {
                payment.amount.setValue(outstanding);
            }
            addWide(sums);
            addWide(PaymentFields.history(this, funding.payments(app.id())));
            fields().add(payment.amount, payment.paidOn, payment.voucher);
            onSubmit(() -> funding.recover(task.id(), payment.payment()), done);
        }
    }
}
