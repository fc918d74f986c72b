package cn.kexie.capability.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The expert pool city by city: an office sees the experts whose accounts work for its cities, with
 * only its cities of their cities served, and changes only those; every problem of a profile at
 * once, nothing written; experts and applicants are refused; the demo experts have profiles.
 */
@PlatformTest
class ExpertPoolTest {

    @Autowired IdentityService identity;
    @Autowired ExpertPool pool;
    @Autowired OrganisationService organisations;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired JdbcClient jdbc;
    @Autowired com.vaadin.flow.i18n.I18NProvider messages;

    @Test
    void anOfficeOfOneCitySeesAndChangesOnlyItsCitysPool() {
        account("pool-e1", "CHENZHOU", "XUZHOU");
        AsUser.run(identity, "office", () -> pool.save(new ExpertPool.Edit("pool-e1", "研究员", null, "测试研究院",
                List.of("池测试农学", "植保"), Set.of("CHENZHOU", "XUZHOU"), true)));

        // every demo expert's account works for every city, but expert3 serves only Chenzhou in the pool:
        // office-xz sees him, without cities
        List<ExpertPool.Profile> xz = AsUser.call(identity, "office-xz", () -> pool.list(null));
        ExpertPool.Profile e1 = xz.stream().filter(p -> p.expertId().equals("pool-e1")).findFirst().orElseThrow();
        assertThat(e1.cities()).containsExactly("XUZHOU");
        assertThat(e1.specialties()).containsExactlyInAnyOrder("池测试农学", "植保");
        assertThat(e1.affiliation()).isEqualTo("测试研究院");
        assertThat(xz.stream().filter(p -> p.expertId().equals("expert3")).findFirst().orElseThrow().cities()).isEmpty();

        // office-xz takes pool-e1 out of Xuzhou's pool: Chenzhou's stays
        AsUser.run(identity, "office-xz", () -> pool.save(new ExpertPool.Edit("pool-e1", "研究员", null, "测试研究院",
                List.of("池测试农学"), Set.of(), true)));
        assertThat(AsUser.call(identity, "office", () -> pool.profile("pool-e1")).cities()).containsExactly("CHENZHOU");
        // and cannot put him into Chenzhou's
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> pool.save(new ExpertPool.Edit("pool-e1", "研究员",
                null, "测试研究院", List.of("池测试农学"), Set.of("CHENZHOU"), true))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(identity, "office", () -> pool.profile("pool-e1")).cities()).containsExactly("CHENZHOU");

        // an expert whose account works for Chenzhou only is not Xuzhou's to see or edit
        account("pool-e2", "CHENZHOU");
        assertThat(AsUser.call(identity, "office-xz", () -> pool.list(null))).extracting(ExpertPool.Profile::expertId)
                .doesNotContain("pool-e2");
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> pool.save(new ExpertPool.Edit("pool-e2", null,
                null, "某大学", List.of("医学"), Set.of(), true)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.call(identity, "office-xz", () -> pool.profile("pool-e2")))
                .isInstanceOf(AccessDeniedException.class);

        // search by specialty
        assertThat(AsUser.call(identity, "office", () -> pool.list("池测试"))).extracting(ExpertPool.Profile::expertId)
                .containsExactly("pool-e1");
        assertThat(AsUser.call(identity, "office", () -> pool.specialties())).contains("池测试农学");
    }

    @Test
    void everyProblemOfAProfileAtOnceAndNothingWritten() {
        account("pool-e3", "CHENZHOU");
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> pool.save(new ExpertPool.Edit("pool-e3",
                "很长".repeat(60), null, " ", List.of(" "), Set.of("CHENZHOU", "XUZHOU"), true))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(Messages.describe(Messages.CHINESE, e).split("\n"))
                        .containsExactly("请至少填写一个专业领域。", "职称最多 100 个字。",
                                "请填写工作单位：选择登记的学会，或填写其他单位名称。",
                                "该专家的账号不在徐州市工作，不能服务该市；请管理员先在账号中加上该市。"));
        assertThat(jdbc.sql("select count(*) from expert_profile where expert_id = 'pool-e3'").query(Integer.class).single()).isZero();

        // a society of the register as affiliation: the draw's 回避 reads it
        long czMed = organisations.findByCode("CZ-MED").orElseThrow().getId();
        AsUser.run(identity, "office", () -> pool.save(new ExpertPool.Edit("pool-e3", null, czMed, "忽略", List.of("医学"),
                Set.of("CHENZHOU"), true)));
        ExpertPool.Profile saved = AsUser.call(identity, "office", () -> pool.profile("pool-e3"));
        assertThat(saved.affiliationOrgId()).isEqualTo(czMed);
        assertThat(saved.affiliationText()).isNull();
        assertThat(AsUser.call(identity, "office", () -> pool.affiliatedWith(czMed))).contains("pool-e3", "expert3");
    }

    @Test
    void expertsAndApplicantsAreRefused() {
        for (String user : List.of("expert1", "cz-med", "party", "finance")) {
            assertThatThrownBy(() -> AsUser.call(identity, user, () -> pool.list(null))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> pool.save(new ExpertPool.Edit("expert1", "教授", null,
                    "中南大学", List.of("医学"), Set.of("CHENZHOU"), true)))).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.call(identity, user, () -> pool.members("CHENZHOU"))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> AsUser.call(identity, "office-xz", () -> pool.members("CHENZHOU")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDemoExpertsHaveProfiles() {
        List<ExpertPool.Profile> all = AsUser.call(identity, "office", () -> pool.list(null));
        ExpertPool.Profile expert3 = all.stream().filter(p -> p.expertId().equals("expert3")).findFirst().orElseThrow();
        assertThat(expert3.filed()).isTrue();
        assertThat(expert3.cities()).containsExactly("CHENZHOU");
        assertThat(expert3.affiliationName()).isNotBlank();
        assertThat(AsUser.call(identity, "office", () -> pool.members("XUZHOU"))).extracting(ExpertPool.Member::expertId)
                .contains("expert1", "expert2", "expert4", "expert5").doesNotContain("expert3");
    }

    @Test
    void theViewListsTheCitysPoolAndItsExportIsThatList() {
        VaadinTestUi.open(messages);
        try {
          AsUser.run(identity, "office-xz", () -> {
            ExpertPoolView view = new ExpertPoolView(pool, organisations, catalogue);
            List<ExpertPool.Profile> shown = view.grid.getGenericDataView().getItems().toList();
            assertThat(shown).extracting(ExpertPool.Profile::expertId).contains("expert1").doesNotContain("pool-e2");
            assertThat(view.status(shown.stream().filter(p -> p.expertId().equals("expert3")).findFirst().orElseThrow()))
                    .isEqualTo("不服务本市");
            view.search.setValue("智能制造");
            assertThat(view.grid.getGenericDataView().getItems().toList()).extracting(ExpertPool.Profile::expertId)
                    .contains("expert2").doesNotContain("expert1");
            ExpertPoolView.EditDialog dialog = view.edit(view.grid.getGenericDataView().getItems()
                    .filter(p -> p.expertId().equals("expert2")).findFirst().orElseThrow());
            assertThat(dialog.servedCities.getValue()).extracting(c -> c.code()).containsExactly("XUZHOU");
            dialog.specialties.setValue("");
            dialog.save.click();
            assertThat(dialog.problems.getText()).contains("请至少填写一个专业领域。");
            dialog.close();
          });
        } finally {
            VaadinTestUi.close();
        }
    }

    private void account(String id, String... cities) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setLastName("池");
            u.setFirstName("专家");
            u.setPassword("Kx#Pool-2026-Pw9");
            identity.saveUser(u);
            identity.createMembership(id, Roles.EXPERT);
            for (String city : cities) {
                identity.createTenantUserMembership(city, id);
            }
        }
    }
}
