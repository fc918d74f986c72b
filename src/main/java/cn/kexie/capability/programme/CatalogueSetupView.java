package cn.kexie.capability.programme;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.CatalogueSetup.CategorySetup;
import cn.kexie.capability.programme.CatalogueSetup.CitySetup;
import cn.kexie.capability.programme.CatalogueSetup.FieldSetup;
import cn.kexie.capability.programme.CatalogueSetup.ProgrammeSetup;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an administrator adds a city or a programme at run time: the city (an engine tenant at
 * once, with the staff who work for it), the programme with the keys of its diagrams and decision
 * tables (deployed from Camunda Modeler), its categories and the facts its application form asks
 * for. A refusal marks each wrong field with its reason; nothing is saved until all is right.
 * The yearly calls, deadlines, numbers of awards and amounts stay in the programme catalogue.
 */
@Route("catalogue/setup")
@Menu(order = 81, title = "nav.catalogueSetup")
@RolesAllowed(Roles.ADMIN)
public class CatalogueSetupView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogueSetup setup;
    private final ProgrammeCatalogue catalogue;
    final Grid<City> cities = new Grid<>(City.class, false);
    final Grid<Programme> programmes = new Grid<>(Programme.class, false);
    final Button addCity = new Button();
    final Button addProgramme = new Button();

    public CatalogueSetupView(CatalogueSetup setup, ProgrammeCatalogue catalogue) {
        this.setup = setup;
        this.catalogue = catalogue;
        Paragraph intro = new Paragraph(getTranslation("setup.intro"));
        intro.getStyle().set("max-width", "60em");

        cities.addColumn(City::nameZh).setHeader(getTranslation("setup.city.nameZh")).setAutoWidth(true);
        cities.addColumn(City::nameEn).setHeader(getTranslation("setup.city.nameEn")).setFlexGrow(1);
        cities.addComponentColumn(c -> new Button(getTranslation("common.edit"), click -> openCity(c))).setAutoWidth(true);
        cities.setAllRowsVisible(true);
        addCity.setText(getTranslation("setup.addCity"));
        addCity.addClickListener(click -> openCity(null));

        programmes.addColumn(p -> p.name(getLocale())).setHeader(getTranslation("setup.column.name")).setFlexGrow(3)
                .setTooltipGenerator(p -> p.name(getLocale()));
        programmes.addColumn(p -> cityName(p.cityCode())).setHeader(getTranslation("setup.column.city")).setAutoWidth(true);
        programmes.addColumn(p -> getTranslation("setup.kind." + p.kind())).setHeader(getTranslation("setup.column.kind"))
                .setAutoWidth(true);
        Map<String, String> processNames = setup.deployedProcesses();
        Map<String, String> decisionNames = setup.deployedDecisions();
        programmes.addColumn(p -> p.projectProcessKey() == null ? getTranslation("setup.none")
                : processNames.getOrDefault(p.projectProcessKey(), p.projectProcessKey()))
                .setHeader(getTranslation("setup.column.process")).setFlexGrow(2)
                .setTooltipGenerator(p -> p.projectProcessKey() == null ? null
                        : processNames.getOrDefault(p.projectProcessKey(), p.projectProcessKey()));
        programmes.addColumn(p -> String.join("；", java.util.stream.Stream.of(p.eligibilityDecisionKey(), p.scoringDecisionKey(),
                p.sanctionDecisionKey()).filter(k -> k != null).map(k -> decisionNames.getOrDefault(k, k)).toList()))
                .setHeader(getTranslation("setup.column.tables")).setFlexGrow(2)
                .setTooltipGenerator(p -> String.join("\n", java.util.stream.Stream.of(p.eligibilityDecisionKey(),
                        p.scoringDecisionKey(), p.sanctionDecisionKey()).filter(k -> k != null)
                        .map(k -> decisionNames.getOrDefault(k, k)).toList()));
        programmes.addColumn(Programme::publicityWorkingDays).setHeader(getTranslation("setup.programme.publicityDays"))
                .setAutoWidth(true);
        programmes.addColumn(p -> catalogue.categories(p.code()).size()).setHeader(getTranslation("setup.column.categories"))
                .setAutoWidth(true);
        programmes.addColumn(p -> defaultsText(catalogue.settings(p.code()))).setHeader(getTranslation("setup.column.defaults"))
                .setAutoWidth(true);
        programmes.addComponentColumn(p -> {
                    Button edit = new Button(getTranslation("common.edit"), click -> openProgramme(p.code()));
                    Button settings = new Button(getTranslation("setup.settings.edit"), click -> openSettings(p));
                    edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    settings.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    HorizontalLayout actions = new HorizontalLayout(edit, settings);
                    actions.setSpacing(false);
                    actions.getStyle().set("gap", "var(--lumo-space-xs)");
                    return actions;
                })
                .setAutoWidth(true).setFlexGrow(0);
        programmes.setAllRowsVisible(true);
        addProgramme.setText(getTranslation("setup.addProgramme"));
        addProgramme.addClickListener(click -> openProgramme(null));

        add(intro, new H3(getTranslation("setup.cities")), cities, addCity, new H3(getTranslation("setup.programmes")),
                programmes, addProgramme);
        refresh();
    }

    private void refresh() {
        cities.setItems(catalogue.cities());
        programmes.setItems(catalogue.programmes());
    }

    private String cityName(String code) {
        return catalogue.cities().stream().filter(c -> c.code().equals(code)).map(c -> c.name(getLocale())).findFirst().orElse(code);
    }

    // ------------------------------------------------------------------ city

    /** The city dialog's parts, for tests that drive it. */
    record CityDialog(Dialog dialog, TextField code, TextField nameZh, TextField nameEn, MultiSelectComboBox<String> staff,
            Button save) {
    }

    CityDialog openCity(City city) {
        boolean creating = city == null;
        Dialog dialog = new Dialog(getTranslation(creating ? "setup.addCity" : "setup.editCity"));
        TextField code = text("setup.city.code", creating ? "" : city.code(), 40);
        code.setHelperText(getTranslation("setup.city.codeHelp"));
        code.setReadOnly(!creating);
        TextField nameZh = text("setup.city.nameZh", creating ? "" : city.nameZh(), CatalogueSetup.MAX_CITY_NAME);
        TextField nameEn = text("setup.city.nameEn", creating ? "" : city.nameEn(), CatalogueSetup.MAX_CITY_NAME);
        Map<String, String> staffNames = setup.staffUsers();
        MultiSelectComboBox<String> staff = new MultiSelectComboBox<>(getTranslation("setup.city.staff"));
        staff.setItems(staffNames.keySet());
        staff.setItemLabelGenerator(id -> staffNames.getOrDefault(id, id) + "（" + id + "）");
        staff.setHelperText(getTranslation("setup.city.staffHelp"));
        staff.setWidthFull();
        if (!creating) {
            staff.setValue(new LinkedHashSet<>(setup.staffOf(city.code())));
        }
        FormLayout form = new FormLayout(code, nameZh, nameEn, staff);
        form.setColspan(staff, 2);
        form.setWidth("40em");
        dialog.add(form);
        Button save = new Button(getTranslation("common.save"), click -> {
            List<HasValidation> all = List.of(code, nameZh, nameEn, staff);
            if (Notifications.run(() -> {
                clear(all);
                try {
                    setup.saveCity(new CitySetup(code.getValue(), nameZh.getValue(), nameEn.getValue(),
                            new ArrayList<>(staff.getValue())), creating);
                } catch (UserError refused) {
                    for (UserError.Problem problem : refused.problems()) {
                        HasValidation field = switch (problem.key()) {
                            case "setup.error.cityCode", "setup.error.cityExists", "setup.error.unknownCity" -> code;
                            case "setup.error.cityNameZh", "setup.error.cityNameTaken" -> nameZh;
                            case "setup.error.cityNameEn" -> nameEn;
                            case "setup.error.unknownStaff" -> staff;
                            default -> null;
                        };
                        mark(field, problem);
                    }
                    throw refused;
                }
                refresh();
                Notifications.success(getTranslation("common.saved"));
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
        return new CityDialog(dialog, code, nameZh, nameEn, staff, save);
    }

    // ------------------------------------------------------------------ settings the policy leaves open

    private String defaultsText(ProgrammeSettings settings) {
        return ProgrammeSettings.SETTINGS.stream().filter(settings::isDefault)
                .map(s -> getTranslation("setup.setting." + s)).reduce((x, y) -> x + "、" + y).orElse("");
    }

    /** The settings dialog's parts, for tests that drive it. */
    record SettingsDialog(Dialog dialog, IntegerField days, IntegerField months, MultiSelectComboBox<String> bodies,
            TextField assessmentDay, com.vaadin.flow.component.checkbox.CheckboxGroup<String> defaults, Button save) {
    }

    SettingsDialog openSettings(Programme programme) {
        ProgrammeSettings current = catalogue.settings(programme.code());
        Dialog dialog = new Dialog(getTranslation("setup.settings") + " · " + programme.name(getLocale()));
        IntegerField days = new IntegerField(getTranslation("setup.settings.publicityDays"));
        days.setValue(current.publicityWorkingDays());
        days.setMin(1);
        days.setMax(60);
        days.setStepButtonsVisible(true);
        IntegerField months = new IntegerField(getTranslation("setup.settings.midtermMonths"));
        months.setValue(current.midtermMonths());
        months.setMin(1);
        months.setMax(36);
        months.setStepButtonsVisible(true);
        months.setHelperText(getTranslation("setup.settings.midtermHelp"));
        MultiSelectComboBox<String> bodies = new MultiSelectComboBox<>(getTranslation("setup.settings.approvingBodies"));
        bodies.setItems(ProgrammeSettings.BODIES);
        bodies.setItemLabelGenerator(b -> getTranslation("approval.body." + b));
        bodies.setValue(new LinkedHashSet<>(current.approvingBodies()));
        bodies.setWidthFull();
        TextField assessmentDay = text("setup.settings.assessmentDay", current.yearEndAssessmentDay(), 5);
        assessmentDay.setHelperText(getTranslation("setup.settings.assessmentDayHelp"));
        assessmentDay.setPlaceholder("12-01");
        com.vaadin.flow.component.checkbox.CheckboxGroup<String> defaults = new com.vaadin.flow.component.checkbox.CheckboxGroup<>(
                getTranslation("setup.settings.defaults"));
        // only what is still a default can stay one: a decided setting does not become a default again
        defaults.setItems(ProgrammeSettings.SETTINGS.stream().filter(current::isDefault).toList());
        defaults.setItemLabelGenerator(s -> getTranslation("setup.setting." + s));
        defaults.setValue(new LinkedHashSet<>(current.defaults()));
        defaults.setHelperText(getTranslation("setup.settings.defaultsHelp"));
        defaults.setVisible(!current.defaults().isEmpty());
        FormLayout form = new FormLayout(days, months, bodies, assessmentDay, defaults);
        form.setColspan(bodies, 2);
        form.setColspan(defaults, 2);
        form.setWidth("44em");
        dialog.add(form);
        Button save = new Button(getTranslation("common.save"), click -> {
            List<HasValidation> all = List.of(days, months, bodies, assessmentDay);
            if (Notifications.run(() -> {
                clear(all);
                // bodies in the catalogue's order, as the meetings follow one another
                List<String> chosen = ProgrammeSettings.BODIES.stream().filter(bodies.getValue()::contains).toList();
                try {
                    setup.saveSettings(programme.code(), new ProgrammeSettings(days.getValue() == null ? 0 : days.getValue(),
                            months.getValue() == null ? 0 : months.getValue(), chosen, assessmentDay.getValue(),
                            defaults.getValue()));
                } catch (UserError refused) {
                    for (UserError.Problem problem : refused.problems()) {
                        mark(switch (problem.key()) {
                            case "setup.error.publicityDays" -> days;
                            case "setup.error.midtermMonths" -> months;
                            case "setup.error.approvingBody", "setup.error.approvingBodyTwice" -> bodies;
                            case "setup.error.assessmentDay" -> assessmentDay;
                            default -> null;
                        }, problem);
                    }
                    throw refused;
                }
                refresh();
                Notifications.success(getTranslation("setup.settings.saved", programme.name(getLocale())));
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
        return new SettingsDialog(dialog, days, months, bodies, assessmentDay, defaults, save);
    }

    // ------------------------------------------------------------------ programme

    /** One category's row in the programme dialog. */
    final class CategoryRow extends HorizontalLayout {
        final TextField code = text("setup.category.code", "", 40);
        final TextField nameZh = text("setup.category.nameZh", "", CatalogueSetup.MAX_NAME);
        final TextField nameEn = text("setup.category.nameEn", "", CatalogueSetup.MAX_NAME);
        final TextField quota = text("setup.category.quota", "", 40);
        final Select<String> confirms = new Select<>();

        CategoryRow(CategorySetup value) {
            confirms.setLabel(getTranslation("setup.category.confirms"));
            confirms.setItems(CatalogueSetup.CONFIRMING_GROUPS);
            confirms.setEmptySelectionAllowed(true);
            confirms.setEmptySelectionCaption(getTranslation("setup.none"));
            confirms.setItemLabelGenerator(group -> group == null ? getTranslation("setup.none")
                    : getTranslation("task.group." + group));
            if (value != null) {
                code.setValue(nullAsEmpty(value.code()));
                nameZh.setValue(nullAsEmpty(value.nameZh()));
                nameEn.setValue(nullAsEmpty(value.nameEn()));
                quota.setValue(value.quotaCode() == null || value.quotaCode().equals(value.code()) ? "" : value.quotaCode());
                confirms.setValue(value.confirmationGroup());
            }
            code.setWidth("11em");
            quota.setWidth("11em");
            confirms.setWidth("10em");
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(code, nameZh, nameEn, quota, confirms);
        }

        CategorySetup value() {
            return new CategorySetup(code.getValue(), nameZh.getValue(), nameEn.getValue(), quota.getValue(), confirms.getValue());
        }

        List<HasValidation> fields() {
            return List.of(code, nameZh, nameEn, quota, confirms);
        }
    }

    /** One declared field's row in the programme dialog. */
    final class FieldRow extends HorizontalLayout {
        final Select<String> category = new Select<>();
        final TextField name = text("setup.field.name", "", 60);
        final Select<String> type = new Select<>();
        final TextField labelZh = text("setup.field.labelZh", "", CatalogueSetup.MAX_NAME);
        final TextField labelEn = text("setup.field.labelEn", "", CatalogueSetup.MAX_NAME);
        final Checkbox required = new Checkbox(getTranslation("setup.field.required"));

        FieldRow(FieldSetup value, List<String> categoryCodes, java.util.function.Function<String, String> categoryName) {
            category.setLabel(getTranslation("setup.field.category"));
            category.setItemLabelGenerator(code -> CatalogueSetup.EVERY_CATEGORY.equals(code)
                    ? getTranslation("setup.field.everyCategory") : categoryName.apply(code));
            categories(categoryCodes);
            type.setLabel(getTranslation("setup.field.type"));
            type.setItems(java.util.Arrays.stream(DeclaredField.Type.values()).map(Enum::name).toList());
            type.setItemLabelGenerator(t -> getTranslation("setup.field.type." + t));
            category.setValue(value == null ? CatalogueSetup.EVERY_CATEGORY : value.categoryCode());
            if (value != null) {
                name.setValue(nullAsEmpty(value.name()));
                type.setValue(value.type());
                labelZh.setValue(nullAsEmpty(value.labelZh()));
                labelEn.setValue(nullAsEmpty(value.labelEn()));
                required.setValue(value.required());
            } else {
                type.setValue(DeclaredField.Type.BOOLEAN.name());
            }
            category.setWidth("11em");
            type.setWidth("7em");
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(category, name, type, labelZh, labelEn, required);
        }

        void categories(List<String> codes) {
            String chosen = category.getValue();
            List<String> items = new ArrayList<>();
            items.add(CatalogueSetup.EVERY_CATEGORY);
            items.addAll(codes);
            if (chosen != null && !items.contains(chosen)) {
                items.add(chosen);
            }
            category.setItems(items);
            category.setValue(chosen);
        }

        FieldSetup value() {
            return new FieldSetup(category.getValue(), name.getValue(), type.getValue(), labelZh.getValue(), labelEn.getValue(),
                    required.getValue());
        }

        List<HasValidation> fields() {
            return List.of(category, name, type, labelZh, labelEn);
        }
    }

    /** The programme dialog's parts, for tests that drive it. */
    record ProgrammeDialog(Dialog dialog, TextField code, Select<String> city, TextField nameZh, TextField nameEn,
            ComboBox<String> projectProcess, ComboBox<String> scoring, List<CategoryRow> categories, List<FieldRow> fields,
            Button addCategory, Button addField, Button save) {
    }

    ProgrammeDialog openProgramme(String programmeCode) {
        boolean creating = programmeCode == null;
        ProgrammeSetup value = creating ? null : setup.programme(programmeCode);
        Dialog dialog = new Dialog(getTranslation(creating ? "setup.addProgramme" : "setup.editProgramme"));
        dialog.setWidth("min(96vw, 78em)");
        TextField code = text("setup.programme.code", creating ? "" : value.code(), 40);
        code.setHelperText(getTranslation("setup.programme.codeHelp"));
        code.setReadOnly(!creating);
        Select<String> city = new Select<>();
        city.setLabel(getTranslation("setup.programme.city"));
        city.setItems(catalogue.cities().stream().map(City::code).toList());
        city.setItemLabelGenerator(this::cityName);
        TextField nameZh = text("setup.programme.nameZh", creating ? "" : value.nameZh(), CatalogueSetup.MAX_NAME);
        TextField nameEn = text("setup.programme.nameEn", creating ? "" : value.nameEn(), CatalogueSetup.MAX_NAME);
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("setup.programme.kind"));
        kind.setItems(CatalogueSetup.KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("setup.kind." + k));
        Map<String, String> processKeys = setup.deployedProcesses();
        Map<String, String> decisionKeys = setup.deployedDecisions();
        ComboBox<String> projectProcess = key("setup.programme.projectProcess", processKeys, creating ? null : value.projectProcessKey());
        ComboBox<String> callProcess = key("setup.programme.callProcess", processKeys, creating ? null : value.callProcessKey());
        ComboBox<String> eligibility = key("setup.programme.eligibility", decisionKeys, creating ? null : value.eligibilityDecisionKey());
        ComboBox<String> scoring = key("setup.programme.scoring", decisionKeys, creating ? null : value.scoringDecisionKey());
        ComboBox<String> sanction = key("setup.programme.sanction", decisionKeys, creating ? null : value.sanctionDecisionKey());
        IntegerField days = new IntegerField(getTranslation("setup.programme.publicityDays"));
        days.setMin(1);
        days.setMax(60);
        days.setStepButtonsVisible(true);
        if (creating) {
            kind.setValue("AWARD");
            days.setValue(5);
        } else {
            city.setValue(value.cityCode());
            kind.setValue(value.kind());
            days.setValue(value.publicityWorkingDays());
        }
        FormLayout form = new FormLayout(code, city, nameZh, nameEn, kind, days, projectProcess, callProcess, eligibility,
                scoring, sanction);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));

        VerticalLayout categoryRows = new VerticalLayout();
        categoryRows.setPadding(false);
        categoryRows.setSpacing(false);
        VerticalLayout fieldRows = new VerticalLayout();
        fieldRows.setPadding(false);
        fieldRows.setSpacing(false);
        List<CategoryRow> categoryList = new ArrayList<>();
        List<FieldRow> fieldList = new ArrayList<>();
        java.util.function.Function<String, String> categoryName = c -> categoryList.stream()
                .filter(row -> row.code.getValue().strip().equals(c)).map(row -> row.nameZh.getValue().isBlank() ? c
                        : (isEnglish() && !row.nameEn.getValue().isBlank() ? row.nameEn.getValue() : row.nameZh.getValue()))
                .findFirst().orElse(c);
        Runnable categoriesChanged = () -> {
            List<String> codes = categoryList.stream().map(row -> row.code.getValue().strip()).filter(c -> !c.isEmpty()).distinct().toList();
            fieldList.forEach(row -> row.categories(codes));
        };
        java.util.function.Consumer<CategorySetup> addCategoryRow = c -> {
            CategoryRow row = new CategoryRow(c);
            Button remove = new Button(getTranslation("setup.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.addClickListener(click -> {
                categoryList.remove(row);
                categoryRows.remove(row);
                categoriesChanged.run();
            });
            row.add(remove);
            row.code.addValueChangeListener(change -> categoriesChanged.run());
            row.nameZh.addValueChangeListener(change -> categoriesChanged.run());
            categoryList.add(row);
            categoryRows.add(row);
        };
        java.util.function.Consumer<FieldSetup> addFieldRow = f -> {
            List<String> codes = categoryList.stream().map(row -> row.code.getValue().strip()).filter(c -> !c.isEmpty()).toList();
            FieldRow row = new FieldRow(f, codes, categoryName);
            Button remove = new Button(getTranslation("setup.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.addClickListener(click -> {
                fieldList.remove(row);
                fieldRows.remove(row);
            });
            row.add(remove);
            fieldList.add(row);
            fieldRows.add(row);
        };
        if (creating) {
            addCategoryRow.accept(null);
        } else {
            value.categories().forEach(addCategoryRow);
            value.fields().forEach(addFieldRow);
        }
        Button addCategory = new Button(getTranslation("setup.category.add"), click -> addCategoryRow.accept(null));
        Button addField = new Button(getTranslation("setup.field.add"), click -> addFieldRow.accept(null));
        dialog.add(form, new H3(getTranslation("setup.categories")), categoryRows, addCategory,
                new H3(getTranslation("setup.fields")), fieldRows, addField);

        Button save = new Button(getTranslation("common.save"), click -> {
            List<HasValidation> all = new ArrayList<>(List.of(code, city, nameZh, nameEn, kind, days, projectProcess,
                    callProcess, eligibility, scoring, sanction));
            categoryList.forEach(row -> all.addAll(row.fields()));
            fieldList.forEach(row -> all.addAll(row.fields()));
            if (Notifications.run(() -> {
                clear(all);
                if (cn.kexie.capability.common.NumberInput.unreadable(days)) {
                    mark(days, new UserError.Problem("setup.error.publicityDays"));
                    throw new UserError("setup.error.publicityDays");
                }
                ProgrammeSetup saved = new ProgrammeSetup(code.getValue(), city.getValue(), nameZh.getValue(), nameEn.getValue(),
                        kind.getValue(), projectProcess.getValue(), callProcess.getValue(), eligibility.getValue(),
                        scoring.getValue(), sanction.getValue(), days.getValue(),
                        categoryList.stream().map(CategoryRow::value).toList(), fieldList.stream().map(FieldRow::value).toList());
                try {
                    setup.saveProgramme(saved, creating);
                } catch (UserError refused) {
                    for (UserError.Problem problem : refused.problems()) {
                        mark(programmeField(problem, code, city, nameZh, nameEn, kind, days, projectProcess, callProcess,
                                eligibility, scoring, sanction, categoryList, fieldList), problem);
                    }
                    throw refused;
                }
                refresh();
                Notifications.success(getTranslation("common.saved"));
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
        return new ProgrammeDialog(dialog, code, city, nameZh, nameEn, projectProcess, scoring, categoryList, fieldList,
                addCategory, addField, save);
    }

    /** The field a problem of the programme's setup is about (rows by their number, the problem's first argument). */
    private static HasValidation programmeField(UserError.Problem problem, TextField code, Select<String> city, TextField nameZh,
            TextField nameEn, Select<String> kind, IntegerField days, ComboBox<String> projectProcess,
            ComboBox<String> callProcess, ComboBox<String> eligibility, ComboBox<String> scoring, ComboBox<String> sanction,
            List<CategoryRow> categories, List<FieldRow> fields) {
        String key = problem.key();
        if (key.startsWith("setup.error.category") && !key.equals("setup.error.categoryInUse")
                || key.equals("setup.error.quotaCode") || key.equals("setup.error.confirmationGroup")) {
            CategoryRow row = row(categories, problem);
            if (row == null) {
                return null;
            }
            return switch (key) {
                case "setup.error.categoryNameZh" -> row.nameZh;
                case "setup.error.categoryNameEn" -> row.nameEn;
                case "setup.error.quotaCode" -> row.quota;
                case "setup.error.confirmationGroup" -> row.confirms;
                default -> row.code;
            };
        }
        if (key.startsWith("setup.error.field")) {
            FieldRow row = row(fields, problem);
            if (row == null) {
                return null;
            }
            return switch (key) {
                case "setup.error.fieldCategory" -> row.category;
                case "setup.error.fieldType" -> row.type;
                case "setup.error.fieldLabelZh" -> row.labelZh;
                case "setup.error.fieldLabelEn" -> row.labelEn;
                default -> row.name;
            };
        }
        return switch (key) {
            case "setup.error.programmeCode", "setup.error.programmeExists", "setup.error.unknownProgramme" -> code;
            case "setup.error.city", "setup.error.cityInUse" -> city;
            case "setup.error.programmeNameZh" -> nameZh;
            case "setup.error.programmeNameEn" -> nameEn;
            case "setup.error.kind" -> kind;
            case "setup.error.publicityDays" -> days;
            case "setup.error.projectProcess", "setup.error.projectProcessMissing" -> projectProcess;
            case "setup.error.callProcess" -> callProcess;
            case "setup.error.eligibilityDecision" -> eligibility;
            case "setup.error.scoringDecision" -> scoring;
            case "setup.error.sanctionDecision" -> sanction;
            default -> null;
        };
    }

    private static <T> T row(List<T> rows, UserError.Problem problem) {
        if (problem.args().length == 0 || !(problem.args()[0] instanceof Integer number) || number < 1 || number > rows.size()) {
            return null;
        }
        return rows.get(number - 1);
    }

    private void mark(HasValidation field, UserError.Problem problem) {
        if (field == null) {
            return;
        }
        String message = getTranslation(problem.key(), problem.args());
        // a field may carry more than one problem (a row's code both malformed and repeated)
        field.setErrorMessage(field.isInvalid() && field.getErrorMessage() != null ? field.getErrorMessage() + " " + message : message);
        field.setInvalid(true);
    }

    private static void clear(List<HasValidation> fields) {
        Set<HasValidation> seen = new HashSet<>();
        for (HasValidation field : fields) {
            if (seen.add(field)) {
                field.setInvalid(false);
                field.setErrorMessage(null);
            }
        }
    }

    private TextField text(String labelKey, String value, int maxLength) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setValue(nullAsEmpty(value));
        field.setMaxLength(maxLength);
        field.setManualValidation(true);
        return field;
    }

    private ComboBox<String> key(String labelKey, Map<String, String> keys, String value) {
        ComboBox<String> box = new ComboBox<>(getTranslation(labelKey));
        List<String> items = new ArrayList<>(keys.keySet());
        if (value != null && !items.contains(value)) {
            items.add(value);
        }
        box.setItems(items);
        // the name the Modeler gave it, and its id (which the diagrams and the engine know it by)
        box.setItemLabelGenerator(k -> keys.containsKey(k) && !keys.get(k).equals(k) ? keys.get(k) + "（" + k + "）" : k);
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(custom -> {
            List<String> more = new ArrayList<>(items);
            more.add(custom.getDetail());
            box.setItems(more);
            box.setValue(custom.getDetail());
        });
        box.setValue(value);
        box.setClearButtonVisible(true);
        box.setHelperText(getTranslation("setup.programme.keyHelp"));
        box.setManualValidation(true);
        return box;
    }

    private boolean isEnglish() {
        return getLocale() != null && "en".equals(getLocale().getLanguage());
    }

    private static String nullAsEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.catalogueSetup");
    }
}
