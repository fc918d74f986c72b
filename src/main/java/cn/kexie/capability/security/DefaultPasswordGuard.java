package cn.kexie.capability.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile the application refuses to start while any account still has a
 * documented default password (the demo password, the Camunda defaults, or its own user id).
 */
@Component
@Profile("prod")
@Order(100)
class DefaultPasswordGuard implements ApplicationRunner {

    /** The passwords the README and Camunda's documentation publish. */
    public static final Set<String> DOCUMENTED = Set.of(DemoPasswords.DEMO, "admin", "camunda", "password", "123456");

    private final IdentityService identityService;

    DefaultPasswordGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> weak = weakAccounts();
        if (!weak.isEmpty()) {
            throw new IllegalStateException("Refusing to start under the prod profile: these accounts still have a"
                    + " documented default password, change them first (Camunda Admin, or camunda.bpm.admin-user.password): "
                    + weak);
        }
    }

    List<String> weakAccounts() {
        List<String> weak = new ArrayList<>();
        for (User user : identityService.createUserQuery().list()) {
            boolean documented = identityService.checkPassword(user.getId(), user.getId())
                    || DOCUMENTED.stream().anyMatch(p -> identityService.checkPassword(user.getId(), p));
            if (documented) {
                weak.add(user.getId());
            }
        }
        return weak;
    }
}
