package cn.kexie.capability.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role may do in the engine (Tasklist, Cockpit, the webapps' engine API), granted as
 * data at every start and on every node: missing grants are added, nothing else is touched, so an
 * administrator's additions in Camunda Admin stay. Tasks themselves are granted per task to their
 * candidate groups and assignee ({@code READ}, {@code TASK_WORK}); tenants (one per city) limit
 * every grant to the user's cities.
 * <ul>
 * <li>administrators ({@code camunda-admin}): everything ({@code ALL} on every resource, as Camunda
 * Run grants its first administrator; the engine also skips tenant checks for this group);</li>
 * <li>office: Cockpit and Tasklist; its programmes' definitions, instances, variables and history;
 * retry a job and move a timer ({@code RETRY_JOB}, {@code UPDATE_INSTANCE} — which the platform's
 * guard keeps from completing tasks, correlating messages, modifying instances or writing variables);
 * no users, groups, authorizations or deployments;</li>
 * <li>manager: Cockpit and Tasklist, reading only, no other role's tasks (Tasklist would list them);</li>
 * <li>experts, party group, leading group, county associations, finance: Tasklist, their own tasks;</li>
 * <li>applicants: nothing (they work in the platform only).</li>
 * </ul>
 */
@Component
@Order(1)
class EngineAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    /** A grant: to a group, on a resource id ({@code *} for all) of a resource type. */
    record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
        Grant(String group, Resource resource, String resourceId, Permission... permissions) {
            this(group, resource, resourceId, List.of(permissions));
        }
    }

    /** Roles that work on their own tasks in Tasklist. */
    static final List<String> TASK_WORKERS = List.of(Roles.PROGRAMME_OFFICE, Roles.EXPERT, Roles.PARTY_GROUP,
            Roles.LEADING_GROUP, Roles.COUNTY_ASSOCIATION, Roles.FINANCE, Roles.MANAGER);

    static final List<Grant> GRANTS;

    static {
        List<Grant> grants = new ArrayList<>();
        for (Resources resource : Resources.values()) {
            grants.add(new Grant(Roles.ADMIN, resource, ANY, Permissions.ALL));
        }
        for (String role : TASK_WORKERS) {
            grants.add(new Grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            grants.add(new Grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
        }
        String office = Roles.PROGRAMME_OFFICE;
        grants.add(new Grant(office, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(office, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.UPDATE_INSTANCE));
        grants.add(new Grant(office, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(office, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(office, Resources.DEPLOYMENT, ANY, Permissions.READ));
        String manager = Roles.MANAGER;
        grants.add(new Grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        // no READ_TASK: Tasklist lists every task a user may read, and the manager works on none of the
        // other roles' tasks (issue 11); Cockpit still shows it the instances, their activities and history
        grants.add(new Grant(manager, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE));
        grants.add(new Grant(manager, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
        grants.add(new Grant(manager, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(manager, Resources.DEPLOYMENT, ANY, Permissions.READ));
        GRANTS = List.copyOf(grants);
    }

    /**
     * Permissions granted by earlier versions and withdrawn since: removed from the grant where an
     * earlier start saved them (the manager's task reading, which listed it every role's tasks in Tasklist).
     */
    static final List<Grant> RETIRED = List.of(new Grant(Roles.MANAGER, Resources.PROCESS_DEFINITION, ANY,
            ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE));

    /** Tasklist's filters: name → whether it lists unclaimed (true), claimed (false) or all (null) tasks. */
    static final Map<String, Boolean> FILTERS = new LinkedHashMap<>();

    static {
        FILTERS.put("我的待办（全部）", null);
        FILTERS.put("待认领", true);
        FILTERS.put("已认领", false);
    }

    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    EngineAuthorizations(AuthorizationService authorizationService, FilterService filterService, TaskService taskService) {
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        GRANTS.forEach(this::ensure);
        RETIRED.forEach(this::retire);
        int priority = 0;
        for (Map.Entry<String, Boolean> filter : FILTERS.entrySet()) {
            String id = ensureFilter(filter.getKey(), filter.getValue(), priority++);
            for (String role : TASK_WORKERS) {
                ensure(new Grant(role, Resources.FILTER, id, Permissions.READ));
            }
        }
    }

    void ensure(Grant grant) {
        Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
            return;
        }
        grant.permissions().forEach(authorization::addPermission);
        try {
            authorizationService.saveAuthorization(authorization);
        } catch (RuntimeException raced) {
            // another node of the cluster saved the same grant at the same moment
            if (existing == null && authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                    .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).count() > 0) {
                return;
            }
            throw raced;
        }
        log.info("Granted {} {} on {} {}", grant.group(), Arrays.toString(grant.permissions().toArray()),
                grant.resource().resourceName(), grant.resourceId());
    }

    void retire(Grant retired) {
        Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(retired.group()).resourceType(retired.resource()).resourceId(retired.resourceId()).singleResult();
        if (existing == null || retired.permissions().stream().noneMatch(existing::isPermissionGranted)) {
            return;
        }
        retired.permissions().forEach(existing::removePermission);
        authorizationService.saveAuthorization(existing);
        log.info("Withdrew {} {} on {} {}", retired.group(), Arrays.toString(retired.permissions().toArray()),
                retired.resource().resourceName(), retired.resourceId());
    }

    private String ensureFilter(String name, Boolean unassigned, int priority) {
        Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        var query = taskService.createTaskQuery().active();
        if (Boolean.TRUE.equals(unassigned)) {
            query.taskUnassigned();
        } else if (Boolean.FALSE.equals(unassigned)) {
            query.taskAssigned();
        }
        Filter filter = filterService.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("priority", priority, "description",
                        "你可以查看的任务；办理请在平台的任务列表中进行 / Tasks you may see; work on them in the platform"));
        filterService.saveFilter(filter);
        return filter.getId();
    }
}
