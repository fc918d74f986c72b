package cn.kexie.capability.funding;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * 确认项目责任书: the office opens the signed copy, then confirms it and sets the date of the
 * mid-term check (after today), or returns it with the reason.
 */
@org.springframework.stereotype.Component
class ConfirmAgreementForm implements TaskForm {

    private final FundingService funding;
    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final DossierPanel dossiers;

    ConfirmAgreementForm(FundingService funding, ApplicationService applications, AttachmentService attachments,
            DossierPanel dossiers) {
        this.funding = funding;
        this.applications = applications;
        this.attachments = attachments;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.CONFIRM_AGREEMENT;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final Div signedCopies = new Div();
        final RadioButtonGroup<Boolean> decision = new RadioButtonGroup<>();
        final DatePicker midtermDue;
        final TextArea note;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.confirmAgreement.title", false);
            long applicationId = applications.get(task.applicationId()).id();
            List<Attachment> signed = attachments.list(applicationId, Attachment.Kind.SIGNED_AGREEMENT);
            signedCopies.add(new Span(getTranslation("form.confirmAgreement.signedCopies")));
            if (signed.isEmpty()) {
                signedCopies.add(new Div(new Span(getTranslation("form.confirmAgreement.none"))));
            }
            for (Attachment a : signed) {
                StreamResource file = new StreamResource(a.fileName(), () -> {
                    applications.get(applicationId);
                    return new ByteArrayInputStream(attachments.content(applicationId, a.id()));
                });
                file.setContentType(a.contentType());
                Anchor link = new Anchor(file, a.fileName());
                link.setTarget("_blank");
                signedCopies.add(new Div(link));
            }
            signedCopies.setId("signed-copies");

            decision.setLabel(getTranslation("form.confirmAgreement.decision"));
            decision.setItems(Boolean.TRUE, Boolean.FALSE);
            decision.setItemLabelGenerator(confirmed -> getTranslation(confirmed
                    ? "form.confirmAgreement.confirm" : "form.confirmAgreement.return"));
            decision.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            decision.setRequiredIndicatorVisible(true);
            midtermDue = FormFields.date(this, "form.confirmAgreement.midtermDue", PlatformClock.today().plusDays(1), null);
            midtermDue.setHelperText(getTranslation("form.confirmAgreement.midtermDueHelp"));
            note = FormFields.area(this, "form.confirmAgreement.note", 0, FormFields.MAX_TEXT, false);
            decision.addValueChangeListener(change -> {
                boolean confirmed = Boolean.TRUE.equals(change.getValue());
                midtermDue.setVisible(confirmed || change.getValue() == null);
                note.setRequired(Boolean.FALSE.equals(change.getValue()));
            });

            addWide(signedCopies);
            addWide(decision);
            fields().add(midtermDue);
            addWide(note);
            onSubmit(() -> {
                if (decision.getValue() == null) {
                    throw new UserError("form.confirmAgreement.chooseDecision");
                }
                boolean confirmed = decision.getValue();
                funding.confirmAgreement(task.id(), confirmed, confirmed ? midtermDue.getValue() : null, note.getValue());
            }, done);
        }
    }
}
