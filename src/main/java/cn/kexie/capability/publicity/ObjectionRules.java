package cn.kexie.capability.publicity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the public objection form accepts: a contact by which the office can reach the objector (a
 * mainland mobile number, a landline with its area code, or an e-mail address), and text without
 * control or invisible formatting characters. Full-width digits and signs, as a Chinese input
 * method types them, count as their ASCII forms.
 */
final class ObjectionRules {

    static final int MAX_CONTACT = 100;

    /** 1[3-9] and nine digits, optionally after +86, 86 or 0086; spaces and hyphens anywhere between digits. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?:\\(?(?:\\+|00)?86\\)?[ -]*)?(1[ -]*[3-9](?:[ -]*\\d){9})");
    /**
     * Area code 0xx or 0xxx, in brackets or not; a number of 7 or 8 digits not starting with 0 or 1,
     * whole or in two groups (288 1234, 8888 6666); an extension.
     */
    private static final Pattern LANDLINE = Pattern.compile(
            "(?:\\((0\\d{2,3})\\)|(0\\d{2,3}))[ -]*([2-9]\\d{6,7}|[2-9]\\d{2}[ -]\\d{4}|[2-9]\\d{3}[ -]\\d{3,4})"
                    + "(?:[ ]*(?:-|转|分机|ext\\.?|x|#)[ ]*(\\d{1,6}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private ObjectionRules() {
    }

    /**
     * A valid contact: {@code shown} is what the office reads (as typed, in half-width forms),
     * {@code key} the same contact however it was written (digits of a number, an e-mail address in
     * lower case), for the limits per contact.
     */
    record Contact(String shown, String key) {
    }

    static Optional<Contact> contact(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String shown = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        if (shown.isEmpty() || shown.length() > MAX_CONTACT || hasForbiddenCharacters(shown, false)) {
            return Optional.empty();
        }
        if (shown.indexOf('@') >= 0) {
            return EMAIL.matcher(shown).matches()
                    ? Optional.of(new Contact(shown, shown.toLowerCase(Locale.ROOT)))
                    : Optional.empty();
        }
        Matcher mobile = MOBILE.matcher(shown);
        if (mobile.matches()) {
            return Optional.of(new Contact(shown, digits(mobile.group(1))));
        }
        Matcher landline = LANDLINE.matcher(shown);
        if (landline.matches()) {
            String area = landline.group(1) != null ? landline.group(1) : landline.group(2);
            String extension = landline.group(4) == null ? "" : "-" + landline.group(4);
            return Optional.of(new Contact(shown, area + digits(landline.group(3)) + extension));
        }
        return Optional.empty();
    }

    /**
     * Whether the text holds a character the form refuses: control characters (a long text may have
     * line breaks and tabs), characters that change the direction of text or are invisible
     * formatting (a single line may have none; a long text only none of the direction controls, so
     * that emoji sequences stay), line and paragraph separators in a single line, half a surrogate
     * pair, and the non-characters U+FFFE and U+FFFF.
     */
    static boolean hasForbiddenCharacters(String text, boolean multiline) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            switch (Character.getType(c)) {
                case Character.CONTROL -> {
                    if (!(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                        return true;
                    }
                }
                case Character.FORMAT -> {
                    if (!multiline || cn.kexie.capability.common.CleanText.isDirectionControl(c)) {
                        return true;
                    }
                }
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    if (!multiline) {
                        return true;
                    }
                }
                case Character.SURROGATE -> {
                    return true;
                }
                default -> {
                    if (c == 0xFFFE || c == 0xFFFF) {
                        return true;
                    }
                }
            }
            i += Character.charCount(c);
        }
        return false;
    }


    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }
}
