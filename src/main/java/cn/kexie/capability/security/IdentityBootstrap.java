package cn.kexie.capability.security;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure every role group exists, in every environment (production included). */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    static final Map<String, String> ROLE_NAMES = Map.of(
            Roles.APPLICANT, "申报单位",
            Roles.PROGRAMME_OFFICE, "专项办公室（学会部）",
            Roles.EXPERT, "评审专家",
            Roles.PARTY_GROUP, "市科协党组",
            Roles.LEADING_GROUP, "领导小组 / 主席会",
            Roles.COUNTY_ASSOCIATION, "县区科协",
            Roles.FINANCE, "财务",
            Roles.MANAGER, "领导（只读）",
            Roles.ADMIN, "系统管理员");

    private final IdentityService identityService;

    IdentityBootstrap(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String role : Roles.ALL) {
            ensureGroup(role, ROLE_NAMES.get(role), Roles.ROLE_GROUP_TYPE);
        }
    }

    void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        try {
            identityService.saveGroup(group);
            log.info("Created group {}", id);
        } catch (RuntimeException raced) {
            // another node of the cluster created it at the same moment
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                throw raced;
            }
        }
    }
}
