package cn.kexie.capability.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.common.Messages;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a person is told when a step fails because the database cannot be reached (the real cut is
 * {@code crash/AimedCrashTest}), and that other failures keep the general message.
 */
class DatabaseUnavailableMessageTest {

    static final String UNAVAILABLE_ZH = "暂时无法连接数据库，本次操作未保存任何内容。请稍后重试。";

    @Test
    void aCommitOnACutConnectionWhoseRollbackFailedTooSaysTheDatabaseCannotBeReached() {
        // as the platform's JdbcTransactionManager throws it (seen in AimedCrashTest): the rollback's failure on the
        // connection the pool closed when the commit failed (FATAL 57P01, pg_terminate_backend)
        TransactionSystemException failure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(Notifications.unexpected(Messages.CHINESE, failure)).isEqualTo(UNAVAILABLE_ZH);
        assertThat(Notifications.unexpected(Locale.ENGLISH, failure)).startsWith("The database cannot be reached");
        // where the commit's failure is carried along
        TransactionSystemException carried = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("rollback failed", "XX000"));
        carried.initApplicationException(new DataAccessResourceFailureException("JDBC commit",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(Notifications.unexpected(Messages.CHINESE, carried)).isEqualTo(UNAVAILABLE_ZH);
    }

    @Test
    void noConnectionToBeHadSaysTheDatabaseCannotBeReached() {
        RuntimeException failure = new org.springframework.transaction.CannotCreateTransactionException("no connection",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms."));
        assertThat(Notifications.unexpected(Messages.CHINESE, failure)).isEqualTo(UNAVAILABLE_ZH);
        assertThat(Notifications.unexpected(Messages.CHINESE, new IllegalStateException("x",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isEqualTo(UNAVAILABLE_ZH);
    }

    @Test
    void otherFailuresKeepTheGeneralMessage() {
        String general = Messages.get(Messages.CHINESE, "common.error.unexpected");
        assertThat(Notifications.unexpected(Messages.CHINESE, new IllegalStateException("a bug"))).isEqualTo(general);
        assertThat(Notifications.unexpected(Messages.CHINESE, new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isEqualTo(general);
        assertThat(Notifications.unexpected(Messages.CHINESE, new TransactionSystemException("Could not commit",
                new SQLException("serialization failure", "40001")))).isEqualTo(general);
    }
}
