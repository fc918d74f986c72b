package cn.kexie.capability.funding;

import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.common.PlatformClock;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

/** Amount, date and voucher number of a payment, as finance enters them. */
final class PaymentFields {

    final BigDecimalField amount;
    final DatePicker paidOn;
    final TextField voucher;

    PaymentFields(Component owner) {
        amount = FormFields.yuan(owner, "form.payment.amount");
        amount.setId("payment-amount");
        paidOn = FormFields.date(owner, "form.payment.date", null, PlatformClock.today());
        paidOn.setValue(PlatformClock.today());
        voucher = FormFields.text(owner, "form.payment.voucher", 60, true);
    }

    FundingService.Payment payment() {
        return new FundingService.Payment(amount.getValue(), paidOn.getValue(), voucher.getValue());
    }
}
