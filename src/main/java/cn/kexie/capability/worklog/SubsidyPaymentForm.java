package cn.kexie.capability.worklog;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ChengduEvaluation;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * 拨付补助资金 (form key {@code platform:subsidy-payment}): finance sees the subsidy set (the approved
 * amount) and the account in the register, and records the amount paid (proposed: what is still to
 * pay, at most that), the date and the voucher number.
 */
@org.springframework.stereotype.Component
class SubsidyPaymentForm implements TaskForm {

    private final WorkEvaluationService evaluations;
    private final OrganisationService organisations;

    SubsidyPaymentForm(WorkEvaluationService evaluations, OrganisationService organisations) {
        this.evaluations = evaluations;
        this.organisations = organisations;
    }

    @Override
    public String formKey() {
        return ChengduEvaluation.Forms.SUBSIDY_PAYMENT;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Payment(task, done);
    }

    class Payment extends VerticalLayout {

        final BigDecimalField amount = new BigDecimalField();
        final DatePicker paidOn = new DatePicker();
        final TextField voucher = new TextField();
        final Paragraph account = new Paragraph();
        final Button submit = new Button();

        Payment(WorkItem task, Runnable done) {
            setPadding(false);
            WorkEvaluation e = evaluations.evaluationOfTask(task.id());
            Money money = evaluations.money(e);
            add(new Paragraph(getTranslation("worklog.pay.intro", e.organisationName(), String.valueOf(e.year()),
                    WorkRecordGrid.tierLabel(this, e.tier()), Yuan.format(money.approved()), Yuan.format(money.paid()))));
            Organisation org = organisations.load(e.organisationId());
            account.setText(org.bankAccount()
                    .map(a -> getTranslation("form.disbursement.account", a.bankName(), a.accountName(), a.accountNo()))
                    .orElse(getTranslation("form.disbursement.noAccount", org.getName())));
            account.setId("subsidy-account");
            amount.setLabel(getTranslation("worklog.pay.amount"));
            if (money.unpaid().signum() > 0) {
                amount.setValue(money.unpaid());
            }
            paidOn.setLabel(getTranslation("worklog.pay.date"));
            paidOn.setValue(PlatformClock.today());
            paidOn.setMax(PlatformClock.today());
            cn.kexie.capability.common.DateFields.localised(this, paidOn);
            voucher.setLabel(getTranslation("worklog.pay.voucher"));
            voucher.setMaxLength(60);
            submit.setText(getTranslation("worklog.pay.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> {
                if (Notifications.run(() -> evaluations.pay(task.id(), amount.getValue(), paidOn.getValue(),
                        voucher.getValue()))) {
                    done.run();
                }
            });
            add(account, new FormLayout(amount, paidOn, voucher), submit);
        }
    }
}
