package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history names the colleague a task was moved to (转办, 委派) as it names the actor: by name, not login id. */
@PlatformTest
class DossierMoveNamesTest {

    @Autowired Messages messages;
    @Autowired DossierAccess access;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void aDelegationNamesTheColleagueAndAnUnknownTargetStaysAsRecorded() {
        ApplicationEvent delegated = new ApplicationEvent(Instant.now(), "office", "taskDelegated", "finance", "请先核对预算",
                Map.of("task", "形式审查", "to", "finance"));
        ApplicationEvent transferredToGroup = new ApplicationEvent(Instant.now(), "office", "taskTransferred", "programme-office",
                null, Map.of("task", "形式审查", "to", "programme-office"));
        Map<String, String> names = access.names(List.of(delegated, transferredToGroup));
        // the actor and the colleague, from the identity store
        assertThat(names).containsKeys("office", "finance").doesNotContainKey("programme-office");

        Span ui = new Span();
        assertThat(DossierPanel.stepLabel(ui, delegated, names)).isEqualTo("委派：" + names.get("finance"))
                .doesNotContain("finance");
        assertThat(DossierPanel.stepLabel(ui, transferredToGroup, names)).isEqualTo("转办：programme-office");
    }
}
