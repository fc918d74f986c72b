package cn.kexie.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes of a cluster that start at the same moment on one empty PostgreSQL database all come up,
 * and write the engine's schema, the deployments, grants, tenants, filters, holiday years and demo
 * data once. Two application contexts stand for two nodes; a barrier lets them start together.
 */
class ClusterStartTest {

    @Test
    void twoNodesStartingTogetherOnAnEmptyDatabaseBothComeUpAndWriteEverythingOnce() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "nodes of a cluster share a PostgreSQL database");
        String database = "cluster" + Long.toString(System.nanoTime(), 36);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // in one JVM the two engines need names of their own: Camunda keeps a static registry of engines by
            // name, and closing a node would otherwise take the other test contexts' engine out of it
            String engine = database + "node" + i;
            started.add(nodes.submit(() -> {
                together.await();
                return new SpringApplicationBuilder(CapabilityPlatformApplication.class)
                        .profiles("test")
                        .properties(TestDatabase.SHARED_NAME + "=" + database)
                        .run("--server.port=0", "--camunda.bpm.process-engine-name=" + engine);
            }));
        }
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        // each node sets the JVM-wide security context strategy of its own (Vaadin's); the other test contexts of
        // this JVM need theirs back afterwards
        var securityStrategy = org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();
        try {
            for (Future<ConfigurableApplicationContext> node : started) {
                contexts.add(node.get(10, TimeUnit.MINUTES));
            }
            assertThat(contexts).allMatch(ConfigurableApplicationContext::isActive);
            JdbcClient db = contexts.get(0).getBean(JdbcClient.class);

            assertThat(db.sql("select count(*) from ACT_GE_PROPERTY where NAME_ = 'schema.version'").query(Integer.class)
                    .single()).isEqualTo(1);
            assertThat(db.sql("select KEY_ from ACT_RE_PROCDEF group by KEY_ having count(*) > 1").query(String.class)
                    .list()).as("diagrams deployed twice").isEmpty();
            assertThat(db.sql("select KEY_ from ACT_RE_DECISION_DEF group by KEY_ having count(*) > 1").query(String.class)
                    .list()).as("tables deployed twice").isEmpty();
            assertThat(db.sql("select count(distinct KEY_) from ACT_RE_PROCDEF").query(Integer.class).single())
                    .isGreaterThanOrEqualTo(6);
            assertThat(db.sql("select NAME_ from ACT_RU_FILTER group by NAME_ having count(*) > 1").query(String.class)
                    .list()).as("Tasklist filters created twice").isEmpty();
            assertThat(db.sql("select count(*) from ACT_ID_TENANT").query(Integer.class).single()).isEqualTo(5);
            assertThat(db.sql("select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = 'cz-med'").query(Integer.class)
                    .single()).as("an applicant's two groups").isEqualTo(2);
            assertThat(db.sql("select count(*) from organisation where code = 'CZ-MED'").query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(db.sql("""
                    select programme_code from programme_call group by programme_code, call_year having count(*) > 1""")
                    .query(String.class).list()).as("demo calls created twice").isEmpty();
            assertThat(db.sql("select count(*) from flyway_schema_history where success = false").query(Integer.class)
                    .single()).isZero();
            assertThat(db.sql("select version from flyway_schema_history where version is not null group by version having count(*) > 1")
                    .query(String.class).list()).isEmpty();
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
            nodes.shutdownNow();
            org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(securityStrategy);
        }
    }
}
