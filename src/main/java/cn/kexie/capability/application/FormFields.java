package cn.kexie.capability.application;

import cn.kexie.capability.common.CleanText;
import cn.kexie.capability.common.NumberInput;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Fields of the task forms and the public page, with the browser's checks (required, length,
 * minimum and maximum) and their messages in the user's language. The services check the same
 * again: a browser's check is a help, never the rule.
 */
public final class FormFields {

    public static final int MAX_TEXT = 4000;

    private FormFields() {
    }

    public static TextField text(Component owner, String labelKey, int maxLength, boolean required) {
        TextField field = new TextField(owner.getTranslation(labelKey)) {
            @Override
            public Validator<String> getDefaultValidator() {
                return withCleanText(owner, super.getDefaultValidator(), true);
            }
        };
        field.setMaxLength(maxLength);
        field.setRequired(required);
        field.setI18n(new TextField.TextFieldI18n()
                .setRequiredErrorMessage(owner.getTranslation("form.field.required"))
                .setMaxLengthErrorMessage(owner.getTranslation("form.field.maxLength", String.valueOf(maxLength))));
        return FieldsAtFault.labelled(field, labelKey);
    }

    public static TextArea area(Component owner, String labelKey, int minLength, int maxLength, boolean required) {
        TextArea area = new TextArea(owner.getTranslation(labelKey)) {
            @Override
            public Validator<String> getDefaultValidator() {
                return withCleanText(owner, super.getDefaultValidator(), false);
            }
        };
        area.setMaxLength(maxLength);
        if (minLength > 0) {
            area.setMinLength(minLength);
        }
        area.setRequired(required);
        area.setMinRows(3);
        area.setMaxRows(12);
        area.setWidthFull();
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.setI18n(new TextArea.TextAreaI18n()
                .setRequiredErrorMessage(owner.getTranslation("form.field.required"))
                .setMinLengthErrorMessage(owner.getTranslation("form.field.minLength", String.valueOf(minLength)))
                .setMaxLengthErrorMessage(owner.getTranslation("form.field.maxLength", String.valueOf(maxLength))));
        return FieldsAtFault.labelled(area, labelKey);
    }

    /**
     * The field's own checks, then the characters: a control character (or, in a one-line field, a
     * line break) is shown at the field as soon as it is typed or pasted. The services refuse it anyway.
     */
    static Validator<String> withCleanText(Component owner, Validator<String> own, boolean oneLine) {
        return (value, context) -> {
            ValidationResult result = own.apply(value, context);
            if (result.isError()) {
                return result;
            }
            int at = CleanText.firstForbidden(value, oneLine);
            if (at < 0) {
                return result;
            }
            return ValidationResult.error(CleanText.isLineBreakOrTab(value, at)
                    ? owner.getTranslation("form.field.lineBreak")
                    : owner.getTranslation("form.field.controlCharacter", CleanText.codeOf(value.charAt(at)),
                            String.valueOf(at + 1)));
        };
    }

    /** A number of points or the like: at least {@code min}, at most {@code max}. */
    public static NumberField number(Component owner, String label, BigDecimal min, BigDecimal max) {
        NumberField field = new NumberField(label);
        field.setMin(min.doubleValue());
        field.setMax(max.doubleValue());
        field.setRequired(true);
        field.setStepButtonsVisible(false);
        // NaN and infinity are no points: a forged value is emptied, so the service asks for the number
        field.addValueChangeListener(change -> {
            if (change.getValue() != null && !Double.isFinite(change.getValue())) {
                field.clear();
            }
        });
        field.setI18n(new NumberField.NumberFieldI18n()
                .setRequiredErrorMessage(owner.getTranslation("form.field.required"))
                .setBadInputErrorMessage(owner.getTranslation("form.field.badInput"))
                .setMinErrorMessage(owner.getTranslation("form.field.min", plain(min)))
                .setMaxErrorMessage(owner.getTranslation("form.field.max", plain(max))));
        return field;
    }

    public static IntegerField integer(Component owner, String labelKey, int min, int max) {
        IntegerField field = new IntegerField(owner.getTranslation(labelKey));
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        field.setI18n(new IntegerField.IntegerFieldI18n()
                .setRequiredErrorMessage(owner.getTranslation("form.field.required"))
                .setBadInputErrorMessage(owner.getTranslation("form.field.badInput"))
                .setMinErrorMessage(owner.getTranslation("form.field.min", String.valueOf(min)))
                .setMaxErrorMessage(owner.getTranslation("form.field.max", String.valueOf(max))));
        return field;
    }

    /** Whether a number field holds text that is no number of its kind (see {@link NumberInput#unreadable}). */
    public static boolean unreadable(AbstractNumberField<?, ?> field) {
        return NumberInput.unreadable(field);
    }

    /** An amount of money in yuan: exact decimals (the service checks range and two decimals). */
    public static BigDecimalField yuan(Component owner, String labelKey) {
        BigDecimalField field = new BigDecimalField(owner.getTranslation(labelKey));
        field.setRequiredIndicatorVisible(true);
        field.setSuffixComponent(new com.vaadin.flow.component.html.Span(owner.getTranslation("form.yuan")));
        return FieldsAtFault.labelled(field, labelKey);
    }

    /** A date in the form 2026-05-08, with Chinese month and day names when the UI is in Chinese. */
    public static DatePicker date(Component owner, String labelKey, LocalDate min, LocalDate max) {
        DatePicker picker = new DatePicker(owner.getTranslation(labelKey));
        picker.setRequired(true);
        picker.setMin(min);
        picker.setMax(max);
        return FieldsAtFault.labelled(cn.kexie.capability.common.DateFields.localised(owner, picker), labelKey);
    }

    /** 20, 12.5: a number as people write it. */
    public static String plain(BigDecimal number) {
        return number == null ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
