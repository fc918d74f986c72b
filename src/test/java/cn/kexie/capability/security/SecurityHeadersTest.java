package cn.kexie.capability.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A content security policy that no other site may frame the pages under, and a referrer policy, on
 * the platform's pages and on Camunda's webapps (which send a policy of their own). Checked in a real
 * browser too (see the commit that added it): the pages render under these policies.
 */
@PlatformTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginPageThePublicPageAndTheTaskListSendThePlatformsPolicies() throws Exception {
        for (String path : new String[] {"/login", "/public/notices"}) {
            assertPlatformHeaders(path, get(path));
        }
        login("office");
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertPlatformHeaders("/", home);
        assertPlatformHeaders("/tasks", get("/tasks"));
    }

    @Test
    void cockpitSendsCamundasPolicyWithoutFramingAndThePlatformsReferrerPolicy() throws Exception {
        login("office");
        for (String path : new String[] {"/camunda/app/cockpit/", "/camunda/app/cockpit/default/"}) {
            HttpResponse<String> cockpit = get(path);
            assertThat(cockpit.statusCode()).as(path).isIn(200, 302);
            String csp = cockpit.headers().allValues("Content-Security-Policy").stream().reduce("", String::concat);
            if (cockpit.statusCode() == 200) {
                assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("object-src 'none'");
                assertThat(cockpit.headers().allValues("Content-Security-Policy")).as("one policy only").hasSize(1);
            }
            assertThat(cockpit.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
    }

    private static void assertPlatformHeaders(String path, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).as(path).contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'",
                "form-action 'self'", "base-uri 'self'");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }

    private void login(String user) throws Exception {
        String page = get("/login").body();
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">").matcher(page);
        assertThat(token.find()).isTrue();
        String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("expired");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
