package cn.kexie.capability.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Xuzhou's year-end assessment date (指南二（一）："在年末进行验收考核"): catalogue data the project diagram's
 * 提交考核材料 is due by. The seed says 年末 and gives no day: the programme's day is a default.
 */
@PlatformTest
class YearEndAssessmentTest {

    private static final int YEAR = 2041;

    @Autowired
    ProgrammeCatalogue catalogue;

    @Autowired
    IdentityService identity;

    @Test
    void aCallWithoutItsOwnDateTakesTheProgrammesDefaultDayAtTheYearEndAfterTheMidterm() {
        Call call = AsUser.call(identity, "office-xz",
                () -> catalogue.createCall("XUZHOU", YEAR, YEAR + "年度徐州（年末考核测试）", LocalDate.of(YEAR, 4, 29)));

        assertThat(catalogue.yearEndAssessment(call.id())).contains(new YearEndAssessment(LocalDate.of(YEAR, 12, 1), true));

        AsUser.run(identity, "office-xz", () -> catalogue.setMidterm(call.id(), LocalDate.of(YEAR + 1, 3, 2)));
        assertThat(catalogue.yearEndAssessment(call.id()))
                .as("a project whose mid-term falls next year is assessed at that year's end")
                .contains(new YearEndAssessment(LocalDate.of(YEAR + 1, 12, 1), true));

        AsUser.run(identity, "office-xz", () -> catalogue.setYearEndAssessment(call.id(), LocalDate.of(YEAR + 1, 12, 20)));
        assertThat(catalogue.yearEndAssessment(call.id())).as("the office's own date is no default")
                .contains(new YearEndAssessment(LocalDate.of(YEAR + 1, 12, 20), false));

        AsUser.run(identity, "office-xz", () -> catalogue.setYearEndAssessment(call.id(), null));
        assertThat(catalogue.yearEndAssessment(call.id())).contains(new YearEndAssessment(LocalDate.of(YEAR + 1, 12, 1), true));
    }

    @Test
    void anAssessmentDateBeforeTheMidtermIsRefusedAndNothingSaved() {
        Call call = AsUser.call(identity, "office-xz",
                () -> catalogue.createCall("XUZHOU", YEAR + 1, (YEAR + 1) + "年度徐州（年末考核测试）", LocalDate.of(YEAR + 1, 4, 29)));
        AsUser.run(identity, "office-xz", () -> catalogue.setMidterm(call.id(), LocalDate.of(YEAR + 1, 9, 1)));

        assertThatThrownBy(() -> AsUser.run(identity, "office-xz",
                () -> catalogue.setYearEndAssessment(call.id(), LocalDate.of(YEAR + 1, 8, 31))))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("programme.error.assessmentBeforeMidterm"));
        assertThat(catalogue.yearEndAssessment(call.id())).contains(new YearEndAssessment(LocalDate.of(YEAR + 1, 12, 1), true));
    }

    @Test
    void onlyTheOfficeOfTheCallsCitySetsTheDate() {
        Call chenzhou = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        LocalDate date = chenzhou.publishedOn().plusMonths(8);
        for (String user : new String[] {"office-xz", "expert1", "xz-mech", "manager"}) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> catalogue.setYearEndAssessment(chenzhou.id(), date)))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(catalogue.yearEndAssessment(chenzhou.id())).as("Chenzhou's catalogue names no year-end day").isEmpty();
    }
}
