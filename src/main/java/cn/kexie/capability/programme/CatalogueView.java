package cn.kexie.capability.programme;

import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;

/**
 * The programme catalogue: each city's programme, its categories, and the yearly calls with their
 * deadlines, quotas, numbers of awards and amounts. Changes take effect at once, without a rebuild.
 * A user sees the programmes of its own cities (administrators: all); the catalogue refuses changes
 * to another city's calls whatever the page sends.
 */
@Route("catalogue")
@Menu(order = 80, title = "nav.catalogue")
@RolesAllowed({Roles.PROGRAMME_OFFICE, Roles.ADMIN, Roles.MANAGER})
public class CatalogueView extends VerticalLayout implements HasDynamicTitle {

    private final ProgrammeCatalogue catalogue;
    private final CatalogueSetup setup;
    private final boolean editable;
    final Select<Programme> programme = new Select<>();
    final Select<Call> call = new Select<>();
    final Paragraph programmeInfo = new Paragraph();
    final Grid<CallCategory> categories = new Grid<>(CallCategory.class, false);
    final Grid<CallQuota> quotas = new Grid<>(CallQuota.class, false);
    final Button newCall = new Button();
    /** Who speaks for the programme in its documents, and the chosen call's last day of its projects. */
    final Paragraph documentInfo = new Paragraph();
    final Button editOffice = new Button();
    final Button editProjectEnd = new Button();

    public CatalogueView(ProgrammeCatalogue catalogue, CatalogueSetup setup, CurrentUser currentUser) {
        this.catalogue = catalogue;
        this.setup = setup;
        this.editable = currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN);
        programme.setLabel(getTranslation("catalogue.programme"));
        programme.setItems(catalogue.programmesOfMyCities());
        programme.setItemLabelGenerator(p -> p.name(getLocale()));
        programme.setWidth("28em");
        call.setLabel(getTranslation("catalogue.call"));
        call.setItemLabelGenerator(c -> c.year() + " " + c.title());
        call.setWidth("28em");
        call.setEmptySelectionAllowed(false);
        newCall.setText(getTranslation("catalogue.newCall"));
        newCall.setVisible(editable);
        newCall.addClickListener(click -> openNewCall());

        categories.addColumn(cc -> categoryName(cc.categoryCode())).setHeader(getTranslation("catalogue.category")).setFlexGrow(1);
        categories.addColumn(cc -> cc.opensOn() == null ? "" : cc.opensOn().toString()).setHeader(getTranslation("catalogue.opensOn"));
        categories.addColumn(cc -> cc.deadline().toString()).setHeader(getTranslation("catalogue.deadline"));
        categories.addColumn(cc -> cc.awardCount() == null ? "" : cc.awardCount().toString()).setHeader(getTranslation("catalogue.awardCount"));
        categories.addColumn(cc -> cc.amountYuan() == null ? "" : cn.kexie.capability.common.Yuan.format(cc.amountYuan())).setHeader(getTranslation("catalogue.amount"));
        if (editable) {
            categories.addComponentColumn(cc -> new Button(getTranslation("common.edit"), click -> openCategory(cc)));
        }
        categories.setAllRowsVisible(true);
        quotas.addColumn(q -> quotaName(q.quotaCode())).setHeader(getTranslation("catalogue.quota"));
        quotas.addColumn(CallQuota::minCount).setHeader(getTranslation("catalogue.quotaMin"));
        quotas.addColumn(CallQuota::maxCount).setHeader(getTranslation("catalogue.quotaMax"));
        if (editable) {
            quotas.addComponentColumn(q -> new Button(getTranslation("common.edit"), click -> openQuota(q)));
        }
        quotas.setAllRowsVisible(true);
        Button addCategory = new Button(getTranslation("catalogue.addCategory"), click -> call.getOptionalValue()
                .ifPresent(c -> openCategory(new CallCategory(c.id(), null, c.publishedOn(), null, null, null))));
        addCategory.setVisible(editable);

        editOffice.setText(getTranslation("catalogue.office.edit"));
        editOffice.setVisible(editable);
        editOffice.addClickListener(click -> programme.getOptionalValue().ifPresent(this::openOffice));
        editProjectEnd.setText(getTranslation("catalogue.projectEnd.edit"));
        editProjectEnd.setVisible(editable);
        editProjectEnd.addClickListener(click -> call.getOptionalValue().ifPresent(this::openProjectEnd));
        documentInfo.getStyle().set("white-space", "pre-line");

        programme.addValueChangeListener(change -> showProgramme(change.getValue()));
        call.addValueChangeListener(change -> showCall(change.getValue()));
        HorizontalLayout selectors = new HorizontalLayout(programme, call, newCall);
        selectors.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout documentEdits = new HorizontalLayout(editOffice, editProjectEnd);
        add(selectors, programmeInfo, documentInfo, documentEdits, new H3(getTranslation("catalogue.categories")), categories, addCategory,
                new H3(getTranslation("catalogue.quotas")), quotas);
        List<Programme> all = catalogue.programmesOfMyCities();
        if (!all.isEmpty()) {
            programme.setValue(all.get(0));
        }
    }

    private void showProgramme(Programme p) {
        if (p == null) {
            return;
        }
        programmeInfo.setText(programmeInfo(p));
        List<Call> calls = catalogue.calls(p.code());
        call.setItems(calls);
        showDocumentInfo();
        if (calls.isEmpty()) {
            categories.setItems(List.of());
            quotas.setItems(List.of());
        } else {
            call.setValue(calls.get(0));
        }
    }

    private void showCall(Call c) {
        if (c == null) {
            return;
        }
        categories.setItems(catalogue.callCategories(c.id()));
        quotas.setItems(catalogue.quotas(c.id()));
        showDocumentInfo();
    }

    /** The programme's issuer, office and contact for objections, and the chosen call's last day of its projects. */
    private void showDocumentInfo() {
        Programme p = programme.getValue();
        if (p == null) {
            documentInfo.setText("");
            return;
        }
        ProgrammeOffice office = catalogue.office(p.code());
        String none = getTranslation("catalogue.office.none");
        String text = getTranslation("catalogue.office.info", blankAs(office.issuerName(), none),
                blankAs(office.officeName(), none), blankAs(office.officeContact(), none),
                getTranslation(office.publishesAmounts() ? "catalogue.office.amountsYes" : "catalogue.office.amountsNo"));
        Call c = call.getValue();
        if (c != null) {
            LocalDate ends = catalogue.projectEndsOn(c.id());
            text += "\n" + getTranslation("catalogue.projectEnd.info", c.year(), ends.toString());
        }
        documentInfo.setText(text);
        editProjectEnd.setEnabled(c != null);
    }

    private static String blankAs(String value, String none) {
        return value == null || value.isBlank() ? none : value;
    }

    private void openOffice(Programme p) {
        ProgrammeOffice office = catalogue.office(p.code());
        Dialog dialog = new Dialog(getTranslation("catalogue.office.edit"));
        TextField issuer = new TextField(getTranslation("catalogue.office.issuer"));
        issuer.setValue(blankAs(office.issuerName(), ""));
        issuer.setMaxLength(ProgrammeOffice.MAX_NAME);
        issuer.setRequired(true);
        issuer.setWidthFull();
        TextField name = new TextField(getTranslation("catalogue.office.name"));
        name.setValue(blankAs(office.officeName(), ""));
        name.setMaxLength(ProgrammeOffice.MAX_NAME);
        name.setWidthFull();
        TextArea contact = new TextArea(getTranslation("catalogue.office.contact"));
        contact.setValue(blankAs(office.officeContact(), ""));
        contact.setMaxLength(ProgrammeOffice.MAX_CONTACT);
        contact.setHelperText(getTranslation("catalogue.office.contactHelp"));
        contact.setWidthFull();
        Checkbox amounts = new Checkbox(getTranslation("catalogue.office.amounts"), office.publishesAmounts());
        VerticalLayout fields = new VerticalLayout(issuer, name, contact, amounts);
        fields.setPadding(false);
        fields.setWidth("36em");
        dialog.add(fields);
        Button save = new Button(getTranslation("common.save"), click -> {
            if (Notifications.run(() -> {
                catalogue.saveOffice(new ProgrammeOffice(p.code(), issuer.getValue(), name.getValue(), contact.getValue(),
                        amounts.getValue()));
                showDocumentInfo();
                Notifications.success(getTranslation("common.saved"));
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openProjectEnd(Call c) {
        Dialog dialog = new Dialog(getTranslation("catalogue.projectEnd.edit"));
        DatePicker ends = new DatePicker(getTranslation("catalogue.projectEnd.label"), catalogue.projectEndsOn(c.id()));
        ends.setRequiredIndicatorVisible(true);
        cn.kexie.capability.common.DateFields.localised(this, ends);
        ends.setHelperText(getTranslation("catalogue.projectEnd.help"));
        dialog.add(ends);
        Button save = new Button(getTranslation("common.save"), click -> {
            if (Notifications.run(() -> {
                catalogue.setProjectEnd(c.id(), ends.getValue());
                showDocumentInfo();
                Notifications.success(getTranslation("common.saved"));
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    /** A quota group by the names of the categories that share it (a group named like one category: that name). */
    /**
     * What runs the programme, by the names the Modeler gave its diagram and table, and its settings; a
     * setting the policy text leaves open is marked as the platform's default until an administrator
     * decides it.
     */
    String programmeInfo(Programme p) {
        ProgrammeSettings settings = catalogue.settings(p.code());
        List<String> parts = new java.util.ArrayList<>();
        if (p.projectProcessKey() != null) {
            parts.add(getTranslation("catalogue.info.process", setup.modelName(p.projectProcessKey(), false)));
        }
        if (p.eligibilityDecisionKey() != null) {
            parts.add(getTranslation("catalogue.info.eligibility", setup.modelName(p.eligibilityDecisionKey(), true)));
        }
        if (p.projectProcessKey() != null) {
            parts.add(getTranslation("catalogue.info.notice", settings.publicityWorkingDays())
                    + defaultMark(settings, ProgrammeSettings.PUBLICITY_DAYS));
            parts.add(getTranslation("catalogue.info.approval", settings.approvingBodies().isEmpty()
                    ? getTranslation("catalogue.info.approvalByStep")
                    : String.join("、", settings.approvingBodies().stream().map(b -> getTranslation("approval.body." + b)).toList()))
                    + defaultMark(settings, ProgrammeSettings.APPROVING_BODIES));
        }
        if (p.callProcessKey() != null) {
            parts.add(getTranslation("catalogue.info.midterm", settings.midtermMonths())
                    + defaultMark(settings, ProgrammeSettings.MIDTERM_MONTHS));
        }
        if (settings.yearEndAssessmentDay() != null) {
            java.time.MonthDay day = java.time.MonthDay.parse("--" + settings.yearEndAssessmentDay());
            parts.add(getTranslation("catalogue.info.assessment", day.getMonthValue(), day.getDayOfMonth())
                    + defaultMark(settings, ProgrammeSettings.YEAR_END_ASSESSMENT));
        }
        if (p.workRecords()) {
            parts.add(getTranslation("catalogue.info.workRecords"));
        }
        return String.join(getTranslation("catalogue.info.separator"), parts);
    }

    private String defaultMark(ProgrammeSettings settings, String setting) {
        return settings.isDefault(setting) ? getTranslation("catalogue.info.default") : "";
    }

    private String quotaName(String quotaCode) {
        Programme p = programme.getValue();
        if (p == null) {
            return quotaCode;
        }
        List<Category> categories = catalogue.categories(p.code());
        String shared = categories.stream().filter(c -> quotaCode.equals(c.quotaCode()))
                .map(c -> c.name(getLocale()))
                .distinct().collect(java.util.stream.Collectors.joining("en".equals(getLocale().getLanguage()) ? ", " : "、"));
        return shared.isEmpty() ? quotaCode : shared;
    }

    private String categoryName(String code) {
        Programme p = programme.getValue();
        return p == null ? code : catalogue.category(p.code(), code).map(c -> c.name(getLocale())).orElse(code);
    }

    private void openNewCall() {
        Programme p = programme.getValue();
        if (p == null) {
            return;
        }
        Dialog dialog = new Dialog(getTranslation("catalogue.newCall"));
        IntegerField year = new IntegerField(getTranslation("catalogue.year"));
        year.setValue(cn.kexie.capability.common.PlatformClock.today().getYear() + 1);
        TextField title = new TextField(getTranslation("catalogue.title"));
        title.setMaxLength(200);
        title.setWidthFull();
        DatePicker published = new DatePicker(getTranslation("catalogue.publishedOn"));
        published.setValue(cn.kexie.capability.common.PlatformClock.today());
        cn.kexie.capability.common.DateFields.localised(this, published);
        dialog.add(new FormLayout(year, title, published));
        Button save = new Button(getTranslation("common.save"), click -> {
            if (Notifications.run(() -> {
                Call created = catalogue.createCall(p.code(), year.getValue() == null ? 0 : year.getValue(),
                        title.getValue(), published.getValue());
                showProgramme(p);
                call.setValue(created);
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openCategory(CallCategory value) {
        Programme p = programme.getValue();
        Dialog dialog = new Dialog(getTranslation("catalogue.category"));
        Select<String> code = new Select<>();
        code.setLabel(getTranslation("catalogue.category"));
        code.setItems(catalogue.categories(p.code()).stream().map(Category::code).toList());
        code.setItemLabelGenerator(this::categoryName);
        code.setValue(value.categoryCode());
        code.setReadOnly(value.categoryCode() != null);
        DatePicker opens = new DatePicker(getTranslation("catalogue.opensOn"), value.opensOn());
        DatePicker deadline = new DatePicker(getTranslation("catalogue.deadline"), value.deadline());
        deadline.setRequiredIndicatorVisible(true);
        cn.kexie.capability.common.DateFields.localised(this, opens);
        cn.kexie.capability.common.DateFields.localised(this, deadline);
        IntegerField awards = new IntegerField(getTranslation("catalogue.awardCount"));
        awards.setValue(value.awardCount());
        awards.setMin(0);
        BigDecimalField amount = new BigDecimalField(getTranslation("catalogue.amount"));
        amount.setValue(value.amountYuan());
        dialog.add(new FormLayout(code, opens, deadline, awards, amount));
        Button save = new Button(getTranslation("common.save"), click -> {
            if (Notifications.run(() -> {
                if (cn.kexie.capability.common.NumberInput.unreadable(awards)) {
                    throw new cn.kexie.capability.common.UserError("programme.error.awardCount");
                }
                catalogue.saveCallCategory(new CallCategory(value.callId(), code.getValue(), opens.getValue(),
                        deadline.getValue(), awards.getValue(), amount.getValue()));
                showCall(call.getValue());
                Notifications.success(getTranslation("common.saved"));
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openQuota(CallQuota value) {
        Dialog dialog = new Dialog(getTranslation("catalogue.quota") + " " + quotaName(value.quotaCode()));
        IntegerField min = new IntegerField(getTranslation("catalogue.quotaMin"));
        min.setValue(value.minCount());
        IntegerField max = new IntegerField(getTranslation("catalogue.quotaMax"));
        max.setValue(value.maxCount());
        dialog.add(new FormLayout(min, max));
        Button save = new Button(getTranslation("common.save"), click -> {
            if (Notifications.run(() -> {
                catalogue.saveQuota(new CallQuota(value.callId(), value.quotaCode(),
                        min.getValue() == null ? -1 : min.getValue(), max.getValue() == null ? -1 : max.getValue()));
                showCall(call.getValue());
                Notifications.success(getTranslation("common.saved"));
            })) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.catalogue");
    }
}
