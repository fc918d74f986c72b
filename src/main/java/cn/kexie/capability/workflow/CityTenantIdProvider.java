package cn.kexie.capability.workflow;

import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Every city is a tenant of the engine, with the city's code as tenant id. Diagrams and tables are
 * shared by all cities (deployed without a tenant); each process instance carries the tenant of the
 * city whose programme it runs, named by the start variable {@code programme}, so that Cockpit,
 * Tasklist and the platform's task list show a user the instances of its own cities only.
 */
final class CityTenantIdProvider implements TenantIdProvider {

    private final ObjectProvider<ProgrammeCatalogue> catalogue;

    CityTenantIdProvider(ObjectProvider<ProgrammeCatalogue> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        if (ctx.getProcessDefinition() != null && ctx.getProcessDefinition().getTenantId() != null) {
            return ctx.getProcessDefinition().getTenantId();
        }
        Object programme = ctx.getVariables() == null ? null : ctx.getVariables().get(ProjectProcess.PROGRAMME);
        if (!(programme instanceof String code)) {
            return null;
        }
        return catalogue.getObject().programme(code).map(Programme::cityCode).orElse(null);
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return ctx.getDecisionDefinition() == null ? null : ctx.getDecisionDefinition().getTenantId();
    }
}
