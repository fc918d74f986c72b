package cn.kexie.capability.implementation;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * 中期检查: the office reads the progress reports in the dossier and decides: passed, rectify by a
 * date (整改), or fraud found (弄虚作假), with a note required unless passed.
 */
@org.springframework.stereotype.Component
class MidtermCheckForm implements TaskForm {

    private final ImplementationService implementation;
    private final DossierPanel dossiers;

    MidtermCheckForm(ImplementationService implementation, DossierPanel dossiers) {
        this.implementation = implementation;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.MIDTERM_CHECK;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final RadioButtonGroup<String> outcome = new RadioButtonGroup<>();
        final DatePicker rectifyBy;
        final TextArea note;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.midterm.title", false);
            outcome.setLabel(getTranslation("form.midterm.outcome"));
            outcome.setItems(ProjectProcess.PASS, ProjectProcess.RECTIFY, ProjectProcess.FRAUD);
            outcome.setItemLabelGenerator(o -> getTranslation("form.midterm.outcome." + o));
            outcome.setRequiredIndicatorVisible(true);
            rectifyBy = FormFields.date(this, "form.midterm.rectifyBy", PlatformClock.today().plusDays(1), null);
            rectifyBy.setVisible(false);
            note = FormFields.area(this, "form.midterm.note", 0, ImplementationService.MAX_TEXT, false);
            outcome.addValueChangeListener(change -> {
                rectifyBy.setVisible(ProjectProcess.RECTIFY.equals(change.getValue()));
                note.setRequired(change.getValue() != null && !ProjectProcess.PASS.equals(change.getValue()));
            });
            addWide(outcome);
            fields().add(rectifyBy);
            addWide(note);
            onSubmit(() -> implementation.midtermCheck(task.id(), outcome.getValue(), note.getValue(),
                    ProjectProcess.RECTIFY.equals(outcome.getValue()) ? rectifyBy.getValue() : null), done);
        }
    }
}
