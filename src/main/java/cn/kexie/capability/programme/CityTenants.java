package cn.kexie.capability.programme;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One engine tenant per city of the catalogue, its id the city's code: each process instance
 * carries its city's tenant, and a staff user sees and works the cities whose tenants it (or one of
 * its groups) is a member of — in the platform, in Cockpit and in Tasklist. Administrators add
 * users to cities in Camunda Admin (租户 / Tenants).
 */
@Component
@Order(1)
class CityTenants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CityTenants.class);

    private final IdentityService identityService;
    private final ProgrammeCatalogue catalogue;

    CityTenants(IdentityService identityService, ProgrammeCatalogue catalogue) {
        this.identityService = identityService;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalogue.cities().forEach(this::ensure);
    }

    void ensure(City city) {
        if (identityService.createTenantQuery().tenantId(city.code()).count() > 0) {
            return;
        }
        Tenant tenant = identityService.newTenant(city.code());
        tenant.setName(city.nameZh());
        try {
            identityService.saveTenant(tenant);
            log.info("Created the tenant of city {}", city.code());
        } catch (RuntimeException raced) {
            // another node of the cluster created it at the same moment
            if (identityService.createTenantQuery().tenantId(city.code()).count() == 0) {
                throw raced;
            }
        }
    }
}
