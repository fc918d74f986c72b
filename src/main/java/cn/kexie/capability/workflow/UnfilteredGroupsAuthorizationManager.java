package cn.kexie.capability.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks, without their first query. Before it checks anything in a
 * command, the engine narrows the caller's groups to those named by some authorization, reading
 * {@code select distinct group_id_ from act_ru_authorization}: a scan of every grant, and the engine
 * grants each open task to its candidate groups, so the scan grows with the open tasks (tens of
 * thousands in a busy season) and runs in every command of a logged-in user (issue 13). The
 * narrowing changes no answer: a group that no authorization names matches no row of a check. So
 * the caller's groups are used as they are, and every check (grants, revokes, tenants) runs as
 * before, in the same statements.
 */
class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        groups.removeIf(java.util.Objects::isNull);
        return groups;
    }

    /** Gives the engine this manager wherever it asks for its {@link AuthorizationManager}. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new UnfilteredGroupsAuthorizationManager();
        }
    }
}
