package cn.kexie.capability.application;

import cn.kexie.capability.document.PdfDownload;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelRows;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * All applications of a programme's calls, filtered by call, category, status or text; paged from the
 * database. 导出 Excel downloads the list as filtered, through the same search, so it holds exactly the
 * rows the grid shows this user.
 */
@Route("applications")
@Menu(order = 30, title = "nav.applications")
@RolesAllowed({Roles.PROGRAMME_OFFICE, Roles.ADMIN, Roles.MANAGER, Roles.PARTY_GROUP, Roles.LEADING_GROUP, Roles.FINANCE})
public class ApplicationListView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<Programme> programme = new ComboBox<>();
    final ComboBox<Call> call = new ComboBox<>();
    final ComboBox<Category> category = new ComboBox<>();
    final ComboBox<String> status = new ComboBox<>();
    final TextField text = new TextField();
    final Grid<Application> grid = new Grid<>(Application.class, false);
    /** The chosen call's result list (年度立项/获奖名单) as a PDF; shown once a call is chosen. */
    final Div resultList = new Div();
    private final ApplicationDocuments documents;
    final ExcelDownload export;
    private final ProgrammeCatalogue catalogue;

    public ApplicationListView(ApplicationService applications, ProgrammeCatalogue catalogue, ApplicationDocuments documents) {
        this.documents = documents;
        this.catalogue = catalogue;
        setSizeFull();
        programme.setPlaceholder(getTranslation("application.programme"));
        programme.setItems(catalogue.programmesOfMyCities());
        programme.setItemLabelGenerator(p -> p.name(getLocale()));
        programme.setClearButtonVisible(true);
        programme.setWidth("18em");
        call.setPlaceholder(getTranslation("catalogue.call"));
        call.setItemLabelGenerator(c -> String.valueOf(c.year()));
        call.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("application.category"));
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setClearButtonVisible(true);
        status.setPlaceholder(getTranslation("application.status"));
        // every status a diagram may set is an ApplicationStatus: the filter offers them all
        status.setItems(java.util.Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList());
        status.setItemLabelGenerator(s -> DossierPanel.statusLabel(this, s));
        status.setClearButtonVisible(true);
        text.setPlaceholder(getTranslation("applications.search"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        programme.addValueChangeListener(change -> {
            Programme p = change.getValue();
            call.clear();
            category.clear();
            call.setItems(p == null ? java.util.List.of() : catalogue.calls(p.code()));
            category.setItems(p == null ? java.util.List.of() : catalogue.categories(p.code()));
            grid.getDataProvider().refreshAll();
        });
        call.addValueChangeListener(change -> {
            showResultList(change.getValue());
            grid.getDataProvider().refreshAll();
        });
        category.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        text.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addColumn(Application::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
        grid.addColumn(Application::organisationName).setHeader(getTranslation("application.organisation")).setAutoWidth(true);
        grid.addColumn(Application::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
        grid.addColumn(a -> catalogue.category(a.programmeCode(), a.categoryCode()).map(c -> c.name(getLocale()))
                .orElse(a.categoryCode())).setHeader(getTranslation("application.category")).setAutoWidth(true);
        grid.addColumn(a -> DossierPanel.statusLabel(this, a.status())).setHeader(getTranslation("application.status")).setAutoWidth(true);
        grid.addColumn(a -> a.panelScore() == null ? "" : a.panelScore().toPlainString())
                .setHeader(getTranslation("application.panelScore")).setAutoWidth(true);
        grid.setItems(query -> applications.search(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> applications.count(filter()));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ApplicationDetailView.class,
                new RouteParameters("id", String.valueOf(click.getItem().id())))));
        grid.setSizeFull();
        export = new ExcelDownload(getTranslation("applications.export.file"), () -> {
            ApplicationFilter current = filter();
            ExcelTable<Application> table = table(getLocale(), describe());
            return workbook -> workbook.sheet(table,
                    ExcelRows.paged((offset, limit) -> applications.search(current, offset, limit)));
        });
        HorizontalLayout filters = new HorizontalLayout(programme, call, category, status, text, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        resultList.setId("result-list");
        resultList.setVisible(false);
        add(filters, resultList, grid);
    }

    private void showResultList(Call chosen) {
        resultList.removeAll();
        resultList.setVisible(chosen != null);
        if (chosen != null) {
            long callId = chosen.id();
            Anchor link = PdfDownload.anchor(getTranslation("document.resultList"),
                    ApplicationDocuments.resultListFileName(chosen), () -> documents.resultList(callId));
            Span help = new Span("  " + getTranslation("document.resultListHelp"));
            help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            resultList.add(link, help);
        }
    }

    ApplicationFilter filter() {
        return new ApplicationFilter(programme.getValue() == null ? null : programme.getValue().code(),
                call.getValue() == null ? null : call.getValue().id(),
                category.getValue() == null ? null : category.getValue().code(), status.getValue(), text.getValue());
    }

    /** The exported list: the grid's columns, with the programme, year and day of submission besides. */
    ExcelTable<Application> table(Locale locale, String filters) {
        return ExcelTable.<Application>titled(Messages.get(locale, "applications.export.title"))
                .subtitle(filters)
                .text(Messages.get(locale, "application.number"), Application::number)
                .text(Messages.get(locale, "application.programme"),
                        a -> catalogue.programme(a.programmeCode()).map(p -> p.name(locale)).orElse(a.programmeCode()))
                .integer(Messages.get(locale, "catalogue.year"), Application::callYear)
                .text(Messages.get(locale, "application.category"), a -> catalogue.category(a.programmeCode(), a.categoryCode())
                        .map(c -> c.name(locale)).orElse(a.categoryCode()))
                .text(Messages.get(locale, "application.organisation"), Application::organisationName)
                .text(Messages.get(locale, "application.field.title"), Application::title)
                .text(Messages.get(locale, "application.status"), a -> statusText(locale, a.status()))
                .date(Messages.get(locale, "applications.export.submittedOn"),
                        a -> a.submittedAt() == null ? null : LocalDate.ofInstant(a.submittedAt(), PlatformClock.ZONE))
                .score(Messages.get(locale, "application.panelScore"), Application::panelScore);
    }

    private static String statusText(Locale locale, String status) {
        return ApplicationStatus.label(locale, status);
    }

    /** The filters as the line under the export's title. */
    private String describe() {
        List<String> parts = new ArrayList<>();
        if (programme.getValue() != null) {
            parts.add(getTranslation("application.programme") + " " + programme.getValue().name(getLocale()));
        }
        if (call.getValue() != null) {
            parts.add(getTranslation("catalogue.year") + " " + call.getValue().year());
        }
        if (category.getValue() != null) {
            parts.add(getTranslation("application.category") + " " + category.getValue().name(getLocale()));
        }
        if (status.getValue() != null) {
            parts.add(getTranslation("application.status") + " " + DossierPanel.statusLabel(this, status.getValue()));
        }
        if (text.getValue() != null && !text.getValue().isBlank()) {
            parts.add("“" + text.getValue().trim() + "”");
        }
        return ExcelTable.filtersLine(getLocale(), parts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.applications");
    }
}
