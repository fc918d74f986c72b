package cn.kexie.capability.funding;

import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.common.PlatformClock;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Amount, date and voucher number of a payment, as finance enters them; and the payments so far. */
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

    /** The payments of the application: kind, amount, date, voucher. */
    static Grid<Map<String, Object>> history(Component owner, List<Map<String, Object>> payments) {
        Grid<Map<String, Object>> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> owner.getTranslation("form.payments.kind." + p.get("kind")))
                .setHeader(owner.getTranslation("form.payments.kind")).setAutoWidth(true);
        grid.addColumn(p -> FormFields.plain((BigDecimal) p.get("amount_yuan")))
                .setHeader(owner.getTranslation("form.payment.amount")).setAutoWidth(true);
        grid.addColumn(p -> String.valueOf(p.get("paid_on"))).setHeader(owner.getTranslation("form.payment.date"))
                .setAutoWidth(true);
        grid.addColumn(p -> String.valueOf(p.get("voucher_no"))).setHeader(owner.getTranslation("form.payment.voucher"))
                .setFlexGrow(1);
        grid.setItems(payments);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
