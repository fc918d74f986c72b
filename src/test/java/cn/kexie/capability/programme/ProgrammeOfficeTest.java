package cn.kexie.capability.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.UserError;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who speaks for a programme in its documents, and the last day of a call's projects: from the seeds
 * where they name it, changed by the office of the programme's own city only, every problem at once.
 */
@PlatformTest
class ProgrammeOfficeTest {

    @Autowired ProgrammeCatalogue catalogue;
    @Autowired IdentityService identity;

    @Test
    void theSeedsNameTheIssuersOfficesAndXuzhousContact() {
        ProgrammeOffice chenzhou = catalogue.office("CHENZHOU");
        assertThat(chenzhou.issuerName()).isEqualTo("郴州市科学技术协会");
        assertThat(chenzhou.officeName()).isEqualTo("学会能力提升专项管理办公室（市科协学会部）");
        assertThat(chenzhou.publishesAmounts()).isFalse();
        assertThat(catalogue.office("XUZHOU").officeContact()).contains("A527", "80805010", "xzkxxhb@126.com");
        assertThat(catalogue.office("LIANYUNGANG").publishesAmounts()).isTrue();
        assertThat(catalogue.office("CHENGDU").issuerName()).isEqualTo("成都市科学技术协会");
        // without a date of its own, a call's projects run to the end of its year
        Call xuzhou2022 = catalogue.call("XUZHOU", 2022).orElseThrow();
        assertThat(catalogue.projectEndsOn(xuzhou2022.id())).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void onlyTheOfficeOfTheProgrammesCityChangesItAndEveryProblemIsToldAtOnce() {
        ProgrammeOffice before = catalogue.office("XIANGYANG");
        ProgrammeOffice changed = new ProgrammeOffice("XIANGYANG", "襄阳市科学技术协会", "市科协学会部",
                "襄阳市科协学会部，电话：0710-0000000", true);
        for (String user : java.util.List.of("office-xz", "manager", "cz-med")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> catalogue.saveOffice(changed)))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(catalogue.office("XIANGYANG")).isEqualTo(before);

        ProgrammeOffice wrong = new ProgrammeOffice("XIANGYANG", "  ", "办".repeat(201), "话".repeat(501), false);
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> catalogue.saveOffice(wrong)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("programme.error.issuerName", "programme.error.officeName", "programme.error.officeContact"))
                .satisfies(e -> assertThat(cn.kexie.capability.common.Messages.describe(cn.kexie.capability.common.Messages.CHINESE,
                        (UserError) e)).isEqualTo("请填写发文单位（甲方）名称，不超过200字。\n办公室名称不超过200字。\n异议联系方式不超过500字。"));
        assertThat(catalogue.office("XIANGYANG")).isEqualTo(before);

        try {
            AsUser.run(identity, "office", () -> catalogue.saveOffice(changed));
            assertThat(catalogue.office("XIANGYANG")).isEqualTo(changed);
        } finally {
            AsUser.run(identity, "office", () -> catalogue.saveOffice(before));
        }
    }

    @Test
    void theLastDayOfACallsProjectsComesAfterItsPublication() {
        Call call = catalogue.call("XUZHOU", 2022).orElseThrow();
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> catalogue.setProjectEnd(call.id(), call.publishedOn())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems().get(0).key()).isEqualTo("programme.error.projectEnd"));
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> catalogue.setProjectEnd(call.id(), null)))
                .isInstanceOf(UserError.class);
        Call chenzhou = catalogue.call("CHENZHOU", cn.kexie.capability.common.PlatformClock.today().getYear()).orElseThrow();
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> catalogue.setProjectEnd(chenzhou.id(),
                LocalDate.of(chenzhou.year() + 1, 6, 30)))).isInstanceOf(AccessDeniedException.class);
        assertThat(catalogue.projectEndsOn(chenzhou.id())).isEqualTo(LocalDate.of(chenzhou.year(), 12, 31));
    }
}
