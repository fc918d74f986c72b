package cn.kexie.capability.common;

import com.vaadin.flow.component.textfield.AbstractNumberField;

/** What a number field of a form holds beyond its value. */
public final class NumberInput {

    private NumberInput() {
    }

    /**
     * Whether a number field holds text that is no number of its kind, such as 99999999999 in an
     * integer field: its value is then empty, and a form must refuse it rather than take it as "not given".
     */
    public static boolean unreadable(AbstractNumberField<?, ?> field) {
        if (field.getValue() != null) {
            return false;
        }
        String typed = field.getElement().getProperty("value", "");
        String input = field.getElement().getProperty("_inputElementValue", "");
        return !typed.isBlank() || !input.isBlank();
    }
}
