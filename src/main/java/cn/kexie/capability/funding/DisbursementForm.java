package cn.kexie.capability.funding;

import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Optional;

/**
 * 资金拨付 (and an award's 发放奖励经费): finance sees the approved amount, what was paid so far and the
 * account in the register, and records instalments (amount, date, voucher number) while the step is
 * open: "登记本期拨付" records one and leaves the step open for more, "完成拨付" records the one typed
 * (if any) and completes the step. The amount proposed is what is still to pay: for an award, its
 * catalogue amount.
 */
@org.springframework.stereotype.Component
class DisbursementForm implements TaskForm {

    private final FundingService funding;
    private final FundingLedger ledger;
    private final ApplicationService applications;
    private final OrganisationService organisations;
    private final DossierPanel dossiers;

    DisbursementForm(FundingService funding, FundingLedger ledger, ApplicationService applications,
            OrganisationService organisations, DossierPanel dossiers) {
        this.funding = funding;
        this.ledger = ledger;
        this.applications = applications;
        this.organisations = organisations;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.DISBURSEMENT;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final long applicationId;
        final Paragraph sums = new Paragraph();
        final Paragraph account = new Paragraph();
        final Div entries = new Div();
        final PaymentFields payment;
        final Button record = new Button();

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.disbursement.title", false);
            Application app = applications.get(task.applicationId());
            applicationId = app.id();
            sums.setId("disbursement-sums");
            sums.getStyle().set("font-weight", "bold");
            account.setId("disbursement-account");
            entries.setWidthFull();
            payment = new PaymentFields(this);
            Organisation org = organisations.load(app.organisationId());
            Optional<Organisation.BankAccount> bank = org.bankAccount();
            account.setText(bank.map(a -> getTranslation("form.disbursement.account", a.bankName(), a.accountName(), a.accountNo()))
                    .orElse(getTranslation("form.disbursement.noAccount", org.getName())));
            if (bank.isEmpty()) {
                account.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            refresh(true);

            record.setText(getTranslation("form.disbursement.record"));
            record.setId("record-instalment");
            record.addClickListener(click -> {
                if (attempt(() -> funding.recordDisbursement(task.id(), payment.payment()), "form.problems")) {
                    // ready for the next instalment, without a second click recording this one again
                    payment.amount.clear();
                    payment.voucher.clear();
                    payment.amount.setInvalid(false);
                    payment.voucher.setInvalid(false);
                    refresh(false);
                }
            });
            submitButton().setText(getTranslation("form.disbursement.complete"));

            addWide(sums);
            addWide(account);
            addWide(entries);
            fields().add(payment.amount, payment.paidOn, payment.voucher);
            addWide(new Paragraph(getTranslation("form.disbursement.help")));
            addWide(new com.vaadin.flow.component.html.Div(record));
            onSubmit(() -> funding.disburse(task.id(), payment.amount.isEmpty() ? null : payment.payment()), done);
        }

        /** The sums and entries as they are now; on opening, the amount still to pay is proposed. */
        void refresh(boolean proposeUnpaid) {
            Money money = ledger.money(applicationId);
            sums.setText(getTranslation("form.disbursement.sums", Yuan.format(money.approved()), Yuan.format(money.paid()),
                    Yuan.format(money.unpaid())));
            entries.removeAll();
            List<LedgerEntry> list = ledger.entries(applicationId);
            entries.add(LedgerGrid.of(this, list, ledger.names(list.stream().map(LedgerEntry::recordedBy).toList())));
            if (proposeUnpaid && money.unpaid().signum() > 0) {
                payment.amount.setValue(money.unpaid());
            }
        }
    }
}
