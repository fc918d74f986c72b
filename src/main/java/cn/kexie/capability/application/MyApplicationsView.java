package cn.kexie.capability.application;

import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The applicant's applications with the state of each; a new one in an open call of its city. */
@Route("my-applications")
@Menu(order = 20, title = "nav.myApplications")
@RolesAllowed(Roles.APPLICANT)
public class MyApplicationsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(cn.kexie.capability.common.PlatformClock.ZONE);

    private final ApplicationService applications;
    private final ProgrammeCatalogue catalogue;
    private final OrganisationService organisations;
    private final EligibilityPrecheck precheck;
    final Grid<Application> grid = new Grid<>(Application.class, false);
    final Button create = new Button();

    public MyApplicationsView(ApplicationService applications, ProgrammeCatalogue catalogue, OrganisationService organisations,
            EligibilityPrecheck precheck) {
        this.precheck = precheck;
        this.applications = applications;
        this.catalogue = catalogue;
        this.organisations = organisations;
        setSizeFull();
        create.setText(getTranslation("myApplications.new"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> openNew());
        grid.addColumn(Application::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
        grid.addColumn(Application::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
        grid.addColumn(a -> catalogue.category(a.programmeCode(), a.categoryCode()).map(c -> c.name(getLocale()))
                .orElse(a.categoryCode())).setHeader(getTranslation("application.category")).setAutoWidth(true);
        grid.addColumn(a -> DossierPanel.statusLabel(this, a.status())).setHeader(getTranslation("application.status")).setAutoWidth(true);
        grid.addColumn(a -> a.submittedAt() == null ? "" : DAY.format(a.submittedAt()))
                .setHeader(getTranslation("application.submittedAt")).setAutoWidth(true);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("application.mine.empty"));
        grid.setItems(applications.mine());
        add(create, grid);
    }

    void open(Application app) {
        getUI().ifPresent(ui -> ui.navigate(ApplicationDetailView.class, new RouteParameters("id", String.valueOf(app.id()))));
    }

    /** The open calls of the organisation's city and, per call, the categories still accepting applications. */
    List<Call> openCalls() {
        Organisation org = organisations.mine().orElse(null);
        if (org == null) {
            return List.of();
        }
        return catalogue.openCalls().stream()
                .filter(c -> catalogue.programme(c.programmeCode()).map(Programme::cityCode).orElse("").equals(org.getCityCode()))
                .toList();
    }

    void openNew() {
        List<Call> calls = openCalls();
        Dialog dialog = new Dialog(getTranslation("myApplications.new"));
        if (calls.isEmpty()) {
            dialog.add(new Paragraph(getTranslation("myApplications.noOpenCall")));
            dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()));
            dialog.open();
            return;
        }
        Select<Call> call = new Select<>();
        call.setLabel(getTranslation("catalogue.call"));
        call.setItems(calls);
        call.setItemLabelGenerator(c -> c.title());
        Select<Category> category = new Select<>();
        category.setLabel(getTranslation("application.category"));
        AtomicReference<List<CallCategory>> offered = new AtomicReference<>(List.of());
        category.setItemLabelGenerator(c -> {
            String deadline = offered.get().stream().filter(o -> o.categoryCode().equals(c.code())).findFirst()
                    .map(o -> o.deadline().toString()).orElse("");
            return c.name(getLocale()) + "（" + getTranslation("myApplications.deadline", deadline) + "）";
        });
        call.addValueChangeListener(change -> {
            Call c = change.getValue();
            java.time.LocalDate today = cn.kexie.capability.common.PlatformClock.today();
            offered.set(catalogue.callCategories(c.id()).stream().filter(cc -> cc.acceptsOn(today)).toList());
            category.setItems(catalogue.categories(c.programmeCode()).stream()
                    .filter(cat -> offered.get().stream().anyMatch(o -> o.categoryCode().equals(cat.code()))).toList());
        });
        call.setValue(calls.get(0));
        TextField title = new TextField(getTranslation("application.field.title"));
        title.setMaxLength(ApplicationService.MAX_TITLE);
        title.setWidthFull();
        com.vaadin.flow.component.html.Div verdict = new com.vaadin.flow.component.html.Div();
        verdict.addClassName("eligibility-precheck");
        verdict.setVisible(false);
        category.addValueChangeListener(change -> showPrecheck(verdict, call.getValue(), change.getValue()));
        dialog.add(new FormLayout(call, category, title), verdict);
        Button start = new Button(getTranslation("myApplications.start"), click -> {
            if (category.getValue() == null) {
                Notifications.error(getTranslation("myApplications.chooseCategory"));
                return;
            }
            AtomicReference<Application> created = new AtomicReference<>();
            if (Notifications.run(() -> created.set(applications.start(call.getValue().id(), category.getValue().code(),
                    title.getValue())))) {
                dialog.close();
                open(created.get());
            }
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), start);
        dialog.open();
    }

    /** 资格预审: what the eligibility table says of the organisation's register before the form is filled. */
    private void showPrecheck(com.vaadin.flow.component.html.Div verdict, Call call, Category category) {
        verdict.removeAll();
        if (call == null || category == null) {
            verdict.setVisible(false);
            return;
        }
        AtomicReference<List<String>> reasons = new AtomicReference<>();
        if (!Notifications.run(() -> reasons.set(precheck.reasons(call.id(), category.code())))) {
            verdict.setVisible(false);
            return;
        }
        boolean clear = reasons.get().isEmpty();
        verdict.getStyle().set("padding", "0.5em 0.75em").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", clear ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)")
                .set("color", clear ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        verdict.add(new com.vaadin.flow.component.html.Span(getTranslation(
                clear ? "myApplications.precheck.clear" : "myApplications.precheck.refused")));
        if (!clear) {
            com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
            reasons.get().forEach(reason -> list.add(new com.vaadin.flow.component.html.ListItem(reason)));
            verdict.add(list);
        }
        verdict.add(new com.vaadin.flow.component.html.Paragraph(getTranslation("myApplications.precheck.note")));
        verdict.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.myApplications");
    }
}
