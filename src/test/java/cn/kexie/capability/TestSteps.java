package cn.kexie.capability;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Beans that test-only diagrams call; part of every {@link PlatformTest} context, so they share one. */
@TestConfiguration
public class TestSteps {

    static final String MARK = "transaction-boundary-test";

    /** The formal review's checks in the default row of {@code decisions/review-rules.dmn}: ticking them all passes. */
    public static final java.util.List<String> FORMAL_CHECKS = java.util.List.of("conditions", "form", "truthful", "materials", "budget");

    /** Writes a domain row, sets a process variable, then fails. */
    @Bean
    JavaDelegate writeThenFail(JdbcClient jdbc) {
        return execution -> {
            long id = jdbc.sql("select id from organisation where code = 'CZ-MED'").query(Long.class).single();
            jdbc.sql("insert into organisation_violation (organisation_id, record_year, kind, description) values (?, 2026, 'VIOLATION', ?)")
                    .params(id, MARK).update();
            execution.setVariable("written", true);
            throw new IllegalStateException("the step fails after writing");
        };
    }
}
