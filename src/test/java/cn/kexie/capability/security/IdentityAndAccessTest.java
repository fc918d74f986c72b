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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void controlCharactersInANameOrPasswordAreWrongCredentialsNotAnError() throws Exception {
        // a NUL inside the name reached the lock-out's query, which PostgreSQL answered with an error (500)
        assertThat(get("/engine-rest/engine", "de\u0000mo", "demo").statusCode()).isEqualTo(401);
        // at its end trim() would have dropped it, and logged in as demo
        assertThat(get("/engine-rest/engine", "demo\u0000", "demo").statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/engine", "demo", "demo\u0000").statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/engine", "de\nmo", "demo").statusCode()).isEqualTo(401);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // (the form's name is trimmed by Spring Security first, so the NUL sits inside it here)
        HttpResponse<String> login = formLogin(browser, "off\u0000ice", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(formLogin(browser, "office", "de\u0000mo").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
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
        user.setPassword("Right-password-1");
        identityService.saveUser(user);
        identityService.createMembership("throttled-user", Roles.ADMIN);
        assertThat(get("/engine-rest/engine", "throttled-user", "Right-password-1").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(get("/engine-rest/engine", "throttled-user", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        // locked now: even the right password is refused
        assertThat(get("/engine-rest/engine", "throttled-user", "Right-password-1").statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginFormNeedsTheTokenOfTheLoginPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = loginPageToken(browser);
        assertThat(token).isNotBlank();

        // the same session, the right password, but no token (as a form on another site would post it)
        HttpResponse<String> withoutToken = postLogin(browser, "office", "demo", null);
        assertThat(withoutToken.statusCode()).isEqualTo(302);
        assertThat(withoutToken.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("not logged in").isEqualTo(401);

        // a made-up token is no better
        HttpResponse<String> wrongToken = postLogin(browser, "office", "demo", "not-the-token");
        assertThat(wrongToken.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        // with the page's token the same form logs in
        HttpResponse<String> withToken = postLogin(browser, "office", "demo", loginPageToken(browser));
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(withToken.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("expired");
        assertThat(browser.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"userId\":\"office\"");
    }

    /** Logs in as a browser does: opens the login page, then posts the form with the page's CSRF token. */
    private HttpResponse<String> formLogin(HttpClient browser, String user, String password) throws Exception {
        return postLogin(browser, user, password, loginPageToken(browser));
    }

    /** The token of the login page's {@code <meta name="_csrf">}, which vaadin-login-form posts as {@code _csrf}. */
    private String loginPageToken(HttpClient browser) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("<meta name=\"_csrf_parameter\" content=\"_csrf\">");
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">").matcher(page);
        assertThat(token.find()).as("token in the login page").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> postLogin(HttpClient browser, String user, String password, String token) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
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
