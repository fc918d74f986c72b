package cn.kexie.capability.application;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The frame every task form shares: the application's dossier first, then the step's fields in a
 * form layout, then one primary submit button. A submit calls the step's service once; the service
 * checks everything and writes nothing when it refuses, so a refused submit leaves the task open,
 * and every problem is listed under the fields (and shown as a notification) in the user's language;
 * the fields at fault are marked too, each with its own problem ({@link FieldsAtFault}).
 */
public class StepForm extends VerticalLayout {

    private final FormLayout fields = new FormLayout();
    private final Div problems = new Div();
    private final Button submit = new Button();
    private final FieldsAtFault atFault = new FieldsAtFault(this);

    /**
     * @param headingKey text key of the heading above the step's fields
     * @param dossierOpen whether the 申报书 shows unfolded
     */
    public StepForm(DossierPanel dossiers, WorkItem task, String headingKey, boolean dossierOpen) {
        setPadding(false);
        addClassName("step-form");
        if (task.applicationId() != null) {
            add(dossiers.create(task.applicationId(), dossierOpen));
        }
        H3 heading = new H3(getTranslation(headingKey));
        heading.getStyle().set("margin-bottom", "0");
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        fields.setWidthFull();
        problems.addClassName("step-form-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        problems.setVisible(false);
        submit.setText(getTranslation("task.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("task-submit");
        // one submit at a time: the button is off while the service works, and on again after a refusal
        submit.setDisableOnClick(true);
        add(heading, fields, problems, submit);
    }

    /** The step's fields go here. */
    public FormLayout fields() {
        return fields;
    }

    /** Adds a component across the whole width of the form. */
    protected void addWide(Component component) {
        fields.add(component);
        fields.setColspan(component, 2);
    }

    /**
     * Names a field for the refusals: a problem at {@code name} ({@link UserError.Problem#field()})
     * marks it. Fields made by {@link FormFields} are found without a name by the label key a problem cites.
     */
    protected <C extends com.vaadin.flow.component.HasValidation> C atFault(String name, C field) {
        return atFault.name(name, field);
    }

    public Button submitButton() {
        return submit;
    }

    /** What the form shows as wrong: empty when nothing was refused. */
    public String problemsText() {
        return problems.isVisible() ? problems.getText() : "";
    }

    /** The submit button calls {@code action} (the step's service); {@code done} runs once it went through. */
    protected void onSubmit(Runnable action, Runnable done) {
        submit.addClickListener(click -> {
            if (attempt(action, "form.problems")) {
                submit.setEnabled(false);
                done.run();
            } else {
                submit.setEnabled(true);
            }
        });
    }

    /**
     * Runs an action of the user's (a service call): clears earlier problems, and lists every
     * problem of a refusal under the heading {@code headingKey}. Returns whether it went through. A form refuses what it cannot send
     * (a decision not made) with a {@link UserError} of its own texts.
     */
    protected boolean attempt(Runnable action, String headingKey) {
        clearProblems();
        return Notifications.run(() -> {
            try {
                action.run();
            } catch (UserError refused) {
                showProblems(headingKey, Messages.describe(getLocale(), refused));
                // besides the list: each field at fault marked with its own problem
                atFault.mark(getLocale(), refused);
                throw refused;
            }
        });
    }

    private void showProblems(String headingKey, String text) {
        problems.setText(getTranslation(headingKey) + "\n" + text);
        problems.setVisible(true);
    }

    private void clearProblems() {
        atFault.clear();
        problems.setText("");
        problems.setVisible(false);
    }
}
