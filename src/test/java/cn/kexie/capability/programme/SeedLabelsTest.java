package cn.kexie.capability.programme;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application form asks what the seeds ask, in their words: a label that changes the condition
 * changes who is eligible.
 */
@PlatformTest
class SeedLabelsTest {

    @Autowired ProgrammeCatalogue catalogue;

    DeclaredField field(String programme, String category, String name) {
        return catalogue.declaredFields(programme, category).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(programme + "/" + category + " does not ask for " + name));
    }

    @Test
    void lianyungangAsksForAProposalAcceptedByTheMunicipalAssociationOrHigherThisYear() {
        // 连科协〔2017〕15号: 年内至少有承担市科协“软科学研究”项目或有一篇“建言献策”被市科协以上单位录用
        assertThat(field("LIANYUNGANG", "DEMO_SOCIETY_AWARD", "softScienceOrAdoptedAdvice").labelZh())
                .contains("年内", "市科协“软科学研究”项目", "建言献策", "被市科协以上单位录用")
                .doesNotContain("采纳");
    }

    @Test
    void xiangyangsNewHaizhiStationAsksForATechnologyCooperationProject() {
        // 新建海智工作站 申报范围1: 有明确的技术创新需求和技术合作项目
        DeclaredField cooperation = field("XIANGYANG", "HAIZHI_NEW", "hasCooperationProject");
        assertThat(cooperation.labelZh()).isEqualTo("有明确的技术创新需求和技术合作项目").doesNotContain("海外");
        assertThat(cooperation.labelEn()).contains("technology cooperation").doesNotContain("overseas");
    }

    @Test
    void xiangyangAsksForParticipantsOnlyWhereThereIsAnAcademicExchange() {
        // 活动项目 考核指标: 每次参加学术交流活动的人员规模为30人以上 — of the academic exchanges only
        assertThat(catalogue.declaredFields("XIANGYANG", "ACTIVITY")).extracting(DeclaredField::name)
                .containsExactly("hasAcademicExchange", "participants", "activityStart", "activityEnd");
        assertThat(field("XIANGYANG", "ACTIVITY", "hasAcademicExchange").required()).isTrue();
        assertThat(field("XIANGYANG", "ACTIVITY", "participants").required())
                .as("an application of innovation activities only has no number to give").isFalse();
    }

    @Test
    void xiangyangAsksForTheDatesOfTheKeyActivities() {
        // 活动项目 申报范围: 2018年8月-2019年3月开展重点活动 — the first and the last key activity, as dates
        for (String name : java.util.List.of("activityStart", "activityEnd")) {
            assertThat(field("XIANGYANG", "ACTIVITY", name).type()).isEqualTo(DeclaredField.Type.DATE);
            assertThat(field("XIANGYANG", "ACTIVITY", name).required()).isTrue();
        }
        assertThat(field("XIANGYANG", "ACTIVITY", "activityStart").labelZh()).contains("最早");
    }

    @Test
    void lianyungangAsksForTheCountyTheBoardsResolutionAndThePersonResponsible() {
        // 四（二）4、四（三）4 项目所在地县区科协盖章确认; 六、1 理事会决议; 六、2 责任人
        for (String category : java.util.List.of("SERVICE_STATION", "CHIEF_EXPERT")) {
            assertThat(field("LIANYUNGANG", category, "serviceCounty").type()).isEqualTo(DeclaredField.Type.COUNTY);
            assertThat(field("LIANYUNGANG", category, "serviceCounty").required()).isTrue();
        }
        for (String category : java.util.List.of("DEMO_SOCIETY_AWARD", "SERVICE_STATION", "CHIEF_EXPERT", "FUNCTION_DEMO")) {
            assertThat(field("LIANYUNGANG", category, "boardResolution").required()).isTrue();
            assertThat(field("LIANYUNGANG", category, "responsiblePerson").required()).isTrue();
        }
        assertThat(catalogue.declaredFields("LIANYUNGANG", "DEMO_SOCIETY_AWARD")).extracting(DeclaredField::name)
                .doesNotContain("serviceCounty");
        assertThat(field("LIANYUNGANG", "DEMO_SOCIETY_AWARD", "recognisedStationOrFunctionThisYear").required())
                .as("the platform's own awards of the year count without it").isFalse();
    }
}
