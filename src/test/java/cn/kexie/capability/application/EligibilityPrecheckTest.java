package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** 资格预审 asks the programme's own eligibility table with the register's facts, for applicants only. */
@PlatformTest
class EligibilityPrecheckTest {

    @Autowired IdentityService identity;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired EligibilityPrecheck precheck;
    @Autowired org.camunda.bpm.engine.HistoryService history;

    long call() {
        return catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow().id();
    }

    @Test
    void aCountyAssociationIsToldBeforeFillingThatTheDemoSocietyCategoryIsNotForIt() {
        assertThat(AsUser.call(identity, "cz-yx", () -> precheck.reasons(call(), "COMPREHENSIVE_DEMO")))
                .as("the category's own condition, and the register's gaps besides (年检, 表彰, 银行帐号…)")
                .anySatisfy(reason -> assertThat(reason).contains("仅限市科协所属学会"))
                .anySatisfy(reason -> assertThat(reason).contains("年检"));
        assertThat(AsUser.call(identity, "cz-yx", () -> precheck.reasons(call(), "COUNTY_CAPACITY")))
                .as("the category meant for county associations").isEmpty();
    }

    @Test
    void aMunicipalSocietyInGoodStandingSeesNoObstacleAndThePreviewLeavesNoDecisionHistory() {
        long before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("chenzhou-eligibility").count();
        assertThat(AsUser.call(identity, "cz-med", () -> precheck.reasons(call(), "ACADEMIC_EXCHANGE"))).isEmpty();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("chenzhou-eligibility").count())
                .isEqualTo(before);
    }

    @Test
    void staffHaveNoPrecheckOfTheirOwn() {
        for (String staff : new String[] {"office", "expert1", "manager"}) {
            assertThatThrownBy(() -> AsUser.call(identity, staff, () -> precheck.reasons(call(), "ACADEMIC_EXCHANGE")))
                    .as(staff).isInstanceOf(AccessDeniedException.class);
        }
    }
}
