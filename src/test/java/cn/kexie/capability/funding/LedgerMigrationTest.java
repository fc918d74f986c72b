package cn.kexie.capability.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V40 on a database of its own (H2, or PostgreSQL with {@code -Dtest.database=postgres}), migrated
 * to the version before, filled as the platform filled it then, and migrated on: the money kept on
 * applications, in payments and on Chengdu's evaluations ends up in the ledger, the old columns are
 * gone, and an application the deciding group approved gets its approved amount.
 */
class LedgerMigrationTest {

    @Test
    void theMoneyKeptElsewhereMovesIntoTheLedger() {
        DataSource db = freshDatabase();
        migrate(db, "31");
        JdbcClient jdbc = JdbcClient.create(db);
        long xuzhouCall = jdbc.sql("select id from programme_call where programme_code = 'XUZHOU' and call_year = 2022")
                .query(Long.class).single();
        long lygCall = jdbc.sql("select id from programme_call where programme_code = 'LIANYUNGANG' and call_year = 2017")
                .query(Long.class).single();
        long xz = organisation(jdbc, "MIG-XZ", "XUZHOU");
        long lyg = organisation(jdbc, "MIG-LYG", "LIANYUNGANG");
        long cd = organisation(jdbc, "MIG-CD", "CHENGDU");

        // a Xuzhou project approved with its list, paid 60000 against a budget of 50000.50, 5000 recovered;
        // the running totals hold 1000 more than the payments (paid before payments had vouchers)
        long project = application(jdbc, "XUZHOU-2022-0001", "XUZHOU", xuzhouCall, "SERVICE_TECH", xz, "IN_PROGRESS",
                "61000", "5000");
        budget(jdbc, project, "50000.50");
        event(jdbc, project, "Task_OrganisationalApproval", "PASS", "2022-07-01 10:00:00");
        payment(jdbc, project, "DISBURSEMENT", "60000", "2022-07-15", "徐财〔2022〕8号");
        payment(jdbc, project, "RECOVERY", "5000", "2022-12-01", "徐财收〔2022〕1号");
        // a Lianyungang award approved (审定): the catalogue's 8000, whatever its budget
        long award = application(jdbc, "LIANYUNGANG-2017-0001", "LIANYUNGANG", lygCall, "DEMO_SOCIETY_AWARD", lyg,
                "AWARDED", null, null);
        budget(jdbc, award, "12000");
        event(jdbc, award, "Task_Approval", "PASS", "2017-12-10 09:00:00");
        // approved, then not funded after an objection: no approved amount
        long notFunded = application(jdbc, "XUZHOU-2022-0002", "XUZHOU", xuzhouCall, "SERVICE_TECH", xz, "NOT_SELECTED",
                null, null);
        budget(jdbc, notFunded, "20000");
        event(jdbc, notFunded, "Task_OrganisationalApproval", "PASS", "2022-07-01 10:00:00");
        // never approved
        long draft = application(jdbc, "XUZHOU-2022-0003", "XUZHOU", xuzhouCall, "SERVICE_TECH", xz, "FORMAL_REVIEW",
                null, null);
        budget(jdbc, draft, "20000");
        // a Chengdu evaluation: subsidy 30000 set, paid
        jdbc.sql("""
                insert into work_evaluation (organisation_id, evaluation_year, business_key, status, started_by, started_at,
                    tier, subsidy_yuan, evaluated_by, evaluated_at, paid_yuan, paid_on, voucher_no, paid_by, paid_at)
                values (?, 2021, 'CHENGDU-2021-MIG-CD', 'PAID', 'office', timestamp '2022-03-01 09:00:00', 'B', 30000,
                    'office', timestamp '2022-03-20 09:00:00', 30000, date '2022-04-01', 'PZ-2022-7', 'finance',
                    timestamp '2022-04-01 15:00:00')""").param(cd).update();

        migrate(db, "40");

        assertThat(entries(jdbc, "application_id = " + project)).containsExactly(
                "APPROVAL 50000.50 2022-07-01 null XUZHOU",
                "DISBURSEMENT 60000.00 2022-07-15 徐财〔2022〕8号 XUZHOU",
                "RECOVERY 5000.00 2022-12-01 徐财收〔2022〕1号 XUZHOU",
                "DISBURSEMENT 1000.00 " + jdbc.sql("select cast(updated_at as date) from application where id = ?")
                        .param(project).query(java.sql.Date.class).single() + " null XUZHOU");
        assertThat(entries(jdbc, "application_id = " + award)).containsExactly("APPROVAL 8000.00 2017-12-10 null LIANYUNGANG");
        assertThat(entries(jdbc, "application_id = " + notFunded)).isEmpty();
        assertThat(entries(jdbc, "application_id = " + draft)).isEmpty();
        assertThat(entries(jdbc, "work_evaluation_id is not null and organisation_id = " + cd)).containsExactly(
                "APPROVAL 30000.00 2022-03-20 null CHENGDU", "DISBURSEMENT 30000.00 2022-04-01 PZ-2022-7 CHENGDU");

        assertThatThrownBy(() -> jdbc.sql("select disbursed_yuan from application").query().listOfRows())
                .as("the money columns are gone from application").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> jdbc.sql("select count(*) from payment").query(Integer.class).single())
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> jdbc.sql("select paid_yuan from work_evaluation").query().listOfRows())
                .isInstanceOf(Exception.class);
    }

    // ---------------------------------------------------------------- the old world

    private static long organisation(JdbcClient jdbc, String code, String city) {
        jdbc.sql("insert into organisation (code, name, city_code, org_type) values (?, ?, ?, 'MUNICIPAL_SOCIETY')")
                .params(code, code + " 学会", city).update();
        return jdbc.sql("select id from organisation where code = ?").param(code).query(Long.class).single();
    }

    private static long application(JdbcClient jdbc, String number, String programme, long callId, String category,
            long organisationId, String status, String disbursed, String recovered) {
        jdbc.sql("""
                insert into application (number, programme_code, call_id, category_code, organisation_id, title, status,
                    disbursed_yuan, recovered_yuan, created_by, created_at, submitted_at, updated_at)
                values (?, ?, ?, ?, ?, '迁移测试项目', ?, ?, ?, 'applicant', timestamp '2022-05-01 09:00:00',
                    timestamp '2022-05-02 09:00:00', timestamp '2023-01-05 09:00:00')""")
                .params(number, programme, callId, category, organisationId, status,
                        disbursed == null ? null : new java.math.BigDecimal(disbursed),
                        recovered == null ? null : new java.math.BigDecimal(recovered))
                .update();
        return jdbc.sql("select id from application where number = ?").param(number).query(Long.class).single();
    }

    private static void budget(JdbcClient jdbc, long applicationId, String amount) {
        jdbc.sql("insert into application_budget_line (application_id, line_no, item, amount_yuan) values (?, 1, '经费', ?)")
                .params(applicationId, new java.math.BigDecimal(amount)).update();
    }

    private static void event(JdbcClient jdbc, long applicationId, String step, String outcome, String at) {
        jdbc.sql("insert into application_event (application_id, occurred_at, user_id, step, outcome) values (?, "
                + "cast(? as timestamp), 'party', ?, ?)").params(applicationId, at, step, outcome).update();
    }

    private static void payment(JdbcClient jdbc, long applicationId, String kind, String amount, String paidOn, String voucher) {
        jdbc.sql("""
                insert into payment (application_id, kind, amount_yuan, paid_on, voucher_no, recorded_by, recorded_at)
                values (?, ?, ?, cast(? as date), ?, 'finance', timestamp '2022-07-15 10:00:00')""")
                .params(applicationId, kind, new java.math.BigDecimal(amount), paidOn, voucher).update();
    }

    private static List<String> entries(JdbcClient jdbc, String where) {
        return jdbc.sql("select kind, amount_yuan, entry_date, voucher_no, city_code from funding_entry where " + where
                + " order by id")
                .query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2).toPlainString() + " "
                        + rs.getDate(3) + " " + rs.getString(4) + " " + rs.getString(5))
                .list();
    }

    // ---------------------------------------------------------------- a database of its own

    private static void migrate(DataSource db, String target) {
        Flyway.configure().dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (TestDatabase.isPostgres() ? "postgresql" : "h2"))
                .target(target).load().migrate();
    }

    private static DataSource freshDatabase() {
        String name = "ledger_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (TestDatabase.isPostgres()) {
            try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return new DriverManagerDataSource(TestDatabase.server().getJdbcUrl("postgres", name), "postgres", "postgres");
        }
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
