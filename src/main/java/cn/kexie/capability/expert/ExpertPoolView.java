package cn.kexie.capability.expert;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.City;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 专家库: the experts of the caller's cities with specialties, affiliation, title, cities served and
 * whether they are in the pool; search by specialty, edit a profile, export the list as Excel (the
 * export is the list the view shows, read through the same service call). {@link ExpertPool} checks
 * who asks and which cities they may change.
 */
@Route("experts")
@Menu(order = 41, title = "nav.expertPool")
@RolesAllowed({Roles.PROGRAMME_OFFICE, Roles.ADMIN})
public class ExpertPoolView extends VerticalLayout implements HasDynamicTitle {

    private final ExpertPool pool;
    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    final TextField search = new TextField();
    final Grid<ExpertPool.Profile> grid = new Grid<>(ExpertPool.Profile.class, false);
    final Paragraph empty = new Paragraph();
    final ExcelDownload export;
    private Map<String, City> cities;

    public ExpertPoolView(ExpertPool pool, OrganisationService organisations, ProgrammeCatalogue catalogue) {
        this.pool = pool;
        this.organisations = organisations;
        this.catalogue = catalogue;
        setSizeFull();
        cities = catalogue.myCities().stream().collect(Collectors.toMap(City::code, c -> c, (a, b) -> a,
                java.util.LinkedHashMap::new));

        search.setPlaceholder(getTranslation("expert.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18em");
        search.setId("expert-search");
        search.addValueChangeListener(change -> refresh());

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ExpertPool.Profile::name).setHeader(getTranslation("expert.name")).setAutoWidth(true);
        grid.addColumn(p -> p.title() == null ? "" : p.title()).setHeader(getTranslation("expert.title")).setAutoWidth(true);
        grid.addColumn(ExpertPool.Profile::affiliation).setHeader(getTranslation("expert.affiliation")).setFlexGrow(1);
        grid.addColumn(p -> String.join("、", p.specialties())).setHeader(getTranslation("expert.specialties")).setFlexGrow(1);
        grid.addColumn(this::citiesText).setHeader(getTranslation("expert.cities")).setAutoWidth(true);
        grid.addColumn(this::status).setHeader(getTranslation("expert.status")).setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Button edit = new Button(getTranslation("expert.edit"), click -> edit(p));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();

        export = new ExcelDownload(getTranslation("expert.export.file"), () -> {
            String filter = search.getValue();
            return workbook -> workbook.sheet(table(workbook.locale()), pool.list(filter));
        });
        export.setId("export-experts");

        Paragraph help = new Paragraph(getTranslation("expert.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout bar = new HorizontalLayout(search, export);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(bar, help, empty, grid);
        refresh();
    }

    void refresh() {
        List<ExpertPool.Profile> profiles = pool.list(search.getValue());
        grid.setItems(profiles);
        empty.setText(getTranslation(search.getValue().isBlank() ? "expert.none" : "expert.noneFound"));
        empty.setVisible(profiles.isEmpty());
        grid.setVisible(!profiles.isEmpty());
    }

    /** The cities served, in the catalogue's order. */
    String citiesText(ExpertPool.Profile p) {
        return cities.values().stream().filter(c -> p.cities().contains(c.code())).map(c -> c.name(getLocale()))
                .collect(Collectors.joining("、"));
    }

    String status(ExpertPool.Profile p) {
        return getTranslation(statusKey(p));
    }

    /** 未建档, 暂停, 不服务本市 (in the pool, but for none of the reader's cities) or 在库. */
    static String statusKey(ExpertPool.Profile p) {
        return !p.filed() ? "expert.status.unfiled" : !p.active() ? "expert.status.paused"
                : p.cities().isEmpty() ? "expert.status.notServing" : "expert.status.active";
    }

    private ExcelTable<ExpertPool.Profile> table(Locale locale) {
        Function<ExpertPool.Profile, String> citiesOf = p -> cities.values().stream().filter(c -> p.cities().contains(c.code()))
                .map(c -> c.name(locale)).collect(Collectors.joining("、"));
        return ExcelTable.<ExpertPool.Profile>titled(Messages.get(locale, "expert.export.title"))
                .text(Messages.get(locale, "expert.name"), ExpertPool.Profile::name)
                .text(Messages.get(locale, "expert.title"), p -> p.title() == null ? "" : p.title())
                .text(Messages.get(locale, "expert.affiliation"), ExpertPool.Profile::affiliation)
                .text(Messages.get(locale, "expert.specialties"), p -> String.join("、", p.specialties()))
                .text(Messages.get(locale, "expert.cities"), citiesOf)
                .text(Messages.get(locale, "expert.status"), p -> Messages.get(locale, statusKey(p)));
    }

    /** The profile's dialog: every field at once, saved in one go or not at all. */
    EditDialog edit(ExpertPool.Profile profile) {
        EditDialog dialog = new EditDialog(profile);
        dialog.open();
        return dialog;
    }

    final class EditDialog extends Dialog {

        final TextField title = new TextField();
        final ComboBox<Organisation> organisation = new ComboBox<>();
        final TextField affiliationText = new TextField();
        final TextField specialties = new TextField();
        final CheckboxGroup<City> servedCities = new CheckboxGroup<>();
        final Checkbox active = new Checkbox();
        final Div problems = new Div();
        final Button save = new Button();

        EditDialog(ExpertPool.Profile profile) {
            setHeaderTitle(getTranslation("expert.edit.title", profile.name()));
            title.setLabel(getTranslation("expert.title"));
            title.setValue(profile.title() == null ? "" : profile.title());
            organisation.setLabel(getTranslation("expert.affiliation.organisation"));
            List<Organisation> orgs = organisations.search(null, "", 0, 2000);
            organisation.setItems(orgs);
            organisation.setItemLabelGenerator(Organisation::getName);
            organisation.setClearButtonVisible(true);
            organisation.setHelperText(getTranslation("expert.affiliation.organisationHelp"));
            orgs.stream().filter(o -> o.getId().equals(profile.affiliationOrgId())).findFirst().ifPresent(organisation::setValue);
            affiliationText.setLabel(getTranslation("expert.affiliation.text"));
            affiliationText.setValue(profile.affiliationOrgId() == null && profile.affiliationText() != null
                    ? profile.affiliationText() : "");
            // an organisation of another city keeps its name, as the office cannot choose it
            if (profile.affiliationOrgId() != null && organisation.isEmpty()) {
                affiliationText.setValue(profile.affiliationName() == null ? "" : profile.affiliationName());
                affiliationText.setReadOnly(true);
            }
            organisation.addValueChangeListener(change -> affiliationText.setEnabled(change.getValue() == null));
            affiliationText.setEnabled(organisation.isEmpty());
            specialties.setLabel(getTranslation("expert.specialties"));
            specialties.setHelperText(getTranslation("expert.specialties.help"));
            specialties.setValue(String.join("、", profile.specialties()));
            specialties.setRequiredIndicatorVisible(true);
            servedCities.setLabel(getTranslation("expert.cities"));
            servedCities.setItems(cities.values());
            servedCities.setItemLabelGenerator(c -> c.name(getLocale()));
            servedCities.setValue(cities.values().stream().filter(c -> profile.cities().contains(c.code()))
                    .collect(Collectors.toSet()));
            active.setLabel(getTranslation("expert.active"));
            active.setValue(!profile.filed() || profile.active());
            problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
            problems.setVisible(false);
            FormLayout form = new FormLayout(title, specialties, organisation, affiliationText, servedCities, active);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
            add(form, problems);
            save.setText(getTranslation("expert.save"));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("expert-save");
            save.addClickListener(click -> save(profile));
            getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
            setWidth("46em");
        }

        void save(ExpertPool.Profile profile) {
            Set<String> chosen = servedCities.getValue().stream().map(City::code).collect(Collectors.toSet());
            Organisation org = organisation.getValue();
            Long orgId = org != null ? org.getId() : affiliationText.isReadOnly() ? profile.affiliationOrgId() : null;
            try {
                pool.save(new ExpertPool.Edit(profile.expertId(), title.getValue(), orgId, affiliationText.getValue(),
                        ExpertPool.split(specialties.getValue()), chosen, active.getValue()));
            } catch (UserError refused) {
                problems.setText(Messages.describe(getLocale(), refused));
                problems.setVisible(true);
                return;
            }
            close();
            Notifications.success(getTranslation("expert.saved", profile.name()));
            refresh();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.expertPool");
    }
}
