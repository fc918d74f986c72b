package cn.kexie.capability.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.programme.CatalogueSetup.CategorySetup;
import cn.kexie.capability.programme.CatalogueSetup.CitySetup;
import cn.kexie.capability.programme.CatalogueSetup.FieldSetup;
import cn.kexie.capability.programme.CatalogueSetup.ProgrammeSetup;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A sixth city and its programme, set up at run time as an administrator would: the diagram and
 * tables deployed as Camunda Modeler deploys them, then the city, programme, categories and declared
 * fields through the catalogue service, and an application of that city runs through it.
 */
@PlatformTest
class CatalogueSetupTest {

    static final byte[] PDF = "%PDF-1.4\n% test\n".getBytes(StandardCharsets.US_ASCII);
    static final List<String> PANEL = List.of("expert1", "expert2", "expert4");
    static final String PROCESS = "huaian-award-review";
    static final String ELIGIBILITY = "huaian-eligibility";
    static final String RUBRIC = "huaian-rubric";
    static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final List<String> EVERY_CITY_STAFF = List.of("office", "expert1", "expert2", "expert3", "expert4", "expert5",
            "party", "leader", "county", "finance", "manager");

    @Autowired IdentityService identity;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;
    @Autowired JdbcClient jdbc;
    @Autowired CurrentUser currentUser;
    @Autowired CatalogueSetup setup;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired OrganisationService organisations;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;

    @BeforeEach
    void deployAsTheModelerDoes() {
        repositoryService.createDeployment().name("淮安市奖项（Modeler）").source("Camunda Modeler")
                .addClasspathResource("catalogue/" + PROCESS + ".bpmn")
                .addClasspathResource("catalogue/" + ELIGIBILITY + ".dmn")
                .addClasspathResource("catalogue/" + RUBRIC + ".dmn")
                .enableDuplicateFiltering(true).deploy();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCityAndProgrammeAddedInTheCatalogueTakeApplicationsThatRunEndToEnd() {
        String city = uniqueCode("HA");
        String programme = city + "_AWARD";
        int year = 2037;
        at(year, 3, 1);

        // the demo's staff who work for every city work for this one too (as the demo data has them), so that
        // figures other tests take for "every application" stay whole; office-xz stays with Xuzhou only
        City saved = AsUser.call(identity, "demo", () -> setup.saveCity(new CitySetup(city, "淮安市" + city, "Huaian " + city,
                EVERY_CITY_STAFF), true));
        assertThat(saved.code()).isEqualTo(city);
        // the city is an engine tenant at once, its staff members of it; an office of another city is not
        assertThat(identity.createTenantQuery().tenantId(city).count()).isOne();
        assertThat(currentUser.citiesOf("office").includes(city)).isTrue();
        assertThat(currentUser.citiesOf("expert1").includes(city)).isTrue();
        assertThat(currentUser.citiesOf("office-xz").includes(city)).isFalse();

        AsUser.run(identity, "demo", () -> setup.saveProgramme(programmeSetup(programme, city), true));
        Programme p = catalogue.requireProgramme(programme);
        assertThat(p.cityCode()).isEqualTo(city);
        assertThat(p.projectProcessKey()).isEqualTo(PROCESS);
        assertThat(catalogue.categories(programme)).extracting(Category::code, Category::quotaCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SERVICE_TEAM", "SERVICE_TEAM"),
                        org.assertj.core.groups.Tuple.tuple("EXCELLENT_SOCIETY", "EXCELLENT_SOCIETY"));
        assertThat(catalogue.declaredFields(programme, "SERVICE_TEAM")).extracting(DeclaredField::name)
                .containsExactly("hasServiceTeam", "memberCount");
        assertThat(catalogue.declaredFields(programme, "EXCELLENT_SOCIETY")).extracting(DeclaredField::name)
                .containsExactly("memberCount");
        // the setup screen reads back what it saved
        assertThat(AsUser.call(identity, "demo", () -> setup.programme(programme)).fields()).hasSize(2);

        // the programme office opens this year's call in the catalogue, with deadlines, awards and amounts
        Call call = AsUser.call(identity, "office", () -> {
            Call c = catalogue.createCall(programme, year, year + "年度淮安市学会奖项（测试）", LocalDate.of(year, 3, 1));
            for (String category : List.of("SERVICE_TEAM", "EXCELLENT_SOCIETY")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(year, 3, 1),
                        LocalDate.of(year, 5, 31), 3, new BigDecimal("5000")));
            }
            return c;
        });

        // a society of the new city, and its applicant account (as Camunda Admin would add them)
        String orgCode = "T-" + city;
        String applicant = orgCode.toLowerCase(java.util.Locale.ROOT);
        Organisation org = new Organisation();
        org.setCode(orgCode);
        org.setName("淮安市测试学会" + city);
        org.setCityCode(city);
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        org.setRating(3);
        AsUser.run(identity, "office", () -> organisations.save(org));
        applicantAccount(applicant, orgCode, org.getName());

        // the call is open for the society that day; a society of another city cannot apply to it
        assertThat(catalogue.openCalls()).extracting(Call::id).contains(call.id());
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> applications.start(call.id(), "SERVICE_TEAM", "外市申报")))
                .isInstanceOf(AccessDeniedException.class);

        Application eligible = apply(applicant, call, "SERVICE_TEAM", "科技服务团队进园区", Map.of("hasServiceTeam", true, "memberCount", 120));
        Application noTeam = apply(applicant, call, "SERVICE_TEAM", "尚未组建团队的服务项目", Map.of("hasServiceTeam", false));
        // the application form is built from the declared fields of the category
        assertThat(AsUser.call(identity, applicant, () -> applications.declaredFields(applications.get(eligible.id()))))
                .extracting(DeclaredField::name).containsExactly("hasServiceTeam", "memberCount");

        // the new city's eligibility table read the declared fact
        assertThat(status(noTeam)).isEqualTo("NOT_ACCEPTED");
        assertThat(AsUser.call(identity, applicant, () -> applications.events(noTeam.id())))
                .filteredOn(e -> "eligibility".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(e.comment()).contains("未组建科技服务团队"));
        assertThat(status(eligible)).isEqualTo("FORMAL_REVIEW");
        Application running = applications.load(eligible.id());
        assertThat(runtimeTenant(running)).as("the instance carries the new city's tenant").isEqualTo(city);

        // the office of the city reviews it; an office of another city sees nothing of it
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> applications.get(eligible.id())))
                .isInstanceOf(AccessDeniedException.class);
        AsUser.run(identity, "office", () -> reviews.formalReview(task(running, "Task_InitialReview").getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(running, "Task_AssignPanel").getId(), PANEL));
        List<ReviewService.Criterion> criteria = AsUser.call(identity, "expert1", () -> reviews.criteria(running));
        assertThat(criteria).extracting(ReviewService.Criterion::code).containsExactly("SERVICES", "MEMBERS");
        int[] totals = {90, 80, 70};
        for (int i = 0; i < PANEL.size(); i++) {
            String expert = PANEL.get(i);
            int total = totals[i];
            Task sheet = taskService.createTaskQuery().processInstanceId(running.processInstanceId())
                    .taskDefinitionKey("Task_ExpertReview").taskAssignee(expert).singleResult();
            AsUser.run(identity, expert, () -> {
                Map<String, BigDecimal> points = new HashMap<>();
                BigDecimal share = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
                criteria.forEach(c -> points.put(c.code(), c.maxPoints().multiply(share).setScale(2, RoundingMode.DOWN)));
                reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "评审意见"));
            });
        }
        Application reviewed = applications.load(eligible.id());
        assertThat(reviewed.status()).isEqualTo("REVIEWED");
        assertThat(reviewed.panelScore()).isEqualByComparingTo("80");
        assertThat(taskService.createTaskQuery().processInstanceId(reviewed.processInstanceId()).count()).isZero();
    }

    @Test
    void aProgrammeWithKeysNotDeployedDuplicateCodesAndMissingNamesIsRefusedWithEveryProblemAndNothingSaved() {
        String city = uniqueCode("HB");
        AsUser.run(identity, "demo", () -> setup.saveCity(new CitySetup(city, "测试市" + city, "Test " + city, List.of()), true));
        ProgrammeSetup wrong = new ProgrammeSetup("CHENZHOU", city, "", " ", "LOTTERY", "no-such-process", "no-such-call",
                "no-such-eligibility", "no-such-rubric", "no such sanction", 0,
                List.of(new CategorySetup("SERVICE_TEAM", "", "Service team", null, null),
                        new CategorySetup("SERVICE_TEAM", "重复的类别", "Twice", "bad quota", "nobody"),
                        new CategorySetup("lower", "小写代码", "Lower case", null, null)),
                List.of(new FieldSetup("SERVICE_TEAM", "hasServiceTeam", "MONEY", "", "", true),
                        new FieldSetup("SERVICE_TEAM", "hasServiceTeam", "BOOLEAN", "重复", "Twice", false),
                        new FieldSetup("NO_SUCH_CATEGORY", "Bad Name", "TEXT", "名称", "Name", false)));
        int programmes = count("programme");
        int categories = count("programme_category");
        int fields = count("programme_declared_field");

        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveProgramme(wrong, true)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("setup.error.programmeExists", "setup.error.programmeNameZh",
                                "setup.error.programmeNameEn", "setup.error.kind", "setup.error.projectProcess",
                                "setup.error.callProcess", "setup.error.eligibilityDecision", "setup.error.scoringDecision",
                                "setup.error.sanctionDecision", "setup.error.publicityDays",
                                "setup.error.categoryNameZh", "setup.error.categoryDuplicate", "setup.error.quotaCode",
                                "setup.error.confirmationGroup", "setup.error.categoryCode",
                                "setup.error.fieldType", "setup.error.fieldLabelZh", "setup.error.fieldLabelEn",
                                "setup.error.fieldDuplicate", "setup.error.fieldCategory", "setup.error.fieldName"));
        assertThat(count("programme")).isEqualTo(programmes);
        assertThat(count("programme_category")).isEqualTo(categories);
        assertThat(count("programme_declared_field")).isEqualTo(fields);
        assertThat(catalogue.requireProgramme("CHENZHOU").projectProcessKey()).isEqualTo("chenzhou-project");

        // each key alone: the deployed ones pass, a single undeployed one is named with its key
        ProgrammeSetup oneWrong = new ProgrammeSetup(city + "_AWARD", city, "测试奖项", "Test awards", "AWARD", PROCESS, null,
                ELIGIBILITY, RUBRIC + "-v2", null, 5, List.of(new CategorySetup("SERVICE_TEAM", "科技服务团队", "Service team", null, null)),
                List.of());
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveProgramme(oneWrong, true)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.key()).isEqualTo("setup.error.scoringDecision");
                            assertThat(problem.args()).containsExactly(RUBRIC + "-v2");
                        }));
        assertThat(catalogue.programme(city + "_AWARD")).isEmpty();

        // a programme without any category
        ProgrammeSetup noCategory = new ProgrammeSetup(city + "_AWARD", city, "测试奖项", "Test awards", "AWARD", PROCESS, null,
                ELIGIBILITY, RUBRIC, null, 5, List.of(), List.of());
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveProgramme(noCategory, true)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("setup.error.noCategory"));
    }

    @Test
    void aWorkRecordProgrammeAddedFromTheScreenKeepsWorkRecordsAndAnAwardDoesNot() {
        String city = uniqueCode("HW");
        AsUser.run(identity, "demo", () -> setup.saveCity(new CitySetup(city, "测试市" + city, "Test " + city, List.of()), true));
        List<CategorySetup> categories = List.of(new CategorySetup("SERVICE_TEAM", "科技服务团队", "Service team", null, null));
        AsUser.run(identity, "demo", () -> setup.saveProgramme(new ProgrammeSetup(city + "_WORK", city, "测试工作记录",
                "Test work records", "WORK_RECORD", null, null, null, null, null, 5, categories, List.of()), true));
        AsUser.run(identity, "demo", () -> setup.saveProgramme(new ProgrammeSetup(city + "_AWARD", city, "测试奖项",
                "Test awards", "AWARD", PROCESS, null, ELIGIBILITY, RUBRIC, null, 5, categories, List.of()), true));
        assertThat(catalogue.requireProgramme(city + "_WORK").workRecords()).isTrue();
        assertThat(catalogue.requireProgramme(city + "_AWARD").workRecords()).isFalse();
    }

    @Test
    void aDecisionDeployedToAnotherCitysTenantDoesNotCountButOneDeployedToTheCitysOwnDoes() {
        String city = uniqueCode("HC");
        AsUser.run(identity, "demo", () -> setup.saveCity(new CitySetup(city, "测试市" + city, "Test " + city, List.of()), true));
        String key = "tenant-rubric-" + city.toLowerCase(java.util.Locale.ROOT);
        String dmn = rubricWithKey(key);
        repositoryService.createDeployment().name("Modeler").tenantId("XUZHOU").addString(key + ".dmn", dmn).deploy();
        ProgrammeSetup programme = new ProgrammeSetup(city + "_AWARD", city, "测试奖项", "Test awards", "AWARD", PROCESS, null,
                ELIGIBILITY, key, null, 5, List.of(new CategorySetup("SERVICE_TEAM", "科技服务团队", "Service team", null, null)),
                List.of());
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveProgramme(programme, true)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("setup.error.scoringDecision"));
        repositoryService.createDeployment().name("Modeler").tenantId(city).addString(key + ".dmn", dmn).deploy();
        AsUser.run(identity, "demo", () -> setup.saveProgramme(programme, true));
        assertThat(catalogue.requireProgramme(city + "_AWARD").scoringDecisionKey()).isEqualTo(key);
    }

    @Test
    void aCityWithADuplicateCodeBadCodeMissingNamesOrAnUnknownStaffAccountIsRefusedAndNoTenantCreated() {
        int cities = count("city");
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveCity(
                new CitySetup("XUZHOU", " ", "", List.of()), true)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("setup.error.cityExists", "setup.error.cityNameZh", "setup.error.cityNameEn"));
        String city = uniqueCode("HD");
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveCity(
                new CitySetup(city, "徐州市", "Somewhere", List.of("office", "nobody-" + city, "cz-med")), true)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("setup.error.cityNameTaken", "setup.error.unknownStaff",
                                "setup.error.unknownStaff"));
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveCity(
                new CitySetup("huai an", "淮安", "Huaian", List.of()), true)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("setup.error.cityCode"));
        assertThat(count("city")).isEqualTo(cities);
        assertThat(identity.createTenantQuery().tenantId(city).count()).isZero();
        assertThat(identity.createTenantQuery().tenantId("XUZHOU").singleResult().getName()).isEqualTo("徐州市");
    }

    @Test
    void anAmountBelowZeroForACategoryOfTheCallIsRefused() {
        String city = uniqueCode("HE");
        String programme = city + "_AWARD";
        AsUser.run(identity, "demo", () -> {
            setup.saveCity(new CitySetup(city, "测试市" + city, "Test " + city, List.of()), true);
            setup.saveProgramme(programmeSetup(programme, city), true);
        });
        Call call = AsUser.call(identity, "demo", () -> catalogue.createCall(programme, 2038, "2038年度测试", LocalDate.of(2038, 3, 1)));
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> catalogue.saveCallCategory(new CallCategory(call.id(),
                "SERVICE_TEAM", null, LocalDate.of(2038, 5, 31), -1, new BigDecimal("-0.01")))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("programme.error.amount", "programme.error.awardCount"));
        assertThat(catalogue.callCategories(call.id())).isEmpty();
    }

    @Test
    void onlyAdministratorsSetUpCitiesAndProgrammes() {
        String city = uniqueCode("HF");
        int cities = count("city");
        int programmes = count("programme");
        for (String user : List.of("office", "office-xz", "manager", "expert1", "cz-med")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> setup.saveCity(
                    new CitySetup(city, "测试市" + city, "Test " + city, List.of()), true)))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> setup.saveProgramme(programmeSetup(city + "_AWARD", "XUZHOU"), true)))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> setup.programme("XUZHOU")))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> setup.staffUsers()))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(count("city")).isEqualTo(cities);
        assertThat(count("programme")).isEqualTo(programmes);
        assertThat(identity.createTenantQuery().tenantId(city).count()).isZero();
    }

    @Test
    void anAdministratorEditsAProgrammeButCannotRemoveACategoryInUse() {
        String city = uniqueCode("HG");
        String programme = city + "_AWARD";
        AsUser.run(identity, "demo", () -> {
            setup.saveCity(new CitySetup(city, "测试市" + city, "Test " + city, List.of()), true);
            setup.saveProgramme(programmeSetup(programme, city), true);
        });
        Call call = AsUser.call(identity, "demo", () -> catalogue.createCall(programme, 2039, "2039年度测试", LocalDate.of(2039, 3, 1)));
        AsUser.run(identity, "demo", () -> catalogue.saveCallCategory(new CallCategory(call.id(), "SERVICE_TEAM", null,
                LocalDate.of(2039, 5, 31), 2, new BigDecimal("1000"))));
        ProgrammeSetup withoutServiceTeam = new ProgrammeSetup(programme, city, "测试奖项（修订）", "Test awards (revised)", "AWARD",
                PROCESS, null, ELIGIBILITY, RUBRIC, null, 7,
                List.of(new CategorySetup("EXCELLENT_SOCIETY", "优秀学会", "Excellent society", null, null)), List.of());
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveProgramme(withoutServiceTeam, false)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("setup.error.categoryInUse"));
        assertThat(catalogue.requireProgramme(programme).nameZh()).isEqualTo("淮安市学会奖项（测试）");

        ProgrammeSetup withoutExcellent = new ProgrammeSetup(programme, city, "测试奖项（修订）", "Test awards (revised)", "AWARD",
                PROCESS, null, ELIGIBILITY, RUBRIC, null, 7,
                List.of(new CategorySetup("SERVICE_TEAM", "科技服务团队（修订）", "Service team", "TEAMS", Roles.COUNTY_ASSOCIATION)),
                List.of());
        AsUser.run(identity, "demo", () -> setup.saveProgramme(withoutExcellent, false));
        assertThat(catalogue.requireProgramme(programme).publicityWorkingDays()).isEqualTo(7);
        assertThat(catalogue.categories(programme)).singleElement().satisfies(c -> {
            assertThat(c.nameZh()).isEqualTo("科技服务团队（修订）");
            assertThat(c.quotaCode()).isEqualTo("TEAMS");
            assertThat(c.confirmationGroup()).isEqualTo(Roles.COUNTY_ASSOCIATION);
        });
        assertThat(catalogue.declaredFields(programme, "SERVICE_TEAM")).isEmpty();
    }

    // ------------------------------------------------------------------ steps

    static ProgrammeSetup programmeSetup(String code, String city) {
        return new ProgrammeSetup(code, city, "淮安市学会奖项（测试）", "Huaian society awards (test)", "AWARD", PROCESS, null,
                ELIGIBILITY, RUBRIC, null, 5,
                List.of(new CategorySetup("SERVICE_TEAM", "科技服务团队", "Technology service team", null, null),
                        new CategorySetup(" EXCELLENT_SOCIETY ", "优秀学会", "Excellent society", "", "")),
                List.of(new FieldSetup("SERVICE_TEAM", "hasServiceTeam", "BOOLEAN", "已组建科技服务团队", "Has a technology service team", true),
                        new FieldSetup(CatalogueSetup.EVERY_CATEGORY, "memberCount", "INTEGER", "个人会员人数", "Individual members", false)));
    }

    Application apply(String user, Call call, String category, String title, Map<String, Object> declared) {
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("服务园区企业。");
        draft.setContent("组织专家服务团队定期进园区。");
        draft.setSchedule("全年实施。");
        draft.setExpectedResults("形成服务成效报告。");
        draft.setBudget(List.of(new Application.BudgetLine("服务费", new BigDecimal("5000"), null)));
        draft.setDeclared(new LinkedHashMap<>(declared));
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    void applicantAccount(String userId, String orgCode, String name) {
        String group = Roles.organisationGroup(orgCode);
        Group g = identity.newGroup(group);
        g.setName(name);
        g.setType(Roles.ORGANISATION_GROUP_TYPE);
        identity.saveGroup(g);
        User user = identity.newUser(userId);
        user.setLastName(name);
        user.setPassword("Kx#Huaian-2037-Pw9");
        identity.saveUser(user);
        identity.createMembership(userId, Roles.APPLICANT);
        identity.createMembership(userId, group);
    }

    String runtimeTenant(Application app) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(app.processInstanceId()).singleResult().getTenantId();
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number() + " (" + status(app) + ")").isNotNull();
        return task;
    }

    String status(Application app) {
        return applications.load(app.id()).status();
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    static String uniqueCode(String prefix) {
        return prefix + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(java.util.Locale.ROOT)
                + SEQUENCE.incrementAndGet();
    }

    void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(PlatformClock.ZONE).toInstant()));
    }

    static String rubricWithKey(String key) {
        try (var in = CatalogueSetupTest.class.getResourceAsStream("/catalogue/" + RUBRIC + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id=\"" + RUBRIC + "\"", "id=\"" + key + "\"")
                    .replace("dmnElementRef=\"" + RUBRIC + "\"", "dmnElementRef=\"" + key + "\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
