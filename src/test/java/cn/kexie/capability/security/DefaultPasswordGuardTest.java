package cn.kexie.capability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.PlatformTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The prod profile's refusal to start while documented passwords remain. */
@PlatformTest
class DefaultPasswordGuardTest {

    @Autowired
    IdentityService identityService;

    @Test
    void demoAccountsCountAsWeakAndStopTheStart() {
        var guard = new DefaultPasswordGuard(identityService);
        assertThat(guard.weakAccounts()).contains("demo", "office", "cz-med");
        assertThatThrownBy(() -> guard.run(null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("demo");
    }

    @Test
    void aUserWhosePasswordIsItsIdIsWeakAStrongOneIsNot() {
        var user = identityService.newUser("guard-self");
        user.setPassword("guard-self");
        DemoPasswords.saveSkippingPolicy(identityService, user);
        var strong = identityService.newUser("guard-strong");
        strong.setPassword("Kx!7-long-and-private");
        identityService.saveUser(strong);
        var weak = new DefaultPasswordGuard(identityService).weakAccounts();
        assertThat(weak).contains("guard-self").doesNotContain("guard-strong");
    }
}
