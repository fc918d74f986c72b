package cn.kexie.capability;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a user of the identity store, with the roles its groups give, as the login would. */
public final class AsUser {

    private AsUser() {
    }

    public static <T> T call(IdentityService identity, String userId, Supplier<T> work) {
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .filter(id -> !id.startsWith("org-"))
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority("ROLE_" + id))
                .toList();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(IdentityService identity, String userId, Runnable work) {
        call(identity, userId, () -> {
            work.run();
            return null;
        });
    }
}
