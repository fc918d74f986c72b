package cn.kexie.capability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@PlatformTest
class PlatformSmokeTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void healthAnswersWithoutLogin() {
        var response = rest.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("UP");
    }

    @Test
    void engineRestRefusesAnonymousCallers() {
        var response = rest.getForEntity("/engine-rest/engine", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theBrowserTabHasAnIconForEveryoneWithoutAnErrorInTheConsole() {
        var response = rest.getForEntity("/favicon.ico", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        // an ICO file: reserved 0, type 1
        assertThat(response.getBody()).startsWith(0, 0, 1, 0);
    }
}
