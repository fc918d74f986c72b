package cn.kexie.capability.application;

import cn.kexie.capability.document.PdfDownload;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.TaskView;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * One application's dossier, for whoever may read it ({@link ApplicationService#get}: the
 * applicant's own, staff within their cities and roles); any other id in the URL shows the same
 * page as a missing one. The user's open tasks on it are one click away; the office can record
 * fraud found during implementation; other features add their own actions ({@link DossierAction}).
 */
@Route("applications/:id")
@PermitAll
public class ApplicationDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ApplicationService applications;
    private final DossierPanel dossier;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final FraudReporter fraudReporter;
    private final List<DossierDocument> dossierDocuments;
    private final List<DossierAction> dossierActions;
    private String title = "";
    /** The PDF documents the user may download from this dossier. */
    final HorizontalLayout downloads = new HorizontalLayout();

    public ApplicationDetailView(ApplicationService applications, DossierPanel dossier, WorkflowTasks tasks,
            CurrentUser currentUser, List<FraudReporter> fraudReporter, List<DossierDocument> dossierDocuments,
            List<DossierAction> dossierActions) {
        this.dossierActions = dossierActions;
        this.applications = applications;
        this.dossier = dossier;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.fraudReporter = fraudReporter.isEmpty() ? null : fraudReporter.get(0);
        this.dossierDocuments = dossierDocuments;
        downloads.setId("dossier-downloads");
        downloads.setWrap(true);
        setMaxWidth("1100px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Application app;
        try {
            app = applications.get(Long.parseLong(event.getRouteParameters().get("id").orElse("-1")));
        } catch (AccessDeniedException | NumberFormatException | cn.kexie.capability.common.UserError refused) {
            // refused or missing: the same page, so that an id tells nothing
            title = "";
            add(new Paragraph(getTranslation("application.notAvailable")));
            return;
        }
        title = app.number() + " " + app.title();
        HorizontalLayout actions = new HorizontalLayout();
        for (WorkItem task : tasks.openTasksOf(app.processInstanceId())) {
            Button work = new Button(getTranslation("detail.work", task.name()), click -> getUI().ifPresent(ui ->
                    ui.navigate(TaskView.class, new RouteParameters("taskId", task.id()))));
            work.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(work);
        }
        if (fraudReporter != null && currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)
                && fraudReporter.fraudMayBeReported(app)) {
            Button fraud = new Button(getTranslation("detail.reportFraud"), click -> openFraud(app));
            fraud.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(fraud);
        }
        for (DossierAction action : dossierActions) {
            action.create(app).ifPresent(actions::add);
        }
        showDownloads(app);
        add(actions, downloads);
        dossier.whereItStands(this, app.id()).ifPresent(this::add);
        add(dossier.create(app.id(), true));
    }

    /**
     * The documents offered to the user on this dossier: the 申报书 to every reader, the agreement and the
     * score summary where their features offer them; each download checks the caller's access again.
     */
    private void showDownloads(Application app) {
        downloads.removeAll();
        long id = app.id();
        for (DossierDocument document : dossierDocuments.stream()
                .sorted(java.util.Comparator.comparingInt(DossierDocument::order)).toList()) {
            if (document.offeredFor(app)) {
                downloads.add(PdfDownload.anchor(getTranslation(document.labelKey()), document.fileName(app),
                        () -> document.render(id)));
            }
        }
    }

    private void openFraud(Application app) {
        Dialog dialog = new Dialog(getTranslation("detail.reportFraud"));
        TextArea note = new TextArea(getTranslation("detail.fraudNote"));
        note.setWidth("32em");
        note.setMaxLength(4000);
        dialog.add(new Paragraph(getTranslation("detail.fraudWarning")), note);
        Button confirm = new Button(getTranslation("detail.reportFraud"), click -> {
            if (Notifications.run(() -> fraudReporter.reportFraud(app.id(), note.getValue()))) {
                dialog.close();
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    /**
     * Something more the current user can do on an application's page that another feature offers
     * (the review feature: export the score sheets). It decides itself whom it shows to, and its
     * services check the caller again.
     */
    public interface DossierAction {
        /** The button or link for the current user on this application's page, if any. */
        java.util.Optional<com.vaadin.flow.component.Component> create(Application app);
    }

    /** Records fraud found in an application; the implementation feature provides it. */
    public interface FraudReporter {
        void reportFraud(long applicationId, String note);

        /** Whether the diagram of the application takes a finding of fraud now (the office may record it). */
        boolean fraudMayBeReported(Application app);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
