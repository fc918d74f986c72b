package cn.kexie.capability.security;

import java.util.List;

/**
 * The roles of the programmes. Each is a group in Camunda's identity store with this id, used as
 * BPMN candidate group and, prefixed with {@code ROLE_}, as Spring Security authority.
 */
public final class Roles {

    public static final String APPLICANT = "applicant";
    public static final String PROGRAMME_OFFICE = "programme-office";
    public static final String EXPERT = "expert";
    public static final String PARTY_GROUP = "party-group";
    public static final String LEADING_GROUP = "leading-group";
    public static final String COUNTY_ASSOCIATION = "county-association";
    public static final String FINANCE = "finance";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "camunda-admin";

    /** Every role group, in the order the UI lists them. */
    public static final List<String> ALL = List.of(APPLICANT, PROGRAMME_OFFICE, EXPERT, PARTY_GROUP,
            LEADING_GROUP, COUNTY_ASSOCIATION, FINANCE, MANAGER, ADMIN);

    /** The association's own people: everyone but applicants. */
    public static final String[] STAFF = {PROGRAMME_OFFICE, EXPERT, PARTY_GROUP, LEADING_GROUP,
            COUNTY_ASSOCIATION, FINANCE, MANAGER, ADMIN};

    /** Camunda group type of role groups. */
    public static final String ROLE_GROUP_TYPE = "WORKFLOW";
    /** Camunda group type of the groups that stand for one applicant organisation. */
    public static final String ORGANISATION_GROUP_TYPE = "ORGANISATION";
    static final String ORGANISATION_GROUP_PREFIX = "org-";
    /** Camunda group type of the groups of one county's association (县区科协), candidates of its confirmations. */
    public static final String COUNTY_GROUP_TYPE = "COUNTY";

    private Roles() {
    }

    public static String authority(String role) {
        return "ROLE_" + role;
    }

    /** The Camunda group whose members are the users of one organisation. */
    public static String organisationGroup(String organisationCode) {
        return ORGANISATION_GROUP_PREFIX + organisationCode.toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isOrganisationGroup(String groupId) {
        return groupId.startsWith(ORGANISATION_GROUP_PREFIX);
    }
}
