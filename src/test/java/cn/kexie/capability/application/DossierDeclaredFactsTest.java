package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dossier shows the facts an applicant declared under the labels the catalogue gives the form's
 * fields (programme_declared_field), and yes/no for a tick, never the field names or true/false.
 */
@PlatformTest
class DossierDeclaredFactsTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;
    @Autowired DossierPanel dossiers;

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void declaredFactsShowUnderTheCataloguesLabels() {
        FormTasks forms = new FormTasks(context);
        long id = forms.application("XUZHOU", "XZ-MECH", "SERVICE_TECH", "FORMAL_REVIEW");
        jdbc.sql("update application set declared = ? where id = ?")
                .params("{\"servicePoint\":\"徐州某机械厂\",\"hasServiceAgreement\":true}", id).update();

        String chinese = dossierText(id, Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese).contains("服务点（服务对象单位名称）：徐州某机械厂", "与服务对象签有合作协议：是")
                .doesNotContain("servicePoint", "hasServiceAgreement", "true");

        String english = dossierText(id, Locale.ENGLISH);
        assertThat(english).contains("Service point (the organisation served)：徐州某机械厂",
                "Signed cooperation agreement with the organisation served：Yes");
    }

    @Test
    void everyFoldedSectionOfTheDossierIsAsWideAsThePage() {
        long id = new FormTasks(context).application("XUZHOU", "XZ-MECH", "SERVICE_TECH", "FORMAL_REVIEW");
        VaadinTestUi.open(messages, Locale.SIMPLIFIED_CHINESE);
        java.util.List<com.vaadin.flow.component.details.Details> sections = AsUser.call(identity, "office-xz",
                () -> dossiers.create(id, false).getChildren()
                        .filter(com.vaadin.flow.component.details.Details.class::isInstance)
                        .map(com.vaadin.flow.component.details.Details.class::cast).toList());
        // the history grid inside squeezed to ~300 px on a wide page while its section fitted its content
        assertThat(sections).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(section -> assertThat(section.getWidth()).isEqualTo("100%"));
    }

    private String dossierText(long id, Locale locale) {
        VaadinTestUi.close();
        VaadinTestUi.open(messages, locale);
        return AsUser.call(identity, "office-xz", () -> VaadinTestUi.descendants(dossiers.create(id, true))
                .filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()).collect(Collectors.joining("\n")));
    }
}
