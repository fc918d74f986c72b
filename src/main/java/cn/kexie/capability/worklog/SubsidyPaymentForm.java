package cn.kexie.capability.worklog;

import cn.kexie.capability.common.PlatformClock;
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
 * 拨付补助资金 (form key {@code platform:subsidy-payment}): finance records the amount paid (at most
 * the subsidy granted), the date and the voucher number.
 */
@org.springframework.stereotype.Component
class SubsidyPaymentForm implements TaskForm {

    private final WorkEvaluationService evaluations;

    SubsidyPaymentForm(WorkEvaluationService evaluations) {
        this.evaluations = evaluations;
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
        final Button submit = new Button();

        Payment(WorkItem task, Runnable done) {
            setPadding(false);
            WorkEvaluation e = evaluations.evaluationOfTask(task.id());
            add(new Paragraph(getTranslation("worklog.pay.intro", e.organisationName(), String.valueOf(e.year()),
                    WorkRecordGrid.tierLabel(this, e.tier()), e.subsidyYuan() == null ? "—" : e.subsidyYuan().toPlainString())));
            amount.setLabel(getTranslation("worklog.pay.amount"));
            amount.setValue(e.subsidyYuan());
            paidOn.setLabel(getTranslation("worklog.pay.date"));
            paidOn.setValue(PlatformClock.today());
            paidOn.setMax(PlatformClock.today());
            voucher.setLabel(getTranslation("worklog.pay.voucher"));
            voucher.setMaxLength(WorkEvaluationService.MAX_VOUCHER);
            submit.setText(getTranslation("worklog.pay.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> {
                if (Notifications.run(() -> evaluations.pay(task.id(), amount.getValue(), paidOn.getValue(),
                        voucher.getValue()))) {
                    done.run();
                }
            });
            add(new FormLayout(amount, paidOn, voucher), submit);
        }
    }
}
