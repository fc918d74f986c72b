package cn.kexie.capability.security;

import cn.kexie.capability.common.TransactionScoped;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling: the user id, roles and, for an applicant, the organisation it acts for. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null
                || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    public String requireId() {
        return id().orElseThrow(() -> new AccessDeniedException("未登录 / Not logged in"));
    }

    public boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        String authority = Roles.authority(role);
        for (GrantedAuthority granted : auth.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** Applicants see and change their own organisation's data only. */
    public boolean isApplicantOnly() {
        return hasRole(Roles.APPLICANT) && !hasAnyRole(Roles.STAFF);
    }

    public String displayName() {
        return id().map(userId -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return userId;
            }
            String name = ((user.getLastName() == null ? "" : user.getLastName())
                    + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
            return name.isEmpty() ? userId : name;
        }).orElse("");
    }

    /**
     * The cities this user sees and works (see {@link CityScope}). Applicants are held to their own
     * organisation instead, whatever their city.
     */
    public CityScope cities() {
        if (hasRole(Roles.ADMIN)) {
            return CityScope.EVERY_CITY;
        }
        return id().map(this::citiesOf).orElse(CityScope.NONE);
    }

    public CityScope citiesOf(String userId) {
        return CityScope.of(identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList());
    }

    /** The code of the organisation this user belongs to, if any. */
    public Optional<String> organisationGroup() {
        return id().flatMap(this::organisationGroupOf);
    }

    /** Read once per transaction and user (an applicant's step asked it three times). */
    public Optional<String> organisationGroupOf(String userId) {
        java.util.Map<String, Optional<String>> known = TransactionScoped.get(ORGANISATION_GROUPS, java.util.HashMap::new);
        Optional<String> group = known == null ? null : known.get(userId);
        if (group == null) {
            group = identityService.createGroupQuery().groupMember(userId)
                    .groupType(Roles.ORGANISATION_GROUP_TYPE).list().stream()
                    .map(Group::getId)
                    .findFirst();
            if (known != null) {
                known.put(userId, group);
            }
        }
        return group;
    }

    private static final String ORGANISATION_GROUPS = CurrentUser.class.getName() + ".organisationGroups";
}
