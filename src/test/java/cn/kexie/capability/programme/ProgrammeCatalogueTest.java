package cn.kexie.capability.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.UserError;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@PlatformTest
class ProgrammeCatalogueTest {

    @Autowired
    ProgrammeCatalogue catalogue;

    @Autowired
    IdentityService identity;

    @Test
    void theCatalogueHoldsTheFiveCitiesOfTheSeeds() {
        assertThat(catalogue.programmes()).extracting(Programme::code)
                .containsExactlyInAnyOrder("CHENZHOU", "XUZHOU", "LIANYUNGANG", "XIANGYANG", "CHENGDU");
        assertThat(catalogue.categories("XUZHOU")).extracting(Category::code).containsExactly("FIRST_CLASS",
                "INNOVATION_THINK_TANK", "INNOVATION_ACADEMIC", "INNOVATION_POPULAR_SCIENCE", "SERVICE_TECH", "SERVICE_THINK_TANK");
        Call xuzhou2022 = catalogue.call("XUZHOU", 2022).orElseThrow();
        assertThat(catalogue.callCategory(xuzhou2022.id(), "SERVICE_TECH").orElseThrow().deadline())
                .isEqualTo(LocalDate.of(2022, 6, 5));
        assertThat(catalogue.quotas(xuzhou2022.id())).contains(new CallQuota(xuzhou2022.id(), "INNOVATION", 10, 12));
        Call lianyungang = catalogue.call("LIANYUNGANG", 2017).orElseThrow();
        CallCategory demo = catalogue.callCategory(lianyungang.id(), "DEMO_SOCIETY_AWARD").orElseThrow();
        assertThat(demo.awardCount()).isEqualTo(5);
        assertThat(demo.amountYuan()).isEqualByComparingTo("8000");
    }

    @Test
    void theDeadlineDayItselfStillAcceptsApplications() {
        long call = catalogue.call("XUZHOU", 2022).orElseThrow().id();
        assertThat(catalogue.requireOpen(call, "SERVICE_TECH", LocalDate.of(2022, 6, 5)).deadline())
                .isEqualTo(LocalDate.of(2022, 6, 5));
        assertThatThrownBy(() -> catalogue.requireOpen(call, "SERVICE_TECH", LocalDate.of(2022, 6, 6)))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.problems().get(0).key()).isEqualTo("programme.error.deadlinePassed");
                    assertThat(e.problems().get(0).args()).containsExactly("科技服务项目", "2022-06-05");
                });
        // FIRST_CLASS closes later
        catalogue.requireOpen(call, "FIRST_CLASS", LocalDate.of(2022, 11, 10));
        assertThatThrownBy(() -> catalogue.requireOpen(call, "FIRST_CLASS", LocalDate.of(2022, 4, 28)))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("programme.error.notYetOpen"));
        assertThatThrownBy(() -> catalogue.requireOpen(call, "DEMO_SOCIETY_AWARD", LocalDate.of(2022, 6, 1)))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("programme.error.unknownCategory"));
    }

    @Test
    void theOfficeChangesADeadlineAndItAppliesAtOnce() {
        Call call = AsUser.call(identity, "office", () -> catalogue.createCall("CHENGDU", 2031, "2031年度测试", LocalDate.of(2031, 3, 1)));
        AsUser.run(identity, "office", () -> catalogue.saveCallCategory(new CallCategory(call.id(), "ACADEMIC_EXCHANGE",
                LocalDate.of(2031, 3, 1), LocalDate.of(2031, 5, 31), 10, new BigDecimal("20000"))));
        assertThatThrownBy(() -> catalogue.requireOpen(call.id(), "ACADEMIC_EXCHANGE", LocalDate.of(2031, 6, 15)))
                .isInstanceOf(UserError.class);
        AsUser.run(identity, "office", () -> catalogue.saveCallCategory(new CallCategory(call.id(), "ACADEMIC_EXCHANGE",
                LocalDate.of(2031, 3, 1), LocalDate.of(2031, 6, 30), 10, new BigDecimal("20000"))));
        assertThat(catalogue.requireOpen(call.id(), "ACADEMIC_EXCHANGE", LocalDate.of(2031, 6, 15)).awardCount()).isEqualTo(10);
    }

    @Test
    void badCatalogueInputIsRefusedWithEveryReason() {
        Call call = AsUser.call(identity, "office", () -> catalogue.createCall("CHENGDU", 2032, "2032年度测试", LocalDate.of(2032, 3, 1)));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> catalogue.saveCallCategory(new CallCategory(call.id(),
                "ACADEMIC_EXCHANGE", LocalDate.of(2032, 7, 1), LocalDate.of(2032, 6, 30), -1, new BigDecimal("-5")))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("programme.error.opensAfterDeadline", "programme.error.awardCount",
                                "programme.error.amount"));
        assertThat(catalogue.callCategories(call.id())).isEmpty();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> catalogue.saveQuota(new CallQuota(call.id(), "NOPE", 3, 1))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("programme.error.unknownQuota", "programme.error.quotaRange"));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> catalogue.createCall("CHENGDU", 2032, "重复", LocalDate.of(2032, 3, 1))))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("programme.error.callExists"));
    }

    @Test
    void onlyTheOfficeAndAdministratorsChangeTheCatalogue() {
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () ->
                catalogue.createCall("CHENGDU", 2033, "不行", LocalDate.of(2033, 1, 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "manager", () ->
                catalogue.createCall("CHENGDU", 2033, "不行", LocalDate.of(2033, 1, 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalogue.call("CHENGDU", 2033)).isEmpty();
    }

    @Test
    void anOfficeOfOneCityShowsAndChangesThatCitysCatalogueOnly() {
        assertThat(AsUser.call(identity, "office-xz", () -> catalogue.programmesOfMyCities()))
                .extracting(Programme::code).containsExactly("XUZHOU");
        assertThat(AsUser.call(identity, "office-xz", () -> catalogue.myCities())).extracting(City::code).containsExactly("XUZHOU");
        assertThat(AsUser.call(identity, "demo", () -> catalogue.programmesOfMyCities())).hasSize(catalogue.programmes().size());

        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () ->
                catalogue.createCall("CHENGDU", 2035, "徐州替成都建的", LocalDate.of(2035, 3, 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalogue.call("CHENGDU", 2035)).isEmpty();
        Call chenzhou = catalogue.call("CHENZHOU", cn.kexie.capability.common.PlatformClock.today().getYear()).orElseThrow();
        CallCategory before = catalogue.callCategory(chenzhou.id(), "ACADEMIC_EXCHANGE").orElseThrow();
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> catalogue.saveCallCategory(new CallCategory(
                chenzhou.id(), "ACADEMIC_EXCHANGE", before.opensOn(), before.deadline().minusDays(1), null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalogue.callCategory(chenzhou.id(), "ACADEMIC_EXCHANGE").orElseThrow().deadline()).isEqualTo(before.deadline());
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () ->
                catalogue.saveQuota(new CallQuota(chenzhou.id(), "ACADEMIC_EXCHANGE", 0, 1))))
                .isInstanceOf(AccessDeniedException.class);

        // its own city's, yes; administrators every city's
        Call xuzhou = AsUser.call(identity, "office-xz", () -> catalogue.createCall("XUZHOU", 2035, "2035年度徐州（测试）", LocalDate.of(2035, 3, 1)));
        assertThat(xuzhou.programmeCode()).isEqualTo("XUZHOU");
        assertThat(AsUser.call(identity, "demo", () -> catalogue.createCall("CHENGDU", 2035, "2035年度成都（测试）",
                LocalDate.of(2035, 3, 1))).programmeCode()).isEqualTo("CHENGDU");
    }
}
