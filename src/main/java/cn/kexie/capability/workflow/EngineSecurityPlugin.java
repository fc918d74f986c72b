package cn.kexie.capability.workflow;

import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.util.ArrayList;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How the engine protects itself, whoever calls it (Tasklist, Cockpit, the webapps' engine API,
 * REST or the platform). Authorizations are on ({@code camunda.bpm.authorization.enabled}); on top:
 * <ul>
 * <li>a task's candidates and assignee get {@code READ} and {@code TASK_WORK} on it, nothing more
 * ({@link PlatformTaskPermissions}); process variables need a specific permission, which only the
 * office and managers have ({@code enforceSpecificVariablePermission});</li>
 * <li>only a platform step moves a workflow on ({@link WorkflowCourseGuard}), and only a candidate
 * becomes assignee ({@link CandidateAssignmentRule});</li>
 * <li>each city is a tenant and each instance carries its city's tenant ({@link CityTenantIdProvider});</li>
 * <li>stored queries and Tasklist filters evaluate no expressions, and no script engine runs: no
 * diagram of the platform has a script, and a script is code on the server;</li>
 * <li>the checks use the caller's groups as they are, without the engine's scan of every grant to
 * narrow them first ({@link UnfilteredGroupsAuthorizationManager}).</li>
 * </ul>
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProgrammeCatalogue> catalogue;

    EngineSecurityPlugin(ObjectProvider<ProgrammeCatalogue> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new PlatformTaskPermissions());
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setTenantIdProvider(new CityTenantIdProvider(catalogue));
        configuration.setScriptEngineResolver(new NoScriptEngines());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired()
                .add(new WorkflowCourseGuard(configuration::getIdentityService));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new CandidateAssignmentRule.OnEveryUserTask());
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new UnfilteredGroupsAuthorizationManager.Factory());
    }

    /** Resolves no script language: a script in a diagram or table fails instead of running. */
    static final class NoScriptEngines implements ScriptEngineResolver {

        private final ScriptEngineManager manager = new ScriptEngineManager(null);

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // none: the platform runs no scripts
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return manager;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }
}
