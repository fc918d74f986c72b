package cn.kexie.capability.application;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Marks the fields a refusal names: each problem of a {@link UserError} that carries a field name
 * ({@link UserError.Problem#field()}) marks the field the form named so ({@link #name}); a problem
 * without one marks a field whose label key it cites as an argument ("请填写{0}" with
 * {@code application.field.aims}), for fields made by {@link FormFields}. Each marked field shows
 * its own problems as its error message; the next attempt clears them first.
 */
public final class FieldsAtFault {

    private static final String LABEL_KEY = FieldsAtFault.class.getName() + ".labelKey";

    private final Component root;
    private final Map<String, HasValidation> named = new LinkedHashMap<>();
    private final List<HasValidation> marked = new ArrayList<>();

    public FieldsAtFault(Component root) {
        this.root = root;
    }

    /** Remembers the label key a field was made with, so a problem citing it finds the field. */
    static <C extends Component> C labelled(C field, String labelKey) {
        ComponentUtil.setData(field, LABEL_KEY, labelKey);
        return field;
    }

    /** The field that problems at {@code name} mark. */
    public <C extends HasValidation> C name(String name, C field) {
        named.put(name, field);
        return field;
    }

    /** Marks the fields at fault of a refusal (after clearing the earlier marks); returns the marked fields. */
    public List<HasValidation> mark(Locale locale, UserError refused) {
        clear();
        Map<HasValidation, List<String>> messages = new LinkedHashMap<>();
        for (UserError.Problem problem : refused.problems()) {
            HasValidation field = fieldOf(problem);
            if (field != null) {
                messages.computeIfAbsent(field, f -> new ArrayList<>()).add(Messages.describe(locale, problem));
            }
        }
        messages.forEach((field, lines) -> {
            field.setErrorMessage(String.join(" ", lines));
            field.setInvalid(true);
            marked.add(field);
        });
        return List.copyOf(marked);
    }

    /** Clears the marks of the last refusal. */
    public void clear() {
        for (HasValidation field : marked) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        marked.clear();
    }

    private HasValidation fieldOf(UserError.Problem problem) {
        if (problem.field() != null) {
            HasValidation field = named.get(problem.field());
            return field != null ? field : byLabelKey(root, problem.field());
        }
        if (problem.args() != null) {
            for (Object arg : problem.args()) {
                if (arg instanceof String key && key.indexOf('.') > 0) {
                    HasValidation field = named.containsKey(key) ? named.get(key) : byLabelKey(root, key);
                    if (field != null) {
                        return field;
                    }
                }
            }
        }
        return null;
    }

    private static HasValidation byLabelKey(Component under, String key) {
        for (Component child : under.getChildren().toList()) {
            if (child instanceof HasValidation field && Objects.equals(ComponentUtil.getData(child, LABEL_KEY), key)) {
                return field;
            }
            HasValidation found = byLabelKey(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
