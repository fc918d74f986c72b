package cn.kexie.capability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.security.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit, Tasklist and Admin in Chinese for a Chinese browser: Camunda 7.24 picks a locale by the
 * language part of the browser's (`zh` of `zh-CN`), so the translations are served as `zh`; and no
 * banner urges a migration to Camunda 8.
 */
@PlatformTest
class CamundaWebappsInChineseTest {

    @LocalServerPort
    int port;

    @Test
    void eachWebappOffersChineseByTheLanguageOfTheBrowserAndHidesTheMigrationBanner() {
        WebSession administrator = WebSession.login(port, "demo", "demo");
        for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
            String config = administrator.get("/camunda/app/" + app + "/scripts/config.js").body();
            assertThat(config).as(app).contains("availableLocales: ['zh', 'en']");
            var labels = administrator.get("/camunda/app/" + app + "/locales/zh.json");
            assertThat(labels.statusCode()).as(app).isEqualTo(200);
            assertThat(labels.body()).as(app).contains("\"labels\"").containsPattern("[\\u4e00-\\u9fff]");
            assertThat(administrator.get("/camunda/app/" + app + "/styles/user-styles.css").body()).as(app)
                    .contains(".ce-eol-banner").contains("display: none");
        }
        assertThat(administrator.get("/camunda/app/tasklist/locales/zh.json").body()).contains("创建任务");
    }
}
