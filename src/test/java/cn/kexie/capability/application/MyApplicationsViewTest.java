package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 我的申报 as an applicant: an empty list says what to do first, instead of an empty grid. */
@PlatformTest
class MyApplicationsViewTest {

    @Autowired Messages messages;
    @Autowired IdentityService identity;
    @Autowired ApplicationService applications;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired OrganisationService organisations;
    @Autowired EligibilityPrecheck precheck;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void anEmptyListSaysHowToStart() {
        AsUser.run(identity, "lyg-phar", () -> {
            MyApplicationsView view = new MyApplicationsView(applications, catalogue, organisations, precheck);
            assertThat(view.grid.getEmptyStateText()).isEqualTo("本单位还没有申报。点击“新建申报”，选择年度申报和类别后开始填写申报书。");
            assertThat(view.create.getText()).isEqualTo("新建申报");
        });
    }
}
