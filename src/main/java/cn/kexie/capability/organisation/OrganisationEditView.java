package cn.kexie.capability.organisation;

import cn.kexie.capability.programme.City;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * One organisation of the register, every fact the decision tables read: office staff and
 * administrators edit, managers and experts read. {@code organisations/new} creates one.
 */
@Route("organisations/:id")
@RolesAllowed({Roles.PROGRAMME_OFFICE, Roles.ADMIN, Roles.MANAGER})
public class OrganisationEditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final OrganisationService service;
    private final boolean editable;
    private final Binder<Organisation> binder = new Binder<>(Organisation.class);
    private Organisation organisation = new Organisation();

    final TextField code = new TextField();
    final TextField name = new TextField();
    final ComboBox<String> city = new ComboBox<>();
    final ComboBox<OrganisationType> type = new ComboBox<>();
    final Select<Integer> rating = new Select<>();
    final Select<GroupMembership> groupMember = new Select<>();
    final TextField secretaryGeneral = new TextField();
    final TextField contactName = new TextField();
    final TextField contactPhone = new TextField();
    final TextField bankName = new TextField();
    final TextField bankAccountName = new TextField();
    final TextField bankAccountNo = new TextField();
    final RecordList<Organisation.YearResult> inspections;
    final RecordList<Organisation.YearResult> assessments;
    final RecordList<Organisation.Commendation> commendations;
    final RecordList<Organisation.Violation> violations;
    final RecordList<Organisation.Sanction> sanctions;
    final Button save = new Button();

    public OrganisationEditView(OrganisationService service, ProgrammeCatalogue catalogue, CurrentUser currentUser) {
        this.service = service;
        this.editable = currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN);
        setMaxWidth("1100px");

        code.setLabel(getTranslation("organisation.code"));
        code.setHelperText(getTranslation("organisation.code.help"));
        code.setRequired(true);
        code.setMaxLength(40);
        name.setLabel(getTranslation("organisation.name"));
        name.setRequired(true);
        name.setMaxLength(200);
        city.setLabel(getTranslation("organisation.city"));
        List<City> cities = catalogue.myCities();
        city.setItems(cities.stream().map(City::code).toList());
        city.setItemLabelGenerator(c -> cities.stream().filter(x -> x.code().equals(c)).findFirst()
                .map(x -> x.name(getLocale())).orElse(c));
        city.setRequired(true);
        type.setLabel(getTranslation("organisation.type"));
        type.setItems(OrganisationType.values());
        type.setItemLabelGenerator(t -> getTranslation("organisation.type." + t.name()));
        type.setRequired(true);
        rating.setLabel(getTranslation("organisation.rating"));
        rating.setItems(0, 1, 2, 3, 4, 5);
        rating.setItemLabelGenerator(r -> r == 0 ? getTranslation("organisation.rating.none") : r + "A");
        groupMember.setLabel(getTranslation("organisation.groupMember"));
        groupMember.setItems(GroupMembership.values());
        groupMember.setItemLabelGenerator(g -> getTranslation("organisation.groupMember." + g.name()));
        secretaryGeneral.setLabel(getTranslation("organisation.secretaryGeneral"));
        secretaryGeneral.setMaxLength(100);
        contactName.setLabel(getTranslation("organisation.contactName"));
        contactName.setMaxLength(100);
        contactPhone.setLabel(getTranslation("organisation.contactPhone"));
        contactPhone.setMaxLength(40);
        contactPhone.setPattern("[0-9+\\- ]{5,40}");

        binder.forField(code).asRequired(getTranslation("organisation.error.code"))
                .withValidator(v -> OrganisationService.CODE.matcher(v.trim()).matches(), getTranslation("organisation.error.code"))
                .bind(Organisation::getCode, Organisation::setCode);
        binder.forField(name).asRequired(getTranslation("organisation.error.name"))
                .bind(Organisation::getName, Organisation::setName);
        binder.forField(city).asRequired(getTranslation("organisation.error.city"))
                .bind(Organisation::getCityCode, Organisation::setCityCode);
        binder.forField(type).asRequired(getTranslation("organisation.error.type"))
                .bind(Organisation::getType, Organisation::setType);
        binder.forField(rating).bind(Organisation::getRating, Organisation::setRating);
        binder.forField(groupMember).bind(Organisation::getGroupMember, Organisation::setGroupMember);
        binder.forField(secretaryGeneral).bind(Organisation::getSecretaryGeneral, Organisation::setSecretaryGeneral);
        binder.forField(contactName).bind(Organisation::getContactName, Organisation::setContactName);
        binder.forField(contactPhone)
                .withValidator(v -> v == null || v.isBlank() || OrganisationService.PHONE.matcher(v.trim()).matches(),
                        getTranslation("organisation.error.phone"))
                .bind(Organisation::getContactPhone, Organisation::setContactPhone);

        bankName.setLabel(getTranslation("organisation.bankName"));
        bankName.setId("bank-name");
        bankName.setMaxLength(OrganisationService.MAX_BANK_NAME);
        bankAccountName.setLabel(getTranslation("organisation.bankAccountName"));
        bankAccountName.setId("bank-account-name");
        bankAccountName.setMaxLength(OrganisationService.MAX_ACCOUNT_NAME);
        bankAccountName.setHelperText(getTranslation("organisation.bankAccountName.help"));
        bankAccountNo.setLabel(getTranslation("organisation.bankAccountNo"));
        bankAccountNo.setId("bank-account-no");
        bankAccountNo.setMaxLength(40);
        bankAccountNo.setHelperText(getTranslation("organisation.bankAccountNo.help"));
        binder.forField(bankName).bind(Organisation::getBankName, Organisation::setBankName);
        binder.forField(bankAccountName).bind(Organisation::getBankAccountName, Organisation::setBankAccountName);
        binder.forField(bankAccountNo)
                .withValidator(v -> v == null || v.isBlank() || OrganisationService.ACCOUNT_NO.matcher(v.replace(" ", "")).matches(),
                        getTranslation("organisation.error.bankAccountNo", 8, 30))
                .bind(Organisation::getBankAccountNo, Organisation::setBankAccountNo);
        FormLayout bank = new FormLayout(bankName, bankAccountName, bankAccountNo);
        bank.setId("bank-account");

        FormLayout identity = new FormLayout(code, name, city, type, rating, groupMember, secretaryGeneral,
                contactName, contactPhone);
        FormLayout facts = new FormLayout(
                check("managementStandard", Organisation::isManagementStandard, Organisation::setManagementStandard),
                check("hasSecretary", Organisation::isHasSecretary, Organisation::setHasSecretary),
                check("financeSound", Organisation::isFinanceSound, Organisation::setFinanceSound),
                check("independentBankAccount", Organisation::isIndependentBankAccount, Organisation::setIndependentBankAccount),
                check("dedicatedFinanceStaff", Organisation::isDedicatedFinanceStaff, Organisation::setDedicatedFinanceStaff),
                check("hasPartyBranch", Organisation::isHasPartyBranch, Organisation::setHasPartyBranch),
                check("hasWebsiteAndMemberDb", Organisation::isHasWebsiteAndMemberDb, Organisation::setHasWebsiteAndMemberDb),
                check("registeredInProvince", Organisation::isRegisteredInProvince, Organisation::setRegisteredInProvince),
                check("independentLegalPerson", Organisation::isIndependentLegalPerson, Organisation::setIndependentLegalPerson),
                check("aboveScaleOrHighTech", Organisation::isAboveScaleOrHighTech, Organisation::setAboveScaleOrHighTech),
                check("hasRdTeam", Organisation::isHasRdTeam, Organisation::setHasRdTeam),
                check("hasStation", Organisation::isHasStation, Organisation::setHasStation));
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));

        inspections = yearResults("organisation.inspections");
        assessments = yearResults("organisation.assessments");
        commendations = commendationList();
        violations = violationList();
        sanctions = new RecordList<>(getTranslation("organisation.sanctions"), Organisation.Sanction.class,
                List.of(new RecordList.Column<>(getTranslation("organisation.sanction.programme"), Organisation.Sanction::programmeCode),
                        new RecordList.Column<>(getTranslation("organisation.sanction.finding"),
                                s -> getTranslation("organisation.finding." + s.finding())),
                        new RecordList.Column<>(getTranslation("organisation.sanction.year"), Organisation.Sanction::findingYear),
                        new RecordList.Column<>(getTranslation("organisation.sanction.ban"),
                                s -> s.banFromYear() == null ? "-" : s.banFromYear() + "–" + s.banUntilYear()),
                        new RecordList.Column<>(getTranslation("organisation.sanction.application"),
                                s -> s.applicationNumber() == null ? "" : s.applicationNumber())),
                List.of(), () -> null, "", "", false);

        save.setText(getTranslation("common.save"));
        save.setId("save-organisation");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button back = new Button(getTranslation("organisation.back"),
                click -> getUI().ifPresent(ui -> ui.navigate(OrganisationListView.class)));

        add(new H3(getTranslation("organisation.section.identity")), identity,
                new H3(getTranslation("organisation.section.bank")), bank,
                new H3(getTranslation("organisation.section.facts")), facts,
                new H3(getTranslation("organisation.section.records")), inspections, assessments, commendations,
                violations, sanctions, new HorizontalLayout(save, back));
        save.setVisible(editable);
        binder.setReadOnly(!editable);
    }

    private Checkbox check(String key, com.vaadin.flow.function.ValueProvider<Organisation, Boolean> getter,
            com.vaadin.flow.data.binder.Setter<Organisation, Boolean> setter) {
        Checkbox box = new Checkbox(getTranslation("organisation.fact." + key));
        box.setId("fact-" + key);
        binder.forField(box).bind(getter, setter);
        return box;
    }

    private RecordList<Organisation.YearResult> yearResults(String titleKey) {
        IntegerField year = yearField();
        Checkbox passed = new Checkbox(getTranslation("organisation.passed"), true);
        return new RecordList<>(getTranslation(titleKey), Organisation.YearResult.class,
                List.of(new RecordList.Column<>(getTranslation("organisation.year"), Organisation.YearResult::year),
                        new RecordList.Column<>(getTranslation("organisation.result"),
                                r -> getTranslation(r.passed() ? "organisation.passed" : "organisation.failed"))),
                List.<Component>of(year, passed),
                () -> year.getValue() == null || year.isInvalid() ? null
                        : new Organisation.YearResult(year.getValue(), passed.getValue()),
                getTranslation("common.add"), getTranslation("common.remove"), editable);
    }

    private RecordList<Organisation.Commendation> commendationList() {
        IntegerField year = yearField();
        Select<String> level = new Select<>();
        level.setLabel(getTranslation("organisation.commendation.level"));
        level.setItems("MUNICIPAL", "PROVINCIAL", "NATIONAL");
        level.setItemLabelGenerator(l -> getTranslation("organisation.level." + l));
        level.setValue("MUNICIPAL");
        TextField title = new TextField(getTranslation("organisation.commendation.title"));
        title.setMaxLength(200);
        return new RecordList<>(getTranslation("organisation.commendations"), Organisation.Commendation.class,
                List.of(new RecordList.Column<>(getTranslation("organisation.year"), Organisation.Commendation::year),
                        new RecordList.Column<>(getTranslation("organisation.commendation.level"),
                                c -> getTranslation("organisation.level." + c.level())),
                        new RecordList.Column<>(getTranslation("organisation.commendation.title"), Organisation.Commendation::title)),
                List.<Component>of(year, level, title),
                () -> year.getValue() == null || title.isEmpty() ? null
                        : new Organisation.Commendation(year.getValue(), level.getValue(), title.getValue().trim()),
                getTranslation("common.add"), getTranslation("common.remove"), editable);
    }

    private RecordList<Organisation.Violation> violationList() {
        IntegerField year = yearField();
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("organisation.violation.kind"));
        kind.setItems("VIOLATION", "PENALTY", "ENTRUSTED_WORK_FAILURE");
        kind.setItemLabelGenerator(k -> getTranslation("organisation.violation." + k));
        kind.setValue("VIOLATION");
        TextField description = new TextField(getTranslation("organisation.violation.description"));
        description.setMaxLength(1000);
        return new RecordList<>(getTranslation("organisation.violations"), Organisation.Violation.class,
                List.of(new RecordList.Column<>(getTranslation("organisation.year"), Organisation.Violation::year),
                        new RecordList.Column<>(getTranslation("organisation.violation.kind"),
                                v -> getTranslation("organisation.violation." + v.kind())),
                        new RecordList.Column<>(getTranslation("organisation.violation.description"), Organisation.Violation::description)),
                List.<Component>of(year, kind, description),
                () -> year.getValue() == null || description.isEmpty() ? null
                        : new Organisation.Violation(year.getValue(), kind.getValue(), description.getValue().trim()),
                getTranslation("common.add"), getTranslation("common.remove"), editable);
    }

    private IntegerField yearField() {
        IntegerField year = new IntegerField(getTranslation("organisation.year"));
        year.setMin(OrganisationService.FIRST_YEAR);
        year.setMax(OrganisationService.LAST_YEAR);
        year.setStepButtonsVisible(true);
        year.setWidth("9em");
        return year;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("new");
        if ("new".equals(id)) {
            organisation = new Organisation();
        } else {
            try {
                organisation = service.get(Long.parseLong(id));
            } catch (RuntimeException notThere) {
                Notifications.error(getTranslation("organisation.error.notFound", id));
                event.forwardTo(OrganisationListView.class);
                return;
            }
        }
        show(organisation);
    }

    void show(Organisation org) {
        this.organisation = org;
        binder.readBean(org);
        inspections.setItems(org.getInspections());
        assessments.setItems(org.getAssessments());
        commendations.setItems(org.getCommendations());
        violations.setItems(org.getViolations());
        sanctions.setItems(org.getSanctions());
    }

    void save() {
        Organisation edited = new Organisation();
        edited.setId(organisation.getId());
        edited.setVersion(organisation.getVersion());
        try {
            binder.writeBean(edited);
        } catch (ValidationException invalid) {
            Notifications.error(getTranslation("organisation.error.form"));
            return;
        }
        edited.setInspections(inspections.getItems());
        edited.setAssessments(assessments.getItems());
        edited.setCommendations(commendations.getItems());
        edited.setViolations(violations.getItems());
        Notifications.run(() -> {
            show(service.save(edited));
            Notifications.success(getTranslation("common.saved"));
            getUI().ifPresent(ui -> ui.getPage().getHistory()
                    .replaceState(null, "organisations/" + organisation.getId()));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organisations");
    }
}
