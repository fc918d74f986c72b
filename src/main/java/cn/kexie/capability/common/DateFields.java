package cn.kexie.capability.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Date fields as every screen of the platform shows and reads them. */
public final class DateFields {

    private DateFields() {
    }

    /**
     * The picker shows dates as 2026-05-08 and also reads them as people type them (2026/5/8,
     * 2026.05.08, 20260508), with month and day names in the UI's language and an error message for
     * what it cannot read or what lies outside its range. Call it after setting min and max.
     */
    public static DatePicker localised(Component owner, DatePicker picker) {
        LocalDate min = picker.getMin();
        LocalDate max = picker.getMax();
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormats("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy-M-d", "yyyyMMdd")
                .setFirstDayOfWeek(1)
                .setMonthNames(list(owner, "form.date.months"))
                .setWeekdays(list(owner, "form.date.weekdays"))
                .setWeekdaysShort(list(owner, "form.date.weekdaysShort"))
                .setToday(owner.getTranslation("form.date.today"))
                .setCancel(owner.getTranslation("form.date.cancel"))
                .setRequiredErrorMessage(owner.getTranslation("form.field.required"))
                .setBadInputErrorMessage(owner.getTranslation("form.field.badDate"))
                .setMinErrorMessage(min == null ? null : owner.getTranslation("form.field.minDate", min.toString()))
                .setMaxErrorMessage(max == null ? null : owner.getTranslation("form.field.maxDate", max.toString())));
        return picker;
    }

    private static List<String> list(Component owner, String key) {
        return Arrays.stream(owner.getTranslation(key).split(",")).map(String::trim).toList();
    }
}
