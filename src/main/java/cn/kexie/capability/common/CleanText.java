package cn.kexie.capability.common;

import java.util.Locale;
import java.util.Set;

/**
 * Which characters a text of the platform may hold. Refused everywhere: the C0 control characters
 * (NUL and the like, which PostgreSQL cannot store in a text column), DEL, the C1 control characters
 * and halves of a character (a lone surrogate, which cannot be written as UTF-8). A multi-line text
 * (a comment, a report) may hold tabs and line breaks; a one-line value (a name, a title, a file
 * name, a code, a contact) may not.
 */
public final class CleanText {

    /**
     * Names of fields and parameters that hold one line: names, titles, file names, codes, contacts,
     * references. Compared case-insensitively with the end of the name ({@code fileName},
     * {@code contactName}, {@code minutesReference}, {@code voucherNo}).
     */
    private static final Set<String> ONE_LINE_ENDINGS = Set.of("name", "title", "code", "contact", "phone",
            "reference", "voucherno", "number", "item", "outcome", "status", "tier", "worktype", "kind", "level",
            "username", "userid", "password", "email", "secretarygeneral", "paper", "papers");

    private CleanText() {
    }

    /** Whether a field or parameter of this name holds one line of text. */
    public static boolean isOneLine(String fieldName) {
        if (fieldName == null) {
            return false;
        }
        String name = fieldName.toLowerCase(Locale.ROOT);
        return ONE_LINE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** The index of the first character the text may not hold, or -1 if it is clean. */
    public static int firstForbidden(CharSequence text, boolean oneLine) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (isForbidden(c, oneLine)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isClean(CharSequence text, boolean oneLine) {
        return firstForbidden(text, oneLine) < 0;
    }

    /** Whether the character is refused (a surrogate here is a lone one: pairs are skipped by the caller). */
    static boolean isForbidden(char c, boolean oneLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return oneLine;
        }
        return c < 0x20 || c >= 0x7F && c <= 0x9F || Character.isSurrogate(c) || isDirectionControl(c);
    }

    /**
     * Embeddings, overrides, isolates and marks of text direction (U+061C, U+200E/F, U+202A–E, U+2066–9):
     * invisible, they make a title or name read differently from what is stored (a reversed file
     * extension, a number that looks like another), so no text keeps them.
     */
    public static boolean isDirectionControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Whether the refused character at {@code index} is a line break or tab (a one-line value's only problem). */
    public static boolean isLineBreakOrTab(CharSequence text, int index) {
        char c = text.charAt(index);
        return c == '\t' || c == '\n' || c == '\r';
    }

    /** The character as people can look it up: {@code U+0000}. */
    public static String codeOf(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
