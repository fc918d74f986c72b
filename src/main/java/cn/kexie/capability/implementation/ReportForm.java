package cn.kexie.capability.implementation;

import cn.kexie.capability.application.AttachmentUpload;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;

/**
 * A report of the applicant's (progress, rectification): the text and optionally one file, both
 * saved together when the form is submitted.
 */
abstract class ReportForm implements TaskForm {

    static final int MIN_TEXT = 10;

    private final DossierPanel dossiers;

    ReportForm(DossierPanel dossiers) {
        this.dossiers = dossiers;
    }

    /** Sends the report; the service checks and stores it and completes the task. */
    abstract void send(String taskId, ImplementationService.Report report);

    /** Text key of the form's heading. */
    abstract String headingKey();

    /** Something to show above the text (a deadline), or null. */
    Component context(WorkItem task, Component owner) {
        return null;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final TextArea text;
        final Upload upload;
        final Span chosen = new Span();
        private String fileName;
        private byte[] content;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, headingKey(), false);
            Component context = context(task, this);
            if (context != null) {
                addWide(context);
            }
            text = FormFields.area(this, "form.report.text", MIN_TEXT, ImplementationService.MAX_TEXT, true);
            text.setHelperText(getTranslation("form.report.textHelp", String.valueOf(MIN_TEXT),
                    String.valueOf(ImplementationService.MAX_TEXT)));
            text.setMinRows(6);
            upload = AttachmentUpload.create(this, this::received);
            upload.addFileRemovedListener(removed -> received(null, null));
            addWide(text);
            addWide(AttachmentUpload.labelled(this, getTranslation("form.report.file"), upload, chosen));
            onSubmit(() -> send(task.id(), new ImplementationService.Report(text.getValue(), fileName, content)), done);
        }

        /** A file arrived: it is kept until the report is submitted. */
        void received(String name, byte[] bytes) {
            fileName = name;
            content = bytes;
            chosen.setText(name == null ? "" : getTranslation("form.upload.chosen", name));
        }
    }
}
