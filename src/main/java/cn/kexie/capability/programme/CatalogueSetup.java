package cn.kexie.capability.programme;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator sets up in the catalogue screen so that a new city or programme runs the
 * same day, without a migration or a rebuild: a city (which becomes an engine tenant at once), and a
 * programme with its diagrams and decision tables (deployed from Camunda Modeler), its categories
 * and the facts its application form asks for. Every value is checked and every problem reported at
 * once; nothing is saved if any is wrong. Nothing is cached: the next read sees the saved rows on
 * every node.
 */
@Service
public class CatalogueSetup {

    /** The kind of a programme of yearly work records and evaluation (Chengdu's), which needs no application process. */
    static final String WORK_RECORD_KIND = "WORK_RECORD";
    /** The kinds of programme the platform runs (the diagrams decide the steps). */
    public static final List<String> KINDS = List.of("PROJECT", "AWARD", WORK_RECORD_KIND);
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,59}");
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    static final int MAX_NAME = 200;
    static final int MAX_CITY_NAME = 100;
    /** The groups that may confirm an application before review (县区科协盖章确认 and the like). */
    public static final List<String> CONFIRMING_GROUPS = List.of(Roles.COUNTY_ASSOCIATION, Roles.PROGRAMME_OFFICE,
            Roles.PARTY_GROUP, Roles.LEADING_GROUP);
    /** The category code meaning "every category" for a declared field. */
    public static final String EVERY_CATEGORY = "*";

    /**
     * A city; {@code staff} are the user ids who work for it (its tenant's user members): added to a
     * new city; for a city edited, its members become exactly these (groups that are members stay).
     */
    public record CitySetup(String code, String nameZh, String nameEn, List<String> staff) {
    }

    /** A category of the programme; the quota group is its own code when left empty. */
    public record CategorySetup(String code, String nameZh, String nameEn, String quotaCode, String confirmationGroup) {
    }

    /** A fact the application form asks for, in one category or in every one ({@link #EVERY_CATEGORY}). */
    public record FieldSetup(String categoryCode, String name, String type, String labelZh, String labelEn,
            boolean required) {
    }

    /** A programme with its categories and declared fields, saved as one. */
    public record ProgrammeSetup(String code, String cityCode, String nameZh, String nameEn, String kind,
            String projectProcessKey, String callProcessKey, String eligibilityDecisionKey,
            String scoringDecisionKey, String sanctionDecisionKey, Integer publicityWorkingDays,
            List<CategorySetup> categories, List<FieldSetup> fields) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final CityTenants tenants;
    private final ProgrammeCatalogue catalogue;

    CatalogueSetup(JdbcClient jdbc, CurrentUser currentUser, RepositoryService repositoryService,
            IdentityService identityService, CityTenants tenants, ProgrammeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.tenants = tenants;
        this.catalogue = catalogue;
    }

    /** Adds a city ({@code creating}) or renames one; its engine tenant exists when this returns. */
    @Transactional
    public City saveCity(CitySetup city, boolean creating) {
        requireAdministrator();
        List<Problem> problems = new ArrayList<>();
        String code = trimmed(city.code());
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new Problem("setup.error.cityCode"));
        } else if (creating && exists("select count(*) from city where code = ?", code)) {
            problems.add(new Problem("setup.error.cityExists", code));
        } else if (!creating && !exists("select count(*) from city where code = ?", code)) {
            problems.add(new Problem("setup.error.unknownCity", code));
        }
        String nameZh = trimmed(city.nameZh());
        String nameEn = trimmed(city.nameEn());
        if (nameZh == null || nameZh.length() > MAX_CITY_NAME) {
            problems.add(new Problem("setup.error.cityNameZh", MAX_CITY_NAME));
        } else if (exists("select count(*) from city where name_zh = ? and code <> ?", nameZh, code == null ? "" : code)) {
            problems.add(new Problem("setup.error.cityNameTaken", nameZh));
        }
        if (nameEn == null || nameEn.length() > MAX_CITY_NAME) {
            problems.add(new Problem("setup.error.cityNameEn", MAX_CITY_NAME));
        }
        List<String> staff = city.staff() == null ? List.of() : city.staff();
        for (String user : staff) {
            if (user == null || identityService.createUserQuery().userId(user).count() == 0
                    || identityService.createGroupQuery().groupMember(user).groupIdIn(Roles.STAFF).count() == 0) {
                problems.add(new Problem("setup.error.unknownStaff", String.valueOf(user)));
            }
        }
        UserError.throwIfAny(problems);
        if (creating) {
            jdbc.sql("insert into city (code, name_zh, name_en) values (?, ?, ?)").params(code, nameZh, nameEn).update();
        } else {
            jdbc.sql("update city set name_zh = ?, name_en = ? where code = ?").params(nameZh, nameEn, code).update();
        }
        City saved = new City(code, nameZh, nameEn);
        tenants.ensure(saved);
        for (String user : staff) {
            if (identityService.createTenantQuery().tenantId(code).userMember(user).count() == 0) {
                identityService.createTenantUserMembership(code, user);
            }
        }
        if (!creating) {
            // the screen shows the city's staff and saves the list as chosen: who is left out no longer works for it
            for (org.camunda.bpm.engine.identity.User member : identityService.createUserQuery().memberOfTenant(code).list()) {
                if (!staff.contains(member.getId())) {
                    identityService.deleteTenantUserMembership(code, member.getId());
                }
            }
        }
        return saved;
    }

    /**
     * The staff users (every role but applicants) an administrator can name as working for a city:
     * login id → name, by login id.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> staffUsers() {
        requireAdministrator();
        java.util.Map<String, String> staff = new java.util.TreeMap<>();
        for (org.camunda.bpm.engine.identity.User u : identityService.createUserQuery().list()) {
            if (identityService.createGroupQuery().groupMember(u.getId()).groupIdIn(Roles.STAFF).count() > 0) {
                String name = ((u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName())).trim();
                staff.put(u.getId(), name.isEmpty() ? u.getId() : name);
            }
        }
        return staff;
    }

    /** The diagrams deployed (shared or to some city): key → name of the latest version, by key. */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> deployedProcesses() {
        requireAdministrator();
        java.util.Map<String, String> named = new java.util.TreeMap<>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list()
                .forEach(d -> named.putIfAbsent(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return named;
    }

    /** The decision tables deployed (shared or to some city): key → name of the latest version, by key. */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> deployedDecisions() {
        requireAdministrator();
        java.util.Map<String, String> named = new java.util.TreeMap<>();
        repositoryService.createDecisionDefinitionQuery().latestVersion().list()
                .forEach(d -> named.putIfAbsent(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return named;
    }

    /**
     * Sets the programme's open settings and which of them stay the platform's defaults: an
     * administrator decides a default by changing its value or by confirming it (leaving it out of
     * {@code settings.defaults()}). Every value is checked; nothing is saved when one is wrong.
     */
    @Transactional
    public ProgrammeSettings saveSettings(String programmeCode, ProgrammeSettings settings) {
        requireAdministrator();
        Programme p = catalogue.requireProgramme(programmeCode);
        List<Problem> problems = new ArrayList<>();
        if (settings.publicityWorkingDays() < 1 || settings.publicityWorkingDays() > 60) {
            problems.add(new Problem("setup.error.publicityDays"));
        }
        if (settings.midtermMonths() < 1 || settings.midtermMonths() > 36) {
            problems.add(new Problem("setup.error.midtermMonths"));
        }
        for (String body : settings.approvingBodies()) {
            if (!ProgrammeSettings.BODIES.contains(body)) {
                problems.add(new Problem("setup.error.approvingBody", body));
            }
        }
        if (new HashSet<>(settings.approvingBodies()).size() < settings.approvingBodies().size()) {
            problems.add(new Problem("setup.error.approvingBodyTwice"));
        }
        String assessmentDay = trimmed(settings.yearEndAssessmentDay());
        if (assessmentDay != null) {
            try {
                // MM-DD of a day every year has
                java.time.MonthDay day = java.time.MonthDay.parse("--" + assessmentDay);
                if (!day.isValidYear(2027)) {
                    problems.add(new Problem("setup.error.assessmentDay"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new Problem("setup.error.assessmentDay"));
            }
        }
        for (String setting : settings.defaults()) {
            if (!ProgrammeSettings.SETTINGS.contains(setting)) {
                problems.add(new Problem("setup.error.unknownSetting", setting));
            }
        }
        UserError.throwIfAny(problems);
        ProgrammeSettings before = catalogue.settings(p.code());
        Set<String> stillDefault = new HashSet<>(settings.defaults());
        // a changed value is the administrator's decision, whatever the box said
        if (before.publicityWorkingDays() != settings.publicityWorkingDays()) {
            stillDefault.remove(ProgrammeSettings.PUBLICITY_DAYS);
        }
        if (before.midtermMonths() != settings.midtermMonths()) {
            stillDefault.remove(ProgrammeSettings.MIDTERM_MONTHS);
        }
        if (!before.approvingBodies().equals(settings.approvingBodies())) {
            stillDefault.remove(ProgrammeSettings.APPROVING_BODIES);
        }
        if (!java.util.Objects.equals(before.yearEndAssessmentDay(), assessmentDay)) {
            stillDefault.remove(ProgrammeSettings.YEAR_END_ASSESSMENT);
        }
        // a setting becomes a default only by the migration that ships it: once decided, it stays decided
        stillDefault.retainAll(before.defaults());
        ProgrammeCatalogue.forgetReads();
        jdbc.sql("""
                update programme set publicity_working_days = ?, midterm_months = ?, approving_bodies = ?,
                    year_end_assessment_day = ? where code = ?""")
                .params(settings.publicityWorkingDays(), settings.midtermMonths(),
                        settings.approvingBodies().isEmpty() ? null : String.join(",", settings.approvingBodies()),
                        assessmentDay, p.code())
                .update();
        for (String decided : before.defaults()) {
            if (!stillDefault.contains(decided)) {
                jdbc.sql("delete from programme_default where programme_code = ? and setting = ?").params(p.code(), decided).update();
            }
        }
        return catalogue.settings(p.code());
    }

    /** The name of a deployed diagram or table for a screen ({@code key} itself when none is deployed). */
    @Transactional(readOnly = true)
    public String modelName(String key, boolean decision) {
        if (key == null) {
            return null;
        }
        String name = decision
                ? repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().list().stream()
                        .map(d -> d.getName()).filter(java.util.Objects::nonNull).findFirst().orElse(null)
                : repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list().stream()
                        .map(d -> d.getName()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return name == null ? key : name;
    }

    /** The user ids working for the city (members of its tenant). */
    @Transactional(readOnly = true)
    public List<String> staffOf(String cityCode) {
        requireAdministrator();
        return identityService.createUserQuery().memberOfTenant(cityCode).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).sorted().toList();
    }

    /** The programme with its categories and declared fields as the setup screen edits them. */
    @Transactional(readOnly = true)
    public ProgrammeSetup programme(String code) {
        requireAdministrator();
        Programme p = catalogue.requireProgramme(code);
        List<CategorySetup> categories = catalogue.categories(code).stream()
                .map(c -> new CategorySetup(c.code(), c.nameZh(), c.nameEn(), c.quotaCode(), c.confirmationGroup())).toList();
        List<FieldSetup> fields = jdbc.sql("""
                select category_code, field_name, field_type, label_zh, label_en, required from programme_declared_field
                where programme_code = ? order by sort_order, category_code, field_name""").param(code)
                .query((rs, n) -> new FieldSetup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6))).list();
        return new ProgrammeSetup(p.code(), p.cityCode(), p.nameZh(), p.nameEn(), p.kind(), p.projectProcessKey(),
                p.callProcessKey(), p.eligibilityDecisionKey(), p.scoringDecisionKey(), p.sanctionDecisionKey(),
                p.publicityWorkingDays(), categories, fields);
    }

    /**
     * Adds a programme ({@code creating}) or changes one, with its categories and declared fields as
     * given: a category left out is removed unless some call or application uses it; the declared
     * fields replace the programme's.
     */
    @Transactional
    public Programme saveProgramme(ProgrammeSetup setup, boolean creating) {
        requireAdministrator();
        List<Problem> problems = new ArrayList<>();
        String code = trimmed(setup.code());
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new Problem("setup.error.programmeCode"));
        } else if (creating && exists("select count(*) from programme where code = ?", code)) {
            problems.add(new Problem("setup.error.programmeExists", code));
        } else if (!creating && !exists("select count(*) from programme where code = ?", code)) {
            problems.add(new Problem("setup.error.unknownProgramme", code));
        }
        String city = trimmed(setup.cityCode());
        if (city == null || !exists("select count(*) from city where code = ?", city)) {
            problems.add(new Problem("setup.error.city"));
        }
        if (!creating && code != null && city != null) {
            String before = catalogue.programme(code).map(Programme::cityCode).orElse(city);
            if (!before.equals(city) && exists("select count(*) from application where programme_code = ?", code)) {
                problems.add(new Problem("setup.error.cityInUse"));
            }
        }
        String nameZh = trimmed(setup.nameZh());
        String nameEn = trimmed(setup.nameEn());
        if (nameZh == null || nameZh.length() > MAX_NAME) {
            problems.add(new Problem("setup.error.programmeNameZh", MAX_NAME));
        }
        if (nameEn == null || nameEn.length() > MAX_NAME) {
            problems.add(new Problem("setup.error.programmeNameEn", MAX_NAME));
        }
        String kind = trimmed(setup.kind());
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new Problem("setup.error.kind"));
        }
        String projectProcess = trimmed(setup.projectProcessKey());
        String callProcess = trimmed(setup.callProcessKey());
        String eligibility = trimmed(setup.eligibilityDecisionKey());
        String scoring = trimmed(setup.scoringDecisionKey());
        String sanction = trimmed(setup.sanctionDecisionKey());
        if (projectProcess == null && !WORK_RECORD_KIND.equals(kind)) {
            problems.add(new Problem("setup.error.projectProcessMissing"));
        }
        checkProcess(problems, "setup.error.projectProcess", projectProcess, city);
        checkProcess(problems, "setup.error.callProcess", callProcess, city);
        checkDecision(problems, "setup.error.eligibilityDecision", eligibility, city);
        checkDecision(problems, "setup.error.scoringDecision", scoring, city);
        checkDecision(problems, "setup.error.sanctionDecision", sanction, city);
        Integer days = setup.publicityWorkingDays();
        if (days == null || days < 1 || days > 60) {
            problems.add(new Problem("setup.error.publicityDays"));
        }

        List<CategorySetup> categories = setup.categories() == null ? List.of() : setup.categories();
        if (categories.isEmpty()) {
            problems.add(new Problem("setup.error.noCategory"));
        }
        Set<String> categoryCodes = new HashSet<>();
        List<CategorySetup> cleanCategories = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            CategorySetup c = categories.get(i);
            int row = i + 1;
            String cc = trimmed(c.code());
            if (cc == null || !CODE.matcher(cc).matches()) {
                problems.add(new Problem("setup.error.categoryCode", row));
            } else if (!categoryCodes.add(cc)) {
                problems.add(new Problem("setup.error.categoryDuplicate", row, cc));
            }
            String zh = trimmed(c.nameZh());
            String en = trimmed(c.nameEn());
            if (zh == null || zh.length() > MAX_NAME) {
                problems.add(new Problem("setup.error.categoryNameZh", row, MAX_NAME));
            }
            if (en == null || en.length() > MAX_NAME) {
                problems.add(new Problem("setup.error.categoryNameEn", row, MAX_NAME));
            }
            String quota = trimmed(c.quotaCode());
            if (quota != null && !CODE.matcher(quota).matches()) {
                problems.add(new Problem("setup.error.quotaCode", row));
            }
            String confirms = trimmed(c.confirmationGroup());
            if (confirms != null && !CONFIRMING_GROUPS.contains(confirms)) {
                problems.add(new Problem("setup.error.confirmationGroup", row));
            }
            cleanCategories.add(new CategorySetup(cc, zh, en, quota == null ? cc : quota, confirms));
        }
        List<String> removed = new ArrayList<>();
        if (!creating && code != null) {
            for (Category existing : catalogue.categories(code)) {
                if (!categoryCodes.contains(existing.code())) {
                    if (exists("select count(*) from application where programme_code = ? and category_code = ?", code,
                            existing.code())
                            || exists("select count(*) from call_category cc join programme_call c on c.id = cc.call_id "
                                    + "where c.programme_code = ? and cc.category_code = ?", code, existing.code())) {
                        problems.add(new Problem("setup.error.categoryInUse", existing.nameZh()));
                    } else {
                        removed.add(existing.code());
                    }
                }
            }
        }

        List<FieldSetup> fields = setup.fields() == null ? List.of() : setup.fields();
        Set<String> fieldKeys = new HashSet<>();
        List<FieldSetup> cleanFields = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSetup f = fields.get(i);
            int row = i + 1;
            String category = trimmed(f.categoryCode());
            if (category == null) {
                category = EVERY_CATEGORY;
            }
            if (!EVERY_CATEGORY.equals(category) && !categoryCodes.contains(category)) {
                problems.add(new Problem("setup.error.fieldCategory", row));
            }
            String name = trimmed(f.name());
            if (name == null || !FIELD_NAME.matcher(name).matches()) {
                problems.add(new Problem("setup.error.fieldName", row));
            } else if (!fieldKeys.add(category + "/" + name)) {
                problems.add(new Problem("setup.error.fieldDuplicate", row, name));
            }
            String type = trimmed(f.type());
            if (type == null || java.util.Arrays.stream(DeclaredField.Type.values()).noneMatch(t -> t.name().equals(type))) {
                problems.add(new Problem("setup.error.fieldType", row));
            }
            String zh = trimmed(f.labelZh());
            String en = trimmed(f.labelEn());
            if (zh == null || zh.length() > MAX_NAME) {
                problems.add(new Problem("setup.error.fieldLabelZh", row, MAX_NAME));
            }
            if (en == null || en.length() > MAX_NAME) {
                problems.add(new Problem("setup.error.fieldLabelEn", row, MAX_NAME));
            }
            cleanFields.add(new FieldSetup(category, name, type, zh, en, f.required()));
        }
        UserError.throwIfAny(problems);

        ProgrammeCatalogue.forgetReads();
        if (creating) {
            jdbc.sql("""
                    insert into programme (code, city_code, name_zh, name_en, kind, project_process_key, call_process_key,
                        eligibility_decision_key, scoring_decision_key, sanction_decision_key, publicity_working_days,
                        work_records)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    // a programme of work records keeps them from its first day (V88: the flag follows the kind)
                    .params(code, city, nameZh, nameEn, kind, projectProcess, callProcess, eligibility, scoring, sanction, days,
                            WORK_RECORD_KIND.equals(kind))
                    .update();
        } else {
            int daysBefore = catalogue.requireProgramme(code).publicityWorkingDays();
            jdbc.sql("""
                    update programme set city_code = ?, name_zh = ?, name_en = ?, kind = ?, project_process_key = ?,
                        call_process_key = ?, eligibility_decision_key = ?, scoring_decision_key = ?,
                        sanction_decision_key = ?, publicity_working_days = ? where code = ?""")
                    .params(city, nameZh, nameEn, kind, projectProcess, callProcess, eligibility, scoring, sanction, days, code)
                    .update();
            if (daysBefore != days) {
                // the administrator set the notice's length: no longer the platform's default
                jdbc.sql("delete from programme_default where programme_code = ? and setting = ?")
                        .params(code, ProgrammeSettings.PUBLICITY_DAYS).update();
            }
        }
        for (String gone : removed) {
            jdbc.sql("delete from programme_declared_field where programme_code = ? and category_code = ?").params(code, gone).update();
            jdbc.sql("delete from programme_category where programme_code = ? and code = ?").params(code, gone).update();
        }
        for (int i = 0; i < cleanCategories.size(); i++) {
            CategorySetup c = cleanCategories.get(i);
            Object[] values = {c.nameZh(), c.nameEn(), c.quotaCode(), i + 1, c.confirmationGroup(), code, c.code()};
            int updated = jdbc.sql("""
                    update programme_category set name_zh = ?, name_en = ?, quota_code = ?, sort_order = ?,
                        confirmation_group = ? where programme_code = ? and code = ?""").params(values).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into programme_category (name_zh, name_en, quota_code, sort_order, confirmation_group,
                            programme_code, code) values (?, ?, ?, ?, ?, ?, ?)""").params(values).update();
            }
        }
        jdbc.sql("delete from programme_declared_field where programme_code = ?").param(code).update();
        for (int i = 0; i < cleanFields.size(); i++) {
            FieldSetup f = cleanFields.get(i);
            jdbc.sql("""
                    insert into programme_declared_field (programme_code, category_code, field_name, field_type,
                        label_zh, label_en, required, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, f.categoryCode(), f.name(), f.type(), f.labelZh(), f.labelEn(), f.required(), (i + 1) * 10)
                    .update();
        }
        ProgrammeCatalogue.forgetReads();
        return catalogue.requireProgramme(code);
    }

    /** The latest deployed definition of the key, shared by all cities or deployed to the city's tenant. */
    private void checkProcess(List<Problem> problems, String key, String processKey, String city) {
        if (processKey == null) {
            return;
        }
        if (!KEY.matcher(processKey).matches()) {
            problems.add(new Problem(key, processKey));
            return;
        }
        var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion();
        boolean deployed = query.withoutTenantId().count() > 0 || city != null && repositoryService
                .createProcessDefinitionQuery().processDefinitionKey(processKey).tenantIdIn(city).latestVersion().count() > 0;
        if (!deployed) {
            problems.add(new Problem(key, processKey));
        }
    }

    private void checkDecision(List<Problem> problems, String key, String decisionKey, String city) {
        if (decisionKey == null) {
            return;
        }
        if (!KEY.matcher(decisionKey).matches()) {
            problems.add(new Problem(key, decisionKey));
            return;
        }
        boolean deployed = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .withoutTenantId().latestVersion().count() > 0
                || city != null && repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                        .tenantIdIn(city).latestVersion().count() > 0;
        if (!deployed) {
            problems.add(new Problem(key, decisionKey));
        }
    }

    private boolean exists(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single() > 0;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void requireAdministrator() {
        if (!currentUser.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("setup.error.forbidden");
        }
    }
}
