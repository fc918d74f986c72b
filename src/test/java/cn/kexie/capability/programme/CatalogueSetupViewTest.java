package cn.kexie.capability.programme;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The setup screen marks each refused value at its field, in Chinese, and saves nothing until all is right. */
@PlatformTest
class CatalogueSetupViewTest {

    @Autowired Messages messages;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repositoryService;
    @Autowired CatalogueSetup setup;
    @Autowired ProgrammeCatalogue catalogue;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
        repositoryService.createDeployment().name("淮安市奖项（Modeler）")
                .addClasspathResource("catalogue/" + CatalogueSetupTest.PROCESS + ".bpmn")
                .addClasspathResource("catalogue/" + CatalogueSetupTest.ELIGIBILITY + ".dmn")
                .addClasspathResource("catalogue/" + CatalogueSetupTest.RUBRIC + ".dmn")
                .enableDuplicateFiltering(true).deploy();
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void onlyAdministratorsOpenTheScreen() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        assertThat(checker.hasAccess(CatalogueSetupView.class, () -> "demo", Set.of("camunda-admin")::contains)).isTrue();
        for (String role : Set.of("programme-office", "manager", "expert", "applicant")) {
            assertThat(checker.hasAccess(CatalogueSetupView.class, () -> "someone", Set.of(role)::contains)).as(role).isFalse();
        }
    }

    @Test
    void aRefusedCityIsMarkedAtItsFieldsAndACorrectedOneIsSaved() {
        String code = CatalogueSetupTest.uniqueCode("VA");
        AsUser.run(identity, "demo", () -> {
            CatalogueSetupView view = new CatalogueSetupView(setup, catalogue);
            CatalogueSetupView.CityDialog dialog = view.openCity(null);
            dialog.code().setValue("huai an");
            dialog.nameEn().setValue("Huaian");
            dialog.save().click();
            assertThat(dialog.code().isInvalid()).isTrue();
            assertThat(dialog.code().getErrorMessage()).startsWith("城市代码须以大写字母开头");
            assertThat(dialog.nameZh().isInvalid()).isTrue();
            assertThat(dialog.nameZh().getErrorMessage()).isEqualTo("请填写城市中文名称（不超过100字）。");
            assertThat(dialog.nameEn().isInvalid()).isFalse();
            assertThat(dialog.dialog().isOpened()).isTrue();
            assertThat(catalogue.cities()).extracting(City::nameEn).doesNotContain("Huaian");

            dialog.code().setValue(code);
            dialog.nameZh().setValue("淮安市" + code);
            dialog.staff().setValue(Set.of("office"));
            dialog.save().click();
            assertThat(dialog.code().isInvalid()).isFalse();
            assertThat(dialog.nameZh().isInvalid()).isFalse();
            assertThat(dialog.dialog().isOpened()).isFalse();
            assertThat(view.cities.getGenericDataView().getItems()).extracting(City::code).contains(code);
        });
        assertThat(identity.createTenantQuery().tenantId(code).userMember("office").count()).isOne();

        // edited: the dialog shows the city's staff, and who is taken out no longer works for it
        AsUser.run(identity, "demo", () -> {
            CatalogueSetupView view = new CatalogueSetupView(setup, catalogue);
            City city = catalogue.cities().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
            CatalogueSetupView.CityDialog dialog = view.openCity(city);
            assertThat(dialog.code().isReadOnly()).isTrue();
            assertThat(dialog.staff().getValue()).containsExactly("office");
            dialog.staff().setValue(Set.of("finance"));
            dialog.save().click();
            assertThat(dialog.dialog().isOpened()).isFalse();
        });
        assertThat(identity.createTenantQuery().tenantId(code).userMember("office").count()).isZero();
        assertThat(identity.createTenantQuery().tenantId(code).userMember("finance").count()).isOne();
    }

    @Test
    void aRefusedProgrammeIsMarkedAtTheKeyTheCategoryAndTheFieldThatAreWrong() {
        String city = CatalogueSetupTest.uniqueCode("VB");
        AsUser.run(identity, "demo", () -> {
            setup.saveCity(new CatalogueSetup.CitySetup(city, "测试市" + city, "Test " + city, java.util.List.of()), true);
            CatalogueSetupView view = new CatalogueSetupView(setup, catalogue);
            CatalogueSetupView.ProgrammeDialog dialog = view.openProgramme(null);
            assertThat(dialog.projectProcess().getListDataView().getItems()).contains(CatalogueSetupTest.PROCESS);
            dialog.code().setValue(city + "_AWARD");
            dialog.city().setValue(city);
            dialog.nameZh().setValue("测试奖项");
            dialog.nameEn().setValue("Test awards");
            dialog.projectProcess().setValue(CatalogueSetupTest.PROCESS);
            dialog.scoring().setValue(CatalogueSetupTest.PROCESS);
            dialog.categories().get(0).code.setValue("SERVICE_TEAM");
            dialog.addField().click();
            CatalogueSetupView.FieldRow field = dialog.fields().get(0);
            field.category.setValue("SERVICE_TEAM");
            field.name.setValue("Has Team");
            field.labelZh.setValue("已组建服务团队");
            field.labelEn.setValue("Has a team");
            dialog.save().click();

            assertThat(dialog.scoring().isInvalid()).isTrue();
            assertThat(dialog.scoring().getErrorMessage()).contains("尚未部署");
            assertThat(dialog.projectProcess().isInvalid()).isFalse();
            assertThat(dialog.categories().get(0).nameZh.isInvalid()).isTrue();
            assertThat(dialog.categories().get(0).nameZh.getErrorMessage()).startsWith("第1个类别：请填写中文名称");
            assertThat(field.name.isInvalid()).isTrue();
            assertThat(field.labelZh.isInvalid()).isFalse();
            assertThat(dialog.dialog().isOpened()).isTrue();
            assertThat(catalogue.programme(city + "_AWARD")).isEmpty();

            dialog.scoring().setValue(CatalogueSetupTest.RUBRIC);
            dialog.categories().get(0).nameZh.setValue("科技服务团队");
            dialog.categories().get(0).nameEn.setValue("Service team");
            field.name.setValue("hasTeam");
            dialog.save().click();
            assertThat(dialog.dialog().isOpened()).isFalse();
        });
        assertThat(catalogue.requireProgramme(city + "_AWARD").scoringDecisionKey()).isEqualTo(CatalogueSetupTest.RUBRIC);
        assertThat(catalogue.declaredFields(city + "_AWARD", "SERVICE_TEAM")).extracting(DeclaredField::name).containsExactly("hasTeam");
    }
}
