package cn.kexie.capability.workflow;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * What the engine grants a task's candidate groups and assignee on that task: to see it and to work
 * on it ({@code READ}, {@code TASK_WORK}). Not its variables — the process data of an application
 * (panel members, scores, eligibility facts) is read through the platform, which shows each role
 * what it needs — and not {@code UPDATE}, which would let anyone with a task reassign it or rewrite
 * the process's variables.
 */
final class PlatformTaskPermissions extends DefaultAuthorizationProvider {

    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
        return new Permission[] {Permissions.READ, Permissions.TASK_WORK};
    }
}
