package cn.kexie.capability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's password policy wherever a password is set: the identity service (Admin and Tasklist save
 * through it) and the REST API, as the administrator. Demo accounts alone keep the documented password.
 */
@PlatformTest
class PasswordPolicyTest {

    static final String STRONG = "Kx!7-strong-enough";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theIdentityServiceRefusesAOneCharacterPasswordAndTakesAStrongOne() {
        User weak = identityService.newUser("policy-weak");
        weak.setPassword("x");
        assertThatThrownBy(() -> identityService.saveUser(weak))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("policy");
        assertThat(identityService.createUserQuery().userId("policy-weak").count()).isZero();

        User strong = identityService.newUser("policy-strong");
        strong.setPassword(STRONG);
        identityService.saveUser(strong);
        assertThat(identityService.checkPassword("policy-strong", STRONG)).isTrue();

        // a change of password is held to the policy too
        User saved = identityService.createUserQuery().userId("policy-strong").singleResult();
        saved.setPassword("demo");
        assertThatThrownBy(() -> identityService.saveUser(saved)).hasMessageContaining("policy");
        assertThat(identityService.checkPassword("policy-strong", STRONG)).isTrue();
    }

    @Test
    void thePolicyIsTheDefaultOneWhichTheDemoPasswordFails() {
        assertThat(identityService.getPasswordPolicy()).isNotNull();
        assertThat(identityService.checkPasswordAgainstPolicy("x").isValid()).isFalse();
        assertThat(identityService.checkPasswordAgainstPolicy(DemoPasswords.DEMO).isValid()).isFalse();
        assertThat(identityService.checkPasswordAgainstPolicy(STRONG).isValid()).isTrue();
        // yet the demo accounts were created with it (demo data only; the prod guard refuses to start with them)
        assertThat(identityService.checkPassword("demo", DemoPasswords.DEMO)).isTrue();
        assertThat(identityService.checkPassword("office", DemoPasswords.DEMO)).isTrue();
    }

    @Test
    void restRefusesAWeakPasswordForANewUserWithAMessage() throws Exception {
        HttpResponse<String> weak = post("/engine-rest/user/create", """
                {"profile": {"id": "rest-weak", "firstName": "Weak", "lastName": "Password", "email": "weak@example.org"},
                 "credentials": {"password": "x"}}""");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("policy").doesNotContainIgnoringCase("exception while executing");
        assertThat(identityService.createUserQuery().userId("rest-weak").count()).isZero();

        HttpResponse<String> strong = post("/engine-rest/user/create", """
                {"profile": {"id": "rest-strong", "firstName": "Rest", "lastName": "Tester", "email": "tester@example.org"},
                 "credentials": {"password": "%s"}}""".formatted(STRONG));
        assertThat(strong.statusCode()).isEqualTo(204);
        assertThat(identityService.checkPassword("rest-strong", STRONG)).isTrue();
    }

    @Test
    void restRefusesChangingAPasswordToAWeakOne() throws Exception {
        User user = identityService.newUser("rest-change");
        user.setPassword(STRONG);
        identityService.saveUser(user);

        HttpResponse<String> weak = put("/engine-rest/user/rest-change/credentials",
                "{\"password\": \"1\", \"authenticatedUserPassword\": \"demo\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("policy");
        assertThat(identityService.checkPassword("rest-change", STRONG)).isTrue();
        assertThat(identityService.checkPassword("rest-change", "1")).isFalse();

        HttpResponse<String> policy = http.send(admin(HttpRequest.newBuilder(uri("/engine-rest/identity/password-policy")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(policy.body()).contains("LENGTH");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(admin(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String json) throws Exception {
        return http.send(admin(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
