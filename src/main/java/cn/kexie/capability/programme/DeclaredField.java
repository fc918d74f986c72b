package cn.kexie.capability.programme;

import java.util.Locale;

/** A fact the application form asks for in some categories; the eligibility table reads it by {@code name}. */
public record DeclaredField(String name, Type type, String labelZh, String labelEn, boolean required) {

    /** DATE: a calendar day, kept as its ISO text (2019-03-31), which the tables read with FEEL's {@code date()}. */
    /** COUNTY: one of the counties of the programme's city ({@link Counties}), kept as its code. */
    public enum Type { BOOLEAN, INTEGER, TEXT, DATE, COUNTY }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }
}
