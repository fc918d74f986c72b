package cn.kexie.capability.common;

import java.util.Arrays;
import java.util.List;

/**
 * A refused input or action that the person can correct. Carries message keys of the
 * {@code messages} bundles, so each user reads it in the language of the UI.
 */
public class UserError extends RuntimeException {

    /**
     * One problem: a message key and its arguments, and where known the field at fault (its name as
     * the form that sent it knows it, e.g. {@code title} or {@code meetingDate}), so that the form
     * marks that field besides listing the message.
     */
    public record Problem(String key, Object[] args, String field) {

        public Problem(String key, Object... args) {
            this(key, args, null);
        }

        /** The same problem, at the field {@code name}. */
        public Problem at(String name) {
            return new Problem(key, args, name);
        }

        @Override
        public String toString() {
            return key + Arrays.toString(args);
        }
    }

    private final transient List<Problem> problems;

    public UserError(String key, Object... args) {
        this(List.of(new Problem(key, args)));
    }

    /** A refusal of one field's value: {@code field} names the field at fault. */
    public static UserError at(String field, String key, Object... args) {
        return new UserError(List.of(new Problem(key, args).at(field)));
    }

    public UserError(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Throws one error holding every problem found, if there is any. */
    public static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new UserError(problems);
        }
    }
}
