package cn.kexie.capability.worklog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fact a work type asks for beyond the record's common fields ({@code work_record_field}), read by the
 * decision tables by {@link #name()}: a box to tick, a whole number between {@code min} and {@code max},
 * or one of a few {@link Choice}s. A required fact must be given.
 */
record WorkRecordField(String name, Type type, List<Choice> choices, Integer min, Integer max, String labelZh,
        String labelEn, boolean required) {

    enum Type { BOOLEAN, INTEGER, CHOICE }

    /** One value of a CHOICE field: the code the tables read and its labels. */
    record Choice(String code, String labelZh, String labelEn) {
        String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
        }
    }

    String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    Optional<Choice> choice(Object code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** {@code HOST:主办:Host|CO_HOST:承办:Co-organiser} → its choices, in order. */
    static List<Choice> parseChoices(String text) {
        List<Choice> choices = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return choices;
        }
        for (String part : text.split("\\|")) {
            String[] pieces = part.split(":", 3);
            choices.add(new Choice(pieces[0].trim(), pieces.length > 1 ? pieces[1].trim() : pieces[0].trim(),
                    pieces.length > 2 ? pieces[2].trim() : pieces[0].trim()));
        }
        return List.copyOf(choices);
    }
}
