package cn.kexie.capability.implementation;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * 总结验收: the office reads the summary report and the accounts in the dossier and decides: passed,
 * failed, or fraud found, with a note required unless passed.
 */
@org.springframework.stereotype.Component
class AcceptanceForm implements TaskForm {

    private final ImplementationService implementation;
    private final DossierPanel dossiers;

    AcceptanceForm(ImplementationService implementation, DossierPanel dossiers) {
        this.implementation = implementation;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.ACCEPTANCE;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final RadioButtonGroup<String> outcome = new RadioButtonGroup<>();
        final TextArea note;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.acceptance.title", false);
            outcome.setLabel(getTranslation("form.acceptance.outcome"));
            outcome.setItems(ProjectProcess.PASS, ProjectProcess.FAILED, ProjectProcess.FRAUD);
            outcome.setItemLabelGenerator(o -> getTranslation("form.acceptance.outcome." + o));
            outcome.setRequiredIndicatorVisible(true);
            note = FormFields.area(this, "form.acceptance.note", 0, ImplementationService.MAX_TEXT, false);
            outcome.addValueChangeListener(change ->
                    note.setRequired(change.getValue() != null && !ProjectProcess.PASS.equals(change.getValue())));
            addWide(outcome);
            addWide(note);
            onSubmit(() -> implementation.accept(task.id(), outcome.getValue(), note.getValue()), done);
        }
    }
}
