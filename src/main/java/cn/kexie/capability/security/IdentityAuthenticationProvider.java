package cn.kexie.capability.security;

import cn.kexie.capability.common.CleanText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One identity for everything: the Vaadin login, the Camunda webapps and REST basic
 * authentication all check passwords and groups in Camunda's identity store through this provider.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "用户名或密码错误 / Incorrect username or password";

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    IdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (!CleanText.isClean(authentication.getName(), true) || !CleanText.isClean(password, true)) {
            // no account has such a name or password (trim() would quietly drop a NUL at either end); the
            // database is not asked, which on PostgreSQL would fail on a NUL
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Instant lockedUntil = throttle.lockedUntil(username).orElse(null);
        if (lockedUntil != null) {
            throw locked(lockedUntil);
        }
        if (username.isEmpty() || password.isEmpty() || !identityService.checkPassword(username, password)) {
            if (throttle.recordFailure(username)) {
                throw locked(Instant.now().plus(throttle.lockTime()));
            }
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(username);
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities(username));
    }

    private List<GrantedAuthority> authorities(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .filter(id -> !Roles.isOrganisationGroup(id))
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(Roles.authority(id)))
                .toList();
    }

    private static LockedException locked(Instant until) {
        long minutes = Math.max(1, Duration.between(Instant.now(), until).toSeconds() / 60 + 1);
        return new LockedException("登录失败次数过多，账户已临时锁定，请约 " + minutes
                + " 分钟后再试 / Too many failed logins: account locked, try again in about "
                + minutes + " minutes");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
