package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.AttachmentUpload;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.document.PdfDownload;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResource;

/**
 * 签订项目责任书: the applicant downloads the agreement generated from the application (a printable
 * PDF with both parties, the approved amount, the period and the targets), signs and stamps it, and
 * uploads the scan; the file is stored when the form is submitted, together with the step.
 */
@org.springframework.stereotype.Component
class SignAgreementForm implements TaskForm {

    private final FundingService funding;
    private final ApplicationService applications;
    private final DossierPanel dossiers;

    SignAgreementForm(FundingService funding, ApplicationService applications, DossierPanel dossiers) {
        this.funding = funding;
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.SIGN_AGREEMENT;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final StreamResource agreement;
        final Anchor download;
        final Upload upload;
        final Span chosen = new Span();
        private String fileName;
        private byte[] content;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.signAgreement.title", false);
            Application app = applications.get(task.applicationId());
            long applicationId = app.id();
            agreement = PdfDownload.resource(FundingService.agreementFileName(app), () -> funding.agreement(applicationId));
            download = PdfDownload.anchor(getTranslation("form.signAgreement.download"), agreement);
            download.setId("agreement-download");

            upload = AttachmentUpload.create(this, this::received);
            upload.setId("signed-agreement-upload");
            upload.addFileRemovedListener(removed -> received(null, null));
            Div uploadBox = AttachmentUpload.labelled(this, getTranslation("form.signAgreement.upload"), upload, chosen);

            addWide(new Paragraph(getTranslation("form.signAgreement.help")));
            addWide(download);
            addWide(uploadBox);
            onSubmit(() -> funding.signAgreement(task.id(), fileName, content), done);
        }

        /** A scan arrived: it is kept until the form is submitted. */
        void received(String name, byte[] bytes) {
            fileName = name;
            content = bytes;
            chosen.setText(name == null ? "" : getTranslation("form.upload.chosen", name));
        }
    }
}
