package cn.kexie.capability.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster that start at the same moment do their start-up work one after the other:
 * the engine's schema, the deployment of changed diagrams and tables, the first administrator,
 * grants, tenants, filters, holiday years and demo data. Each piece is written so that a second
 * node finds it done; the lock keeps two nodes from both finding it missing and writing it twice.
 * <p>
 * On PostgreSQL the lock is a session-level advisory lock on a connection of its own, taken once
 * the database migrations are done (Flyway locks those itself) and before the process engine is
 * built, and given back when the application is ready — or when its start fails, since a failed
 * start closes the connection. A node that finds the lock taken waits for the other node's start.
 * An embedded H2 database belongs to one node and needs no lock.
 */
@Component
@DependsOnDatabaseInitialization
public class StartupLock implements DisposableBean {

    /** The lock's key among PostgreSQL's advisory locks of this database. */
    static final long KEY = 0x6b65786965_01L;

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private Connection held;

    StartupLock(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            try (PreparedStatement tryLock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                tryLock.setLong(1, KEY);
                try (var rs = tryLock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        log.info("Another node is starting on this database: waiting for it to finish its start-up work");
                        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                            lock.setLong(1, KEY);
                            lock.execute();
                        }
                    }
                }
            }
            held = connection;
        } catch (SQLException | RuntimeException failed) {
            connection.close();
            throw failed;
        }
    }

    /** Start-up work is done: the next node may do its own. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Statement unlock = held.createStatement()) {
            unlock.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not give back the start-up lock; closing its connection gives it back", e);
        } finally {
            try {
                held.close();
            } catch (SQLException ignored) {
                // closing gives the session's locks back anyway
            }
            held = null;
        }
    }

    @Override
    public void destroy() {
        release();
    }
}
