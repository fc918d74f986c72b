package cn.kexie.capability.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/** The password of every demo account, documented in the README; refused under the prod profile. */
public final class DemoPasswords {

    public static final String DEMO = "demo";

    private DemoPasswords() {
    }

    /**
     * Saves a demo account with its documented password, which the password policy refuses: for demo
     * data only. The prod profile refuses to start while any account has such a password
     * ({@link DefaultPasswordGuard}).
     */
    public static void saveSkippingPolicy(IdentityService identityService, User user) {
        if (!(identityService instanceof IdentityServiceImpl engine)) {
            throw new IllegalStateException("not the engine's identity service: " + identityService.getClass());
        }
        engine.saveUser(user, true);
    }
}
