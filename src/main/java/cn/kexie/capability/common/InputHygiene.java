package cn.kexie.capability.common;

import cn.kexie.capability.common.UserError.Problem;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * Finds the texts in what a person sends that hold characters no text of the platform may hold (see
 * {@link CleanText}): strings, the strings of the platform's records and form beans, and strings in
 * their lists and maps, at any depth. Each problem names the field by its label where the texts have
 * one ({@code <feature>.field.<name>}, {@code <feature>.<name>} or {@code common.field.<name>}),
 * otherwise says what was found without a name.
 */
public final class InputHygiene {

    static final String PACKAGE = "cn.kexie.capability.";
    private static final int MAX_DEPTH = 6;

    /** Keys of the problems, in the {@code platform} texts. */
    public static final String CONTROL_CHARACTER = "common.error.controlCharacter";
    public static final String CONTROL_CHARACTER_UNNAMED = "common.error.controlCharacterUnnamed";
    public static final String LINE_BREAK = "common.error.lineBreak";

    private InputHygiene() {
    }

    /**
     * Every problem of the named values (a method's parameters, say), one per field at most.
     *
     * @param feature the feature whose texts label the fields ({@code application}, {@code review})
     */
    public static List<Problem> problems(String feature, String[] names, Object[] values) {
        Walk walk = new Walk(feature);
        for (int i = 0; i < values.length; i++) {
            walk.visit(values[i], names == null || i >= names.length ? null : names[i], null, 0);
        }
        return List.copyOf(walk.problems);
    }

    /** The problem of one text field, if it has one (for views and file names). */
    public static Optional<Problem> problem(String feature, String name, String value) {
        List<Problem> found = problems(feature, new String[] {name}, new Object[] {value});
        return found.stream().findFirst();
    }

    /** The label key of a field, if the texts have one. */
    static Optional<String> labelKey(String feature, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (feature != null) {
            candidates.add(feature + ".field." + name);
            candidates.add(feature + "." + name);
        }
        candidates.add("common.field." + name);
        return candidates.stream().filter(InputHygiene::hasText).findFirst();
    }

    private static boolean hasText(String key) {
        return !Messages.get(Messages.CHINESE, key).equals(key);
    }

    private static final class Walk {
        final String feature;
        final List<Problem> problems = new ArrayList<>();
        final Set<String> reported = new LinkedHashSet<>();
        final Map<Object, Boolean> seen = new IdentityHashMap<>();

        Walk(String feature) {
            this.feature = feature;
        }

        /**
         * @param name  the field's own name (the innermost one)
         * @param outer the name of the field that holds it, for a label when the own name has none
         */
        void visit(Object value, String name, String outer, int depth) {
            if (value == null || depth > MAX_DEPTH) {
                return;
            }
            if (value instanceof CharSequence text) {
                check(text, name, outer);
                return;
            }
            if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                    || value instanceof byte[] || value.getClass().isPrimitive()) {
                return;
            }
            if (seen.put(value, Boolean.TRUE) != null) {
                return;
            }
            String holder = name != null ? name : outer;
            if (value instanceof Optional<?> optional) {
                optional.ifPresent(v -> visit(v, name, outer, depth + 1));
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    visit(entry.getKey(), null, holder, depth + 1);
                    String key = entry.getKey() instanceof String s ? s : null;
                    visit(entry.getValue(), key, holder, depth + 1);
                }
            } else if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    visit(item, null, holder, depth + 1);
                }
            } else if (value instanceof Object[] array) {
                for (Object item : array) {
                    visit(item, null, holder, depth + 1);
                }
            } else if (isPlatformValue(value.getClass())) {
                visitFields(value, holder, depth);
            }
        }

        private void visitFields(Object value, String holder, int depth) {
            Class<?> type = value.getClass();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    try {
                        component.getAccessor().setAccessible(true);
                        visit(component.getAccessor().invoke(value), component.getName(), holder, depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException unreadable) {
                        // a component that cannot be read holds nothing the person typed
                    }
                }
                return;
            }
            for (Class<?> c = type; c != null && c.getName().startsWith(PACKAGE); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        visit(field.get(value), field.getName(), holder, depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException unreadable) {
                        // as above
                    }
                }
            }
        }

        private void check(CharSequence text, String name, String outer) {
            // an item of a list (a notice's papers) takes the list's name
            boolean oneLine = CleanText.isOneLine(name != null ? name : outer);
            int at = CleanText.firstForbidden(text, oneLine);
            if (at < 0) {
                return;
            }
            Optional<String> label = labelKey(feature, name).or(() -> labelKey(feature, outer));
            String field = label.orElse("");
            if (!reported.add(field)) {
                return;
            }
            String position = String.valueOf(at + 1);
            if (CleanText.isLineBreakOrTab(text, at)) {
                problems.add(new Problem(LINE_BREAK, label.orElse("common.field.unnamed"), position));
            } else if (label.isPresent()) {
                problems.add(new Problem(CONTROL_CHARACTER, label.get(), CleanText.codeOf(text.charAt(at)), position));
            } else {
                problems.add(new Problem(CONTROL_CHARACTER_UNNAMED, CleanText.codeOf(text.charAt(at)), position));
            }
        }
    }

    /**
     * The platform's own values (records, form beans): classes of its packages that are not beans,
     * views or lambdas.
     */
    static boolean isPlatformValue(Class<?> type) {
        return type.getName().startsWith(PACKAGE) && !type.isSynthetic() && !type.isHidden()
                && !type.isAnonymousClass() && !AnnotatedElementUtils.hasAnnotation(type, Component.class)
                && !isVaadinComponent(type);
    }

    private static boolean isVaadinComponent(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if ("com.vaadin.flow.component.Component".equals(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
