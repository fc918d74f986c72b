package cn.kexie.capability.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.security.CurrentUser;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Settings the policy texts leave open are catalogue data marked as the platform's defaults (issue 10):
 * the notice's length for Chenzhou, Lianyungang and Xiangyang, Xuzhou's mid-term date and the body of its
 * 组织审批. The catalogue screen says so; an administrator confirms or changes them, and a decided
 * setting is not a default any more.
 */
@PlatformTest
class ProgrammeDefaultsTest {

    @Autowired ProgrammeCatalogue catalogue;
    @Autowired CatalogueSetup setup;
    @Autowired CurrentUser currentUser;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    String code;

    @BeforeEach
    void aProgrammeOfItsOwnWithTheDemoDefaults() {
        VaadinTestUi.open(messages);
        code = CatalogueSetupTest.uniqueCode("DEF");
        jdbc.sql("""
                insert into programme (code, city_code, name_zh, name_en, kind, project_process_key, call_process_key,
                    eligibility_decision_key, scoring_decision_key, publicity_working_days)
                values (?, 'XUZHOU', '默认值测试计划', 'Defaults test programme', 'PROJECT', 'xuzhou-project', 'xuzhou-call',
                    'xuzhou-eligibility', 'xuzhou-expert-criteria', 5)""").param(code).update();
        jdbc.sql("""
                insert into programme_category (programme_code, code, name_zh, name_en, quota_code, sort_order)
                values (?, 'FIRST_CLASS', '一流学会建设', 'First-class society', 'FIRST_CLASS', 1)""").param(code).update();
        for (String setting : ProgrammeSettings.SETTINGS) {
            jdbc.sql("insert into programme_default (programme_code, setting) values (?, ?)").params(code, setting).update();
        }
    }

    /** The settings as the office of every demo city reads them. */
    ProgrammeSettings settings(String programme) {
        return AsUser.call(identity, "office", () -> catalogue.settings(programme));
    }

    @AfterEach
    void noUiAndNoTestProgramme() {
        VaadinTestUi.close();
        // the programme is of Xuzhou's city: other tests list Xuzhou's programmes and must not meet it
        jdbc.sql("delete from programme_default where programme_code = ?").param(code).update();
        jdbc.sql("delete from programme_declared_field where programme_code = ?").param(code).update();
        jdbc.sql("delete from programme_category where programme_code = ?").param(code).update();
        jdbc.sql("delete from programme where code = ?").param(code).update();
    }

    @Test
    void whatTheSeedsLeaveOpenIsMarkedAsTheDefault() {
        assertThat(settings("CHENZHOU").defaults()).containsExactly(ProgrammeSettings.PUBLICITY_DAYS);
        assertThat(settings("LIANYUNGANG").defaults()).containsExactly(ProgrammeSettings.PUBLICITY_DAYS);
        assertThat(settings("XIANGYANG").defaults()).containsExactly(ProgrammeSettings.PUBLICITY_DAYS);
        // Xuzhou's guide: "公示时间不少于5个工作日" - its own rule, not a default
        ProgrammeSettings xuzhou = settings("XUZHOU");
        assertThat(xuzhou.defaults()).containsExactlyInAnyOrder(ProgrammeSettings.MIDTERM_MONTHS, ProgrammeSettings.APPROVING_BODIES,
                ProgrammeSettings.YEAR_END_ASSESSMENT);
        assertThat(xuzhou.yearEndAssessmentDay()).isEqualTo("12-01");
        assertThat(xuzhou.publicityWorkingDays()).isEqualTo(5);
        assertThat(xuzhou.midtermMonths()).isEqualTo(6);
        assertThat(catalogue.midtermMonths("XUZHOU")).isEqualTo(6);
        // Lianyungang's seed names its two bodies: "领导小组和市科协主席会研究审定"
        assertThat(settings("LIANYUNGANG").approvingBodies()).containsExactly("LEADING_GROUP", "CHAIRPERSONS_MEETING");
    }

    @Test
    void theCatalogueScreenNamesTheDiagramAndTableAndSaysWhatIsADefault() {
        AsUser.run(identity, "office", () -> {
            CatalogueView view = new CatalogueView(catalogue, setup, currentUser);
            String chenzhou = view.programmeInfo(catalogue.requireProgramme("CHENZHOU"));
            assertThat(chenzhou).contains("流程：郴州", "资格审查：郴州市学会服务能力提升计划申报资格",
                    "公示期：5 个工作日（默认值：政策原文未规定，待系统管理员确认）", "审批：由流程图中审批步骤的办理组审批")
                    .doesNotContain("chenzhou-project", "chenzhou-eligibility", "中期评估");
            String xuzhou = view.programmeInfo(catalogue.requireProgramme("XUZHOU"));
            assertThat(xuzhou).contains("公示期：5 个工作日；", "审批：由流程图中审批步骤的办理组审批（默认值",
                    "中期评估：年度申报未定日期时为结果公布后 6 个月（默认值",
                    "年末验收考核：年度申报未定日期时为每年 12 月 1 日（默认值").doesNotContain("xuzhou-");
            assertThat(view.programmeInfo(catalogue.requireProgramme("LIANYUNGANG"))).contains("审批：领导小组、市科协主席会；");
            assertThat(view.programmeInfo(catalogue.requireProgramme("CHENGDU"))).isEqualTo("学会填报工作记录，年度评估");
        });
    }

    @Test
    void anAdministratorConfirmsADefaultOrDecidesItByChangingIt() {
        ProgrammeSettings before = settings(code);
        assertThat(before.defaults()).containsExactlyInAnyOrderElementsOf(ProgrammeSettings.SETTINGS);

        // confirming the mid-term default without changing it; a changed notice length is decided though its box stays ticked
        ProgrammeSettings saved = AsUser.call(identity, "demo", () -> setup.saveSettings(code, new ProgrammeSettings(7, 6, List.of(), null,
                Set.of(ProgrammeSettings.PUBLICITY_DAYS, ProgrammeSettings.APPROVING_BODIES))));
        assertThat(saved.defaults()).containsExactly(ProgrammeSettings.APPROVING_BODIES);
        assertThat(saved.publicityWorkingDays()).isEqualTo(7);
        assertThat(catalogue.requireProgramme(code).publicityWorkingDays()).isEqualTo(7);

        // naming the bodies decides who approves; a decided setting does not become a default again
        saved = AsUser.call(identity, "demo", () -> setup.saveSettings(code, new ProgrammeSettings(7, 9, List.of("LEADING_GROUP"), null,
                Set.of(ProgrammeSettings.MIDTERM_MONTHS, ProgrammeSettings.APPROVING_BODIES))));
        assertThat(saved.defaults()).isEmpty();
        assertThat(saved.approvingBodies()).containsExactly("LEADING_GROUP");
        assertThat(catalogue.approvingBodies(code)).containsExactly("LEADING_GROUP");
        assertThat(catalogue.midtermMonths(code)).isEqualTo(9);

        // a year-end assessment day given where there was none
        saved = AsUser.call(identity, "demo", () -> setup.saveSettings(code, new ProgrammeSettings(7, 9, List.of("LEADING_GROUP"),
                " 11-20 ", Set.of())));
        assertThat(saved.yearEndAssessmentDay()).isEqualTo("11-20");
    }

    /**
     * Issue 13: a transaction reads a programme once; a write to the catalogue in the same transaction
     * forgets that reading, so the transaction then reads what it wrote.
     */
    @Test
    void aTransactionReadsTheProgrammeOnceAndThenWhatItChanged() {
        AsUser.run(identity, "demo", () -> transactions.executeWithoutResult(status -> {
            assertThat(catalogue.requireProgramme(code).publicityWorkingDays()).isEqualTo(5);
            assertThat(cn.kexie.capability.StatementCounter.count(() -> catalogue.requireProgramme(code)).total())
                    .as("the second reading in the transaction").isZero();
            setup.saveSettings(code, new ProgrammeSettings(9, 6, List.of(), null, Set.of()));
            assertThat(catalogue.requireProgramme(code).publicityWorkingDays()).isEqualTo(9);
        }));
        assertThat(catalogue.requireProgramme(code).publicityWorkingDays()).isEqualTo(9);
    }

    @Test
    void everyWrongValueIsToldAtOnceAndNothingIsSaved() {
        ProgrammeSettings before = settings(code);
        assertThatThrownBy(() -> AsUser.run(identity, "demo", () -> setup.saveSettings(code,
                new ProgrammeSettings(0, 37, List.of("LEADING_GROUP", "PARTY_CONGRESS", "LEADING_GROUP"), "02-30",
                        Set.of("NOTICE_COLOUR")))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("setup.error.publicityDays", "setup.error.midtermMonths", "setup.error.approvingBody",
                                "setup.error.approvingBodyTwice", "setup.error.assessmentDay", "setup.error.unknownSetting"));
        assertThat(settings(code)).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorDecidesAndOnlyTheCitysReadersReadThem() {
        ProgrammeSettings before = settings(code);
        for (String user : List.of("office", "office-xz", "manager", "leader", "xz-mech")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> setup.saveSettings(code,
                    new ProgrammeSettings(9, 6, List.of(), null, Set.of())))).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(settings(code)).isEqualTo(before);
        // the settings of another city's programme are not read by Xuzhou's office
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> catalogue.settings("CHENZHOU")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(identity, "office-xz", () -> catalogue.settings("XUZHOU")).publicityWorkingDays()).isEqualTo(5);
    }

    @Test
    void changingTheNoticeLengthInTheProgrammeDialogDecidesItToo() {
        CatalogueSetup.ProgrammeSetup programme = AsUser.call(identity, "demo", () -> setup.programme(code));
        assertThat(programme.publicityWorkingDays()).isEqualTo(5);
        // saved unchanged: still the default
        AsUser.run(identity, "demo", () -> setup.saveProgramme(programme, false));
        assertThat(settings(code).isDefault(ProgrammeSettings.PUBLICITY_DAYS)).isTrue();
        // saved with another length: the administrator decided it
        AsUser.run(identity, "demo", () -> setup.saveProgramme(new CatalogueSetup.ProgrammeSetup(programme.code(),
                programme.cityCode(), programme.nameZh(), programme.nameEn(), programme.kind(), programme.projectProcessKey(),
                programme.callProcessKey(), programme.eligibilityDecisionKey(), programme.scoringDecisionKey(),
                programme.sanctionDecisionKey(), 8, programme.categories(), programme.fields()), false));
        assertThat(settings(code).isDefault(ProgrammeSettings.PUBLICITY_DAYS)).isFalse();
        assertThat(settings(code).defaults()).containsExactlyInAnyOrder(ProgrammeSettings.MIDTERM_MONTHS,
                ProgrammeSettings.APPROVING_BODIES, ProgrammeSettings.YEAR_END_ASSESSMENT);
        assertThat(settings(code).publicityWorkingDays()).isEqualTo(8);
    }

    @Test
    void theSettingsDialogMarksTheWrongFieldAndSavesACorrectedValue() {
        AsUser.run(identity, "demo", () -> {
            CatalogueSetupView view = new CatalogueSetupView(setup, catalogue);
            CatalogueSetupView.SettingsDialog dialog = view.openSettings(catalogue.requireProgramme(code));
            assertThat(dialog.defaults().getValue()).containsExactlyInAnyOrderElementsOf(ProgrammeSettings.SETTINGS);
            dialog.days().setValue(0);
            dialog.months().setValue(40);
            dialog.save().click();
            assertThat(dialog.days().isInvalid()).isTrue();
            assertThat(dialog.days().getErrorMessage()).contains("公示期");
            assertThat(dialog.months().isInvalid()).isTrue();
            assertThat(dialog.bodies().isInvalid()).isFalse();
            assertThat(dialog.dialog().isOpened()).isTrue();
            assertThat(catalogue.settings(code).publicityWorkingDays()).isEqualTo(5);

            dialog.days().setValue(10);
            dialog.months().setValue(6);
            dialog.defaults().deselect(ProgrammeSettings.APPROVING_BODIES);
            dialog.save().click();
            assertThat(dialog.dialog().isOpened()).isFalse();
            ProgrammeSettings saved = catalogue.settings(code);
            assertThat(saved.publicityWorkingDays()).isEqualTo(10);
            assertThat(saved.defaults()).containsExactlyInAnyOrder(ProgrammeSettings.MIDTERM_MONTHS,
                    ProgrammeSettings.YEAR_END_ASSESSMENT);
        });
    }

    /** Every type a declared field may have reads in Chinese on the setup screen (DATE and COUNTY came later). */
    @Test
    void everyDeclaredFieldTypeHasAChineseLabel() {
        for (DeclaredField.Type type : DeclaredField.Type.values()) {
            String label = messages.getTranslation("setup.field.type." + type.name(), Messages.CHINESE);
            assertThat(label).as(type.name()).doesNotStartWith("setup.").matches(".*\\p{IsHan}.*");
        }
    }
}
