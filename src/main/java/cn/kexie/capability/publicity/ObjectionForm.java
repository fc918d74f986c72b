package cn.kexie.capability.publicity;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.DateTimeFormatter;

/**
 * 异议核查: the objection as lodged (text, name, contact, when; who lodged it for the programme office
 * and administrators only), what the same contact added while it was open, and the office's finding:
 * dismissed (the notice goes on), upheld and not funded, or upheld and back to review; with a note.
 */
@org.springframework.stereotype.Component
class ObjectionForm implements TaskForm {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final NoticeService notices;
    private final DossierPanel dossiers;

    ObjectionForm(NoticeService notices, DossierPanel dossiers) {
        this.notices = notices;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.OBJECTION;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final TextArea text;
        final TextField name;
        final TextField contact;
        final TextField lodgedAt;
        final TextField receipt;
        final TextArea additions;
        final RadioButtonGroup<String> outcome = new RadioButtonGroup<>();
        final TextArea note;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.objection.title", false);
            NoticeService.Objection objection = notices.objectionOfTask(task.id());
            text = FormFields.area(this, "form.objection.text", 0, FormFields.MAX_TEXT, false);
            text.setValue(objection.text());
            text.setReadOnly(true);
            // the service gives name and contact to the programme office and administrators only
            String hidden = getTranslation("publicity.objector.hidden");
            name = readOnly("form.objection.lodgedBy", objection.objectorShown() ? objection.name() : hidden);
            contact = readOnly("form.objection.contact", objection.objectorShown() ? objection.contact() : hidden);
            lodgedAt = readOnly("form.objection.lodgedAt", MINUTE.format(objection.lodgedAt()));
            // the number the objector was given, with which (and the contact) the outcome is looked up
            receipt = readOnly("form.objection.receipt", objection.receiptNo());
            receipt.setHelperText(getTranslation("form.objection.receiptHelp"));
            additions = new TextArea(getTranslation("publicity.objection.additions"));
            additions.setWidthFull();
            additions.setMaxRows(12);
            additions.setValue(String.join("\n\n", objection.additions().stream()
                    .map(a -> getTranslation("publicity.objection.addition", MINUTE.format(a.lodgedAt()),
                            objection.objectorShown() ? a.name() + " " + a.contact() : hidden, a.text()))
                    .toList()));
            additions.setReadOnly(true);
            additions.setVisible(!objection.additions().isEmpty());

            outcome.setLabel(getTranslation("form.objection.outcome"));
            outcome.setItems(ProjectProcess.DISMISSED, ProjectProcess.UPHELD_NOT_FUNDED, ProjectProcess.UPHELD_BACK_TO_REVIEW);
            outcome.setItemLabelGenerator(o -> getTranslation("form.objection.outcome." + o));
            outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            outcome.setRequiredIndicatorVisible(true);
            note = FormFields.area(this, "form.objection.note", 0, FormFields.MAX_TEXT, true);

            addWide(text);
            fields().add(name, contact, lodgedAt, receipt);
            addWide(additions);
            addWide(outcome);
            addWide(note);
            onSubmit(() -> notices.decide(task.id(), outcome.getValue(), note.getValue()), done);
        }

        private TextField readOnly(String labelKey, String value) {
            TextField field = new TextField(getTranslation(labelKey));
            field.setValue(value == null ? "" : value);
            field.setReadOnly(true);
            return field;
        }
    }
}
