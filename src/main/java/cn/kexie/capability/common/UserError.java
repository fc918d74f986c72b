package cn.kexie.capability.common;

import java.util.Arrays;
import java.util.List;

/**
 * A refused input or action that the person can correct. Carries message keys of the
 * {@code messages} bundles, so each user reads it in the language of the UI.
 */
public class UserError extends RuntimeException {

    /** One problem: a message key and its arguments. */
    public record Problem(String key, Object... args) {
        @Override
        public String toString() {
            return key + Arrays.toString(args);
        }
    }

    private final transient List<Problem> problems;

    public UserError(String key, Object... args) {
        this(List.of(new Problem(key, args)));
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
