package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;

/** 资金拨付: finance records the amount paid, the date and the voucher number. */
@org.springframework.stereotype.Component
class DisbursementForm implements TaskForm {

    private final FundingService funding;
    private final ApplicationService applications;
    private final DossierPanel dossiers;

    DisbursementForm(FundingService funding, ApplicationService applications, DossierPanel dossiers) {
        this.funding = funding;
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.DISBURSEMENT;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final PaymentFields payment;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.disbursement.title", false);
            Application app = applications.get(task.applicationId());
            payment = new PaymentFields(this);
            addWide(new Paragraph(getTranslation("form.disbursement.budget", FormFields.plain(app.totalBudget()))));
            fields().add(payment.amount, payment.paidOn, payment.voucher);
            onSubmit(() -> funding.disburse(task.id(), payment.payment()), done);
        }
    }
}
