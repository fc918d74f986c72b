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
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One identity for the platform's login, the Camunda webapps and REST, seen from outside over HTTP. */
@PlatformTest
class IdentityAndAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void restAnswersTheAdministratorWithBasicAuthentication() throws Exception {
        HttpResponse<String> response = get("/engine-rest/engine", "demo", "demo");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("default");
    }

    @Test
    void restRefusesAnonymousCallersAndWrongPasswords() throws Exception {
        assertThat(get("/engine-rest/engine", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/engine", "office", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void restIsForAdministratorsOnly() throws Exception {
        assertThat(get("/engine-rest/task", "demo", "demo").statusCode()).isEqualTo(200);
        for (String user : new String[] {"office", "expert1", "manager", "party", "cz-med"}) {
            assertThat(get("/engine-rest/task", user, "demo").statusCode()).as(user).isEqualTo(403);
            assertThat(get("/engine-rest/process-instance", user, "demo").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void identityVerifyIsClosedEvenToAdministrators() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/engine-rest/identity/verify"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"manager\",\"password\":\"demo\"}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("authenticated");
    }

    @Test
    void healthNeedsNoLogin() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    @Test
    void cockpitSendsAnonymousUsersToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/camunda/app/cockpit/default/", null, null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(get("/camunda/api/engine/engine/", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void oneLoginOpensCockpitAsTheSameUser() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = formLogin(browser, "office", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> cockpit = browser.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cockpit.statusCode()).isEqualTo(200);
        HttpResponse<String> who = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"office\"");
    }

    @Test
    void applicantsCannotOpenCockpitNorAdmin() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(formLogin(browser, "cz-med", "demo").headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
        for (String path : new String[] {"/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                "/camunda/api/engine/engine/default/task", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"}) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void wrongPasswordSaysNeitherWhichHalfWasWrong() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String unknownUser = formLogin(browser, "nobody-here", "demo").headers().firstValue("Location").orElseThrow();
        String wrongPassword = formLogin(browser, "office", "not-the-password").headers().firstValue("Location").orElseThrow();
        assertThat(unknownUser).endsWith("/login?error");
        assertThat(wrongPassword).isEqualTo(unknownUser);
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() throws Exception {
        User user = identityService.newUser("throttled-user");
        user.setFirstName("Throttled");
        user.setLastName("User");
        user.setPassword("right-password");
        identityService.saveUser(user);
        identityService.createMembership("throttled-user", Roles.ADMIN);
        assertThat(get("/engine-rest/engine", "throttled-user", "right-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(get("/engine-rest/engine", "throttled-user", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        // locked now: even the right password is refused
        assertThat(get("/engine-rest/engine", "throttled-user", "right-password").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> formLogin(HttpClient browser, String user, String password) throws Exception {
        // open the login page first, as a browser does, to get a session
        browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
