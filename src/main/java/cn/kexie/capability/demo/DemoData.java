package cn.kexie.capability.demo;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.organisation.GroupMembership;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.Organisation.Commendation;
import cn.kexie.capability.organisation.Organisation.Sanction;
import cn.kexie.capability.organisation.Organisation.Violation;
import cn.kexie.capability.organisation.Organisation.YearResult;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.DemoPasswords;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.security.SystemAuthentication;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, organisations of all five cities and this year's calls, created on the embedded
 * default database only (or when {@code platform.demo-data=true}); never under the prod profile.
 * Every demo account's password is {@link DemoPasswords#DEMO}, as the README says.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * Staff accounts: id, surname, given name, role groups, affiliated organisation (or null), and the
     * cities (engine tenants) it works for — every city of the catalogue when null.
     */
    record StaffUser(String id, String lastName, String firstName, List<String> groups, String organisation,
            List<String> cities) {
        StaffUser(String id, String lastName, String firstName, List<String> groups, String organisation) {
            this(id, lastName, firstName, groups, organisation, null);
        }
    }

    static final List<StaffUser> STAFF = List.of(
            new StaffUser("demo", "系统", "管理员", List.of(Roles.ADMIN), null),
            new StaffUser("office", "王", "学会部", List.of(Roles.PROGRAMME_OFFICE), null),
            new StaffUser("expert1", "李", "教授", List.of(Roles.EXPERT), null),
            new StaffUser("expert2", "张", "研究员", List.of(Roles.EXPERT), null),
            new StaffUser("expert3", "刘", "主任医师", List.of(Roles.EXPERT), "CZ-MED"),
            new StaffUser("expert4", "陈", "高工", List.of(Roles.EXPERT), null),
            new StaffUser("expert5", "赵", "教授", List.of(Roles.EXPERT), null),
            new StaffUser("party", "周", "书记", List.of(Roles.PARTY_GROUP), null),
            new StaffUser("leader", "吴", "主席", List.of(Roles.LEADING_GROUP), null),
            // 海州区科协: confirms the Lianyungang stations and chief experts serving Haizhou (county-lyg-haizhou)
            new StaffUser("county", "郑", "县科协", List.of(Roles.COUNTY_ASSOCIATION, "county-lyg-haizhou"), null),
            // 东海县科协: Donghai's only, and Lianyungang's only
            new StaffUser("county-dh", "马", "东海县科协", List.of(Roles.COUNTY_ASSOCIATION, "county-lyg-donghai"), null,
                    List.of("LIANYUNGANG")),
            new StaffUser("finance", "孙", "财务", List.of(Roles.FINANCE), null),
            new StaffUser("manager", "钱", "领导", List.of(Roles.MANAGER), null),
            // an office that works for one city only: sees Xuzhou's programme and nothing of the others
            new StaffUser("office-xz", "徐", "学会部", List.of(Roles.PROGRAMME_OFFICE), null, List.of("XUZHOU")));

    private final IdentityService identityService;
    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    private final cn.kexie.capability.expert.ExpertPool experts;
    private final boolean enabled;

    DemoData(IdentityService identityService, OrganisationService organisations, ProgrammeCatalogue catalogue,
            cn.kexie.capability.expert.ExpertPool experts,
            @Value("${platform.demo-data:}") String demoData,
            @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.identityService = identityService;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.experts = experts;
        this.enabled = enabled(demoData, datasourceUrl);
    }

    static boolean enabled(String setting, String datasourceUrl) {
        return cn.kexie.capability.common.DemoMode.enabled(setting, datasourceUrl);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        SystemAuthentication.run(() -> {
            int year = PlatformClock.today().getYear();
            organisations(year).forEach(this::ensureOrganisation);
            STAFF.forEach(this::ensureStaff);
            ensureExpertProfiles();
            for (Organisation org : organisations(year)) {
                ensureApplicant(org);
            }
            catalogue.programmes().forEach(p -> ensureCall(p, year));
        });
        log.info("Demo data in place: users {} and one applicant per demo organisation, password '{}'",
                STAFF.stream().map(StaffUser::id).toList(), DemoPasswords.DEMO);
    }

    /** 专家库 (issue 11): a profile for each demo expert; 刘主任医师 works for CZ-MED and serves Chenzhou only. */
    private void ensureExpertProfiles() {
        List<String> all = catalogue.cities().stream().map(cn.kexie.capability.programme.City::code).toList();
        experts.ensureProfile("expert1", "教授", null, "中南大学", List.of("医学", "学会管理"), all);
        experts.ensureProfile("expert2", "研究员", null, "中国科学院", List.of("机械工程", "智能制造"), all);
        experts.ensureProfile("expert3", "主任医师", "CZ-MED", null, List.of("医学"),
                all.contains("CHENZHOU") ? List.of("CHENZHOU") : all);
        experts.ensureProfile("expert4", "高级工程师", null, "徐工集团", List.of("机械工程", "化工"), all);
        experts.ensureProfile("expert5", "教授", null, "湖南大学", List.of("学会管理", "科普"), all);
    }

    private void ensureOrganisation(Organisation org) {
        if (organisations.findByCode(org.getCode()).isEmpty()) {
            Organisation saved = organisations.save(org);
            for (Sanction s : org.getSanctions()) {
                organisations.addSanction(saved.getId(), s);
            }
        }
        String group = Roles.organisationGroup(org.getCode());
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            Group g = identityService.newGroup(group);
            g.setName(org.getName());
            g.setType(Roles.ORGANISATION_GROUP_TYPE);
            identityService.saveGroup(g);
        }
    }

    private void ensureStaff(StaffUser staff) {
        // each piece on its own, so that a start cut short half-way is completed by the next one
        ensureUser(staff.id(), staff.lastName(), staff.firstName());
        staff.groups().forEach(g -> ensureMembership(staff.id(), g));
        if (staff.organisation() != null) {
            ensureMembership(staff.id(), Roles.organisationGroup(staff.organisation()));
        }
        if (staff.groups().contains(Roles.ADMIN)) {
            return;
        }
        List<String> cities = staff.cities() != null ? staff.cities()
                : catalogue.cities().stream().map(cn.kexie.capability.programme.City::code).toList();
        for (String city : cities) {
            if (identityService.createTenantQuery().tenantId(city).userMember(staff.id()).count() == 0) {
                identityService.createTenantUserMembership(city, staff.id());
            }
        }
    }

    /** One applicant account per organisation; its id is the organisation's code in lower case. */
    private void ensureApplicant(Organisation org) {
        String id = org.getCode().toLowerCase(java.util.Locale.ROOT);
        ensureUser(id, org.getName(), "");
        ensureMembership(id, Roles.APPLICANT);
        ensureMembership(id, Roles.organisationGroup(org.getCode()));
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private boolean ensureUser(String id, String lastName, String firstName) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identityService.newUser(id);
        user.setLastName(lastName);
        user.setFirstName(firstName);
        user.setEmail(id + "@demo.kexie.cn");
        user.setPassword(DemoPasswords.DEMO);
        // the documented demo password is weaker than the password policy allows: demo data only, and the
        // prod profile refuses to start while any account has it (DefaultPasswordGuard)
        DemoPasswords.saveSkippingPolicy(identityService, user);
        return true;
    }

    /** This year's call of every programme, open for some weeks from the first start. */
    private void ensureCall(Programme programme, int year) {
        if (catalogue.call(programme.code(), year).isPresent()) {
            return;
        }
        LocalDate today = PlatformClock.today();
        Call call = catalogue.createCall(programme.code(), year,
                year + "年度" + programme.nameZh() + "（演示）", today.minusDays(7));
        for (Category category : catalogue.categories(programme.code())) {
            boolean early = category.code().startsWith("SERVICE_") || category.code().equals("CHIEF_EXPERT");
            catalogue.saveCallCategory(new CallCategory(call.id(), category.code(), call.publishedOn(),
                    today.plusDays(early ? 30 : 60), demoAwards(programme, category), demoAmount(programme, category)));
        }
        catalogue.calls(programme.code()).stream().filter(c -> c.year() != year).findFirst()
                .ifPresent(earlier -> catalogue.quotas(earlier.id()).forEach(q ->
                        catalogue.saveQuota(new CallQuota(call.id(), q.quotaCode(), q.minCount(), q.maxCount()))));
    }

    private Integer demoAwards(Programme programme, Category category) {
        return catalogue.calls(programme.code()).stream()
                .flatMap(c -> catalogue.callCategory(c.id(), category.code()).stream())
                .map(CallCategory::awardCount).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private BigDecimal demoAmount(Programme programme, Category category) {
        return catalogue.calls(programme.code()).stream()
                .flatMap(c -> catalogue.callCategory(c.id(), category.code()).stream())
                .map(CallCategory::amountYuan).filter(java.util.Objects::nonNull).findFirst()
                .orElse(new BigDecimal("50000"));
    }

    static List<Organisation> organisations(int year) {
        return List.of(
                org("CZ-MED", "郴州市医学会", "CHENZHOU", OrganisationType.MUNICIPAL_SOCIETY, 4, year, o -> {
                    good(o, year);
                    o.setCommendations(List.of(new Commendation(year - 2, "MUNICIPAL", "市级学会工作先进集体")));
                }),
                org("CZ-AGRI", "郴州市农学会", "CHENZHOU", OrganisationType.MUNICIPAL_SOCIETY, 2, year, o -> {
                    good(o, year);
                    o.setInspections(List.of(new YearResult(year - 2, false), new YearResult(year - 1, true)));
                    o.setHasPartyBranch(false);
                }),
                org("CZ-ENG", "郴州市机械工程学会", "CHENZHOU", OrganisationType.MUNICIPAL_SOCIETY, 3, year, o -> {
                    good(o, year);
                    o.setViolations(List.of(new Violation(year - 1, "PENALTY", "因违规收费受到市民政局通报批评")));
                }),
                org("CZ-UNIV", "湘南学院科协", "CHENZHOU", OrganisationType.UNIVERSITY_ASSOCIATION, 0, year, o -> {
                    o.setManagementStandard(true);
                    o.setHasSecretary(true);
                    o.setFinanceSound(true);
                }),
                org("CZ-YX", "永兴县科协", "CHENZHOU", OrganisationType.COUNTY_ASSOCIATION, 0, year, o -> {
                    o.setManagementStandard(true);
                    o.setHasSecretary(true);
                    o.setFinanceSound(true);
                }),
                org("CZ-COMP", "郴州市计算机学会", "CHENZHOU", OrganisationType.MUNICIPAL_SOCIETY, 3, year, o -> {
                    good(o, year);
                    o.setSanctions(List.of(new Sanction("CHENZHOU", "FRAUD", year - 1, year, year + 2, null,
                            "中期检查发现虚报活动业绩")));
                }),
                org("XZ-MECH", "徐州市机械工程学会", "XUZHOU", OrganisationType.MUNICIPAL_SOCIETY, 5, year, o -> good(o, year)),
                org("XZ-PSCI", "徐州市科普作家协会", "XUZHOU", OrganisationType.MUNICIPAL_SOCIETY, 3, year, o -> good(o, year)),
                org("XZ-ELEC", "徐州市电子学会", "XUZHOU", OrganisationType.MUNICIPAL_SOCIETY, 4, year, o -> {
                    good(o, year);
                    o.setSanctions(List.of(new Sanction("XUZHOU", "FRAUD", year - 3, year - 2, year, null,
                            "项目验收时提供虚假材料")));
                }),
                org("XZ-CUMT", "中国矿业大学科协", "XUZHOU", OrganisationType.UNIVERSITY_ASSOCIATION, 0, year, o -> good(o, year)),
                org("LYG-PHAR", "连云港市药学会", "LIANYUNGANG", OrganisationType.MUNICIPAL_SOCIETY, 3, year, o -> {
                    good(o, year);
                    o.setHasWebsiteAndMemberDb(true);
                }),
                org("LYG-CHEM", "连云港市化工学会", "LIANYUNGANG", OrganisationType.MUNICIPAL_SOCIETY, 2, year, o -> good(o, year)),
                org("XY-AUTO", "襄阳市汽车工程学会", "XIANGYANG", OrganisationType.MUNICIPAL_SOCIETY, 4, year, o -> {
                    good(o, year);
                    o.setGroupMember(GroupMembership.FIRST_BATCH);
                }),
                org("XY-HT", "襄阳中科光电有限公司", "XIANGYANG", OrganisationType.ENTERPRISE, 0, year, o -> {
                    o.setRegisteredInProvince(true);
                    o.setIndependentLegalPerson(true);
                    o.setAboveScaleOrHighTech(true);
                    o.setHasRdTeam(true);
                }),
                org("XY-PARK", "襄阳高新技术产业开发区", "XIANGYANG", OrganisationType.PARK, 0, year, o -> {
                    o.setRegisteredInProvince(true);
                    o.setIndependentLegalPerson(true);
                }),
                org("CD-ELEC", "成都电子学会", "CHENGDU", OrganisationType.MUNICIPAL_SOCIETY, 4, year, o -> good(o, year)),
                org("CD-MED", "成都医学会", "CHENGDU", OrganisationType.MUNICIPAL_SOCIETY, 5, year, o -> good(o, year)));
    }

    private static Organisation org(String code, String name, String city, OrganisationType type, int rating,
            int year, Consumer<Organisation> profile) {
        Organisation o = new Organisation();
        o.setCode(code);
        o.setName(name);
        o.setCityCode(city);
        o.setType(type);
        o.setRating(rating);
        o.setContactName("联系人");
        o.setContactPhone("0735-2200000");
        if (!NO_BANK_ACCOUNT.equals(code)) {
            o.setBankName(BANKS.get(city));
            o.setBankAccountName(name);
            // a made-up number of 19 digits, the same on every start
            o.setBankAccountNo(String.format(java.util.Locale.ROOT, "%019d", 4_300_000_000_000_000_000L
                    + Math.floorMod(code.hashCode(), 1_000_000_000L)));
        }
        profile.accept(o);
        return o;
    }

    /** The bank of each city's demo accounts. */
    private static final java.util.Map<String, String> BANKS = java.util.Map.of(
            "CHENZHOU", "中国工商银行郴州分行", "XUZHOU", "中国建设银行徐州分行", "LIANYUNGANG", "中国银行连云港分行",
            "XIANGYANG", "中国农业银行襄阳分行", "CHENGDU", "交通银行成都分行");
    /** One demo society without an account in the register: finance's disbursement to it is refused until the office adds one. */
    static final String NO_BANK_ACCOUNT = "CZ-YX";

    /** A society in good standing: two clean years, sound management and finance. */
    private static void good(Organisation o, int year) {
        o.setManagementStandard(true);
        o.setHasSecretary(true);
        o.setSecretaryGeneral("秘书长");
        o.setFinanceSound(true);
        o.setIndependentBankAccount(true);
        o.setDedicatedFinanceStaff(true);
        o.setHasPartyBranch(true);
        o.setInspections(List.of(new YearResult(year - 2, true), new YearResult(year - 1, true)));
        o.setAssessments(List.of(new YearResult(year - 2, true), new YearResult(year - 1, true)));
    }
}
