package cn.kexie.capability.programme;

import java.util.Locale;

/** A fact the application form asks for in some categories; the eligibility table reads it by {@code name}. */
public record DeclaredField(String name, Type type, String labelZh, String labelEn, boolean required) {

    public enum Type { BOOLEAN, INTEGER, TEXT }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }
}
