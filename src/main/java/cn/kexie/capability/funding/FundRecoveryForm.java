package cn.kexie.capability.funding;

import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * 收回资金: finance sees what was paid and recovered so far (the ledger), and records a recovery
 * (amount, date, voucher); the amount proposed is what was paid and not yet recovered.
 */
@org.springframework.stereotype.Component
class FundRecoveryForm implements TaskForm {

    private final FundingService funding;
    private final FundingLedger ledger;
    private final ApplicationService applications;
    private final DossierPanel dossiers;

    FundRecoveryForm(FundingService funding, FundingLedger ledger, ApplicationService applications, DossierPanel dossiers) {
        this.funding = funding;
        this.ledger = ledger;
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
            Money money = ledger.money(app.id());
            sums.setText(getTranslation("form.recovery.sums", Yuan.format(money.paid()), Yuan.format(money.recovered()),
                    Yuan.format(money.netPaid())));
            sums.setId("recovery-sums");
            sums.getStyle().set("font-weight", "bold");
            payment = new PaymentFields(this);
            if (money.netPaid().signum() > 0) {
                payment.amount.setValue(money.netPaid());
            }
            addWide(sums);
            List<LedgerEntry> entries = ledger.entries(app.id());
            addWide(LedgerGrid.of(this, entries, ledger.names(entries.stream().map(LedgerEntry::recordedBy).toList())));
            fields().add(payment.amount, payment.paidOn, payment.voucher);
            onSubmit(() -> funding.recover(task.id(), payment.payment()), done);
        }
    }
}
