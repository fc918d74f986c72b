package cn.kexie.capability.programme;

import cn.kexie.capability.security.Roles;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counties (县区) of the catalogue's cities, which an application names where a county
 * association confirms it (declared fields of type {@link DeclaredField.Type#COUNTY}). At every start
 * each county's engine group exists (type {@link Roles#COUNTY_GROUP_TYPE}), so that an administrator
 * only adds the county association's users to it.
 */
@Service
@Order(5)
public class Counties implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Counties.class);

    private final JdbcClient jdbc;
    private final IdentityService identityService;

    Counties(JdbcClient jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    /** The counties of a city, in the catalogue's order. */
    @Transactional(readOnly = true)
    public List<County> of(String cityCode) {
        return jdbc.sql("select code, city_code, name_zh, name_en, confirmation_group from county where city_code = ? order by sort_order, code")
                .param(cityCode).query(Counties::county).list();
    }

    @Transactional(readOnly = true)
    public Optional<County> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("select code, city_code, name_zh, name_en, confirmation_group from county where code = ?")
                .param(code).query(Counties::county).optional();
    }

    private static County county(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new County(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    @Override
    public void run(ApplicationArguments args) {
        List<County> all = jdbc.sql("select code, city_code, name_zh, name_en, confirmation_group from county order by code")
                .query(Counties::county).list();
        for (County county : all) {
            if (identityService.createGroupQuery().groupId(county.confirmationGroup()).count() > 0) {
                continue;
            }
            Group group = identityService.newGroup(county.confirmationGroup());
            group.setName(county.nameZh() + "科协");
            group.setType(Roles.COUNTY_GROUP_TYPE);
            try {
                identityService.saveGroup(group);
                log.info("Created group {}", county.confirmationGroup());
            } catch (RuntimeException raced) {
                // another node of the cluster created it at the same moment
                if (identityService.createGroupQuery().groupId(county.confirmationGroup()).count() == 0) {
                    throw raced;
                }
            }
        }
    }
}
