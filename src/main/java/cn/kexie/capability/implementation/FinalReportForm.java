package cn.kexie.capability.implementation;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.application.AttachmentUpload;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 总结报告: the applicant uploads the summary report (总结报告) and the accounts of fund use (经费决算);
 * each file is stored as soon as it arrives and listed (and can be removed while the task is open);
 * the submit then hands both to acceptance.
 */
@org.springframework.stereotype.Component
class FinalReportForm implements TaskForm {

    static final List<Attachment.Kind> KINDS = List.of(Attachment.Kind.SUMMARY, Attachment.Kind.ACCOUNTS);

    private final ImplementationService implementation;
    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final CurrentUser currentUser;
    private final WorkflowTasks tasks;
    private final DossierPanel dossiers;

    FinalReportForm(ImplementationService implementation, ApplicationService applications,
            AttachmentService attachments, CurrentUser currentUser, WorkflowTasks tasks, DossierPanel dossiers) {
        this.implementation = implementation;
        this.applications = applications;
        this.attachments = attachments;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.FINAL_REPORT;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final Map<Attachment.Kind, Upload> uploads = new EnumMap<>(Attachment.Kind.class);
        final Map<Attachment.Kind, VerticalLayout> lists = new EnumMap<>(Attachment.Kind.class);
        final TextArea text;
        private final long applicationId;
        private final String taskId;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.finalReport.title", false);
            applicationId = task.applicationId();
            taskId = task.id();
            addWide(new Paragraph(getTranslation("form.finalReport.help")));
            for (Attachment.Kind kind : KINDS) {
                Upload upload = AttachmentUpload.create(this, (name, bytes) -> received(kind, name, bytes));
                upload.setId("upload-" + kind.name());
                VerticalLayout list = new VerticalLayout();
                list.setPadding(false);
                list.setSpacing(false);
                list.setId("files-" + kind.name());
                uploads.put(kind, upload);
                lists.put(kind, list);
                fields().add(AttachmentUpload.labelled(this, getTranslation("form.finalReport." + kind.name()), upload, list));
                showFiles(kind);
            }
            text = FormFields.area(this, "form.finalReport.text", 0, ImplementationService.MAX_TEXT, false);
            addWide(text);
            onSubmit(() -> implementation.submitFinalReport(task.id(), text.getValue()), done);
        }

        /** A file arrived: stored at once as the applicant's, or refused with the reason. */
        void received(Attachment.Kind kind, String fileName, byte[] bytes) {
            boolean stored = attempt(() -> {
                requireOpenTask();
                attachments.store(applicationId, kind, fileName, bytes, currentUser.requireId());
            }, "form.upload.refused");
            uploads.get(kind).clearFileList();
            if (stored) {
                Notifications.success(getTranslation("form.upload.stored", fileName));
            }
            showFiles(kind);
        }

        void remove(Attachment.Kind kind, Attachment file) {
            if (attempt(() -> {
                requireOpenTask();
                attachments.delete(applicationId, file.id());
            }, "form.upload.notRemoved")) {
                showFiles(kind);
            }
        }

        /** Files change only while the task is open, by the applicant it is for. */
        private void requireOpenTask() {
            tasks.get(taskId);
            applications.requireOwn(applicationId);
        }

        /** The stored files of one kind. */
        List<Attachment> files(Attachment.Kind kind) {
            return attachments.list(applicationId, kind);
        }

        private void showFiles(Attachment.Kind kind) {
            VerticalLayout list = lists.get(kind);
            list.removeAll();
            List<Attachment> files = files(kind);
            if (files.isEmpty()) {
                list.add(new Span(getTranslation("form.finalReport.noFiles")));
            }
            for (Attachment file : files) {
                Button remove = new Button(getTranslation("form.remove"), click -> remove(kind, file));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                Span name = new Span(file.fileName() + " · " + (file.sizeBytes() / 1024 + 1) + " KB");
                HorizontalLayout row = new HorizontalLayout(name, remove);
                row.setAlignItems(HorizontalLayout.Alignment.CENTER);
                list.add(row);
            }
        }
    }
}
