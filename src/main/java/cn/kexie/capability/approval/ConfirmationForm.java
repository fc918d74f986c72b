package cn.kexie.capability.approval;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

/** 盖章确认 (form key {@code platform:confirmation}): the confirming body confirms or refuses, with a note. */
@org.springframework.stereotype.Component
class ConfirmationForm implements TaskForm {

    private final ConfirmationService confirmations;
    private final DossierPanel dossier;

    ConfirmationForm(ConfirmationService confirmations, DossierPanel dossier) {
        this.confirmations = confirmations;
        this.dossier = dossier;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.CONFIRMATION;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        VerticalLayout form = new VerticalLayout(dossier.create(task.applicationId(), true));
        form.setPadding(false);
        RadioButtonGroup<Boolean> answer = new RadioButtonGroup<>(form.getTranslation("confirmation.answer"));
        answer.setItems(true, false);
        answer.setItemLabelGenerator(b -> form.getTranslation(b ? "confirmation.confirm" : "confirmation.refuse"));
        answer.setValue(true);
        TextArea note = new TextArea(form.getTranslation("confirmation.note"));
        note.setMaxLength(4000);
        note.setWidthFull();
        Button submit = new Button(form.getTranslation("task.submit"), click -> {
            if (Notifications.run(() -> confirmations.confirm(task.id(), Boolean.TRUE.equals(answer.getValue()), note.getValue()))) {
                done.run();
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(answer, note, submit);
        return form;
    }
}
