package cn.kexie.capability.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks an account name for a while after repeated failed logins. Kept in the database so that
 * every node of a cluster sees the same count; counts names that do not exist too, so the lock
 * tells an attacker nothing about which accounts exist.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int maxFailures;
    private final Duration lockTime;
    private final Duration window;
    private final Clock clock;

    private final cn.kexie.capability.common.NestedInsert nestedInsert;

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactionManager,
            cn.kexie.capability.common.NestedInsert nestedInsert,
            @Value("${platform.login.max-failures:5}") int maxFailures,
            @Value("${platform.login.lock-minutes:15}") long lockMinutes,
            @Value("${platform.login.window-minutes:15}") long windowMinutes) {
        this.jdbc = jdbc;
        this.nestedInsert = nestedInsert;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxFailures = maxFailures;
        this.lockTime = Duration.ofMinutes(lockMinutes);
        this.window = Duration.ofMinutes(windowMinutes);
        this.clock = Clock.systemUTC();
    }

    /** When the lock on this name ends, if it is locked now. */
    Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_failure where username = ?")
                .param(key(username))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now));
    }

    /** Counts a failure; returns true when this failure locked the account. */
    boolean recordFailure(String username) {
        Boolean locked = tx.execute(status -> {
            Instant now = clock.instant();
            String key = key(username);
            // the row stays locked to this transaction: concurrent failures on several nodes all count
            var row = jdbc.sql("select failures, window_start from login_failure where username = ? for update")
                    .param(key)
                    .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()})
                    .optional();
            if (row.isEmpty()) {
                // the name's first failure; another node may count one at the same moment
                boolean first = nestedInsert.tryInsert(() -> jdbc.sql(
                        "insert into login_failure (username, failures, window_start) values (?, 1, ?)")
                        .params(key, Timestamp.from(now)).update());
                if (first) {
                    return maxFailures <= 1 && lock(key, now);
                }
                row = jdbc.sql("select failures, window_start from login_failure where username = ? for update")
                        .param(key)
                        .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()})
                        .optional();
            }
            int failures = (Integer) row.get()[0];
            Instant windowStart = (Instant) row.get()[1];
            if (windowStart.plus(window).isBefore(now)) {
                failures = 0;
                windowStart = now;
            }
            failures++;
            jdbc.sql("update login_failure set failures = ?, window_start = ? where username = ?")
                    .params(failures, Timestamp.from(windowStart), key).update();
            return failures >= maxFailures && lock(key, now);
        });
        return Boolean.TRUE.equals(locked);
    }

    private boolean lock(String key, Instant now) {
        jdbc.sql("update login_failure set locked_until = ?, failures = 0, window_start = ? where username = ?")
                .params(Timestamp.from(now.plus(lockTime)), Timestamp.from(now), key).update();
        return true;
    }

    void recordSuccess(String username) {
        tx.executeWithoutResult(status -> jdbc.sql("delete from login_failure where username = ?")
                .param(key(username)).update());
    }

    /** An administrator lifts a lock. */
    void unlock(String username) {
        recordSuccess(username);
    }

    Duration lockTime() {
        return lockTime;
    }

    private static String key(String username) {
        String trimmed = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        return trimmed.length() > 128 ? trimmed.substring(0, 128) : trimmed;
    }
}
