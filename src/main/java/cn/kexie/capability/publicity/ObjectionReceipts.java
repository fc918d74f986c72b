package cn.kexie.capability.publicity;

import cn.kexie.capability.common.PlatformClock;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt numbers of objections (异议回执号) and the record of lookups with them.
 * <p>
 * A receipt number is {@code YY}, the year, a serial of six or more digits from the database
 * sequence {@code objection_receipt_seq} (unique under any concurrency, on every node), a dash and
 * four random digits, such as {@code YY2026000042-5817}: the serial alone would let anyone guess
 * the receipts of others, though a lookup needs the contact given as well.
 * <p>
 * Lookups are recorded in a transaction of their own, so that a refused lookup still counts for the
 * limits (only a salted hash of the sender is kept).
 */
@Component
class ObjectionReceipts {

    static final String SEQUENCE = "objection_receipt_seq";

    private final DataFieldMaxValueIncrementer serials;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();

    ObjectionReceipts(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.serials = isPostgres(dataSource) ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database of the objection receipts", e);
        }
    }

    /** A new receipt number, never given before. */
    String next() {
        long serial = serials.nextLongValue();
        return String.format("YY%d%06d-%04d", PlatformClock.today().getYear(), serial, random.nextInt(10_000));
    }

    /** Records a lookup (in a transaction of its own, committed at once). */
    void recordLookup(String sourceHash, String receiptNo, boolean found) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "insert into objection_lookup (source_hash, receipt_no, looked_at, found) values (?, ?, ?, ?)")
                .params(sourceHash, receiptNo, Timestamp.from(PlatformClock.now()), found).update());
    }

    /** Lookups from the sender that found nothing, within the period up to now. */
    int failedFromSource(String sourceHash, Duration period) {
        return jdbc.sql("select count(*) from objection_lookup where source_hash = ? and found = false and looked_at > ?")
                .params(sourceHash, since(period)).query(Integer.class).single();
    }

    /** Lookups of the receipt number that found nothing (a wrong contact), within the period up to now. */
    int failedForReceipt(String receiptNo, Duration period) {
        return jdbc.sql("select count(*) from objection_lookup where receipt_no = ? and found = false and looked_at > ?")
                .params(receiptNo, since(period)).query(Integer.class).single();
    }

    private static Timestamp since(Duration period) {
        Instant from = PlatformClock.now().minus(period);
        return Timestamp.from(from);
    }
}
