package cn.kexie.capability.organisation;

import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelRows;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.City;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
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
import java.util.List;

/**
 * The register (学会名录): the organisations of the user's cities, searchable, paged from the database.
 * 导出 Excel downloads the list as filtered, in the columns the import reads; the office and
 * administrators download the import template and import a filled-in sheet ({@link OrganisationImport}).
 */
@Route("organisations")
@Menu(order = 60, title = "nav.organisations")
@RolesAllowed({Roles.PROGRAMME_OFFICE, Roles.ADMIN, Roles.MANAGER})
public class OrganisationListView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Organisation> grid = new Grid<>(Organisation.class, false);
    final ComboBox<String> city = new ComboBox<>();
    final TextField search = new TextField();
    final ExcelDownload export;
    final Button importButton = new Button();

    public OrganisationListView(OrganisationService service, ProgrammeCatalogue catalogue, CurrentUser currentUser,
            OrganisationImport imports) {
        setSizeFull();
        List<City> cities = catalogue.myCities();
        city.setPlaceholder(getTranslation("organisation.allCities"));
        city.setItems(cities.stream().map(City::code).toList());
        city.setItemLabelGenerator(c -> cityName(cities, c));
        city.setClearButtonVisible(true);
        search.setPlaceholder(getTranslation("organisation.searchPlaceholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("organisation-search");

        grid.addColumn(Organisation::getCode).setHeader(getTranslation("organisation.code")).setAutoWidth(true);
        grid.addColumn(Organisation::getName).setHeader(getTranslation("organisation.name")).setFlexGrow(1);
        grid.addColumn(o -> cityName(cities, o.getCityCode())).setHeader(getTranslation("organisation.city")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("organisation.type." + o.getType().name()))
                .setHeader(getTranslation("organisation.type")).setAutoWidth(true);
        grid.addColumn(o -> o.getRating() == 0 ? "" : o.getRating() + "A")
                .setHeader(getTranslation("organisation.rating")).setAutoWidth(true);
        grid.setItems(query -> service.search(city.getValue(), search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> service.count(city.getValue(), search.getValue()));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(OrganisationEditView.class,
                new RouteParameters("id", String.valueOf(click.getItem().getId())))));
        grid.setSizeFull();

        city.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        Button add = new Button(getTranslation("organisation.new"), click -> getUI().ifPresent(ui ->
                ui.navigate(OrganisationEditView.class, new RouteParameters("id", "new"))));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN));
        add.setId("organisation-new");
        boolean editor = currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN);
        List<City> allCities = catalogue.cities();
        export = new ExcelDownload(getTranslation("organisation.export.file"), () -> {
            String chosenCity = city.getValue();
            String text = search.getValue();
            List<String> filters = new java.util.ArrayList<>();
            if (chosenCity != null) {
                filters.add(getTranslation("organisation.city") + " " + cityName(cities, chosenCity));
            }
            if (text != null && !text.isBlank()) {
                filters.add("“" + text.trim() + "”");
            }
            var table = RegisterSheet.table(RegisterSheet.columns(getLocale(), allCities), getLocale(),
                    getTranslation("organisation.export.title"), ExcelTable.filtersLine(getLocale(), filters));
            return workbook -> workbook.sheet(table,
                    ExcelRows.paged((offset, limit) -> service.search(chosenCity, text, offset, limit)));
        });
        export.setId("organisation-export");
        importButton.setText(getTranslation("organisation.import.button"));
        importButton.setIcon(VaadinIcon.UPLOAD_ALT.create());
        importButton.setId("organisation-import");
        importButton.addClickListener(click -> new OrganisationImportDialog(imports,
                () -> grid.getDataProvider().refreshAll()).open());
        importButton.setVisible(editor);
        HorizontalLayout toolbar = new HorizontalLayout(city, search, add, importButton, export);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(toolbar, grid);
    }

    private String cityName(List<City> cities, String code) {
        return cities.stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.name(getLocale())).orElse(code);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organisations");
    }
}
