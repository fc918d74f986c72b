package cn.kexie.capability.crash;

import static cn.kexie.capability.crash.CrashRecoveryTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.kexie.capability.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Crash safety aimed at each kind of step ({@link AimedSteps}): an applicant's upload, a
 * submission with its files, an expert's sheet, the party group's approval, a timer fired by the
 * job executor (补正期满) and finance's payment are all in flight at once, each held in its own
 * transaction just before the commit with all its statements done, when
 * <ol>
 * <li>the node is killed (kill -9): none of the six committed anything; a second node on the same
 * PostgreSQL database does the five steps again, and takes the timer once the dead node's lock ends;</li>
 * <li>the second node's database connections are cut (pg_terminate_backend) while the database
 * takes no new ones: each step fails with what a person is told when the database cannot be reached,
 * none saved anything; once the database answers again the node does each step, once.</li>
 * </ol>
 * Afterwards every application's status agrees with its process instance, every file has its row
 * and bytes, no step happened twice, and no job is failed or locked beyond the lock time.
 */
class AimedCrashTest {

    /** The nodes' job lock time: shorter than the platform's minute, to keep the wait for the dead node's timer short. */
    static final Duration LOCK_TIME = Duration.ofSeconds(20);
    static final List<String> SERVICE_KINDS = AimedSteps.KINDS.stream().filter(k -> !k.equals("timer")).toList();

    @Test
    void stepsOfEveryKindHeldBeforeTheirCommitSurviveAKillAndACutConnection() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "a crash on the production database, PostgreSQL");
        String database = "aimed" + Long.toString(System.nanoTime(), 36);
        JdbcClient db = JdbcClient.create(CrashRecoveryTest.create(database));
        String lockTime = "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis();

        // 1. a kill while every kind of step is in flight
        Map<String, Long> first;
        try (Node node = Node.start("aimed-first", database, "--workload=aimed", "--round=1", lockTime)) {
            node.awaitReports(AimedSteps.HOLDING, AimedSteps.KINDS.size(), Duration.ofMinutes(6));
            first = prepared(node);
            assertThat(held(node)).as("steps held before their commit").containsExactlyInAnyOrderElementsOf(AimedSteps.KINDS);
            node.kill();
        }
        assertNothingOfTheStepsSaved(db, first);
        assertThat(count(db, "select count(*) from ACT_RU_JOB j join application a on a.process_instance_id = j.PROCESS_INSTANCE_ID_"
                + " where a.id = ? and j.LOCK_OWNER_ is not null", first.get("timer")))
                .as("the correction deadline's job, taken by the killed node").isOne();

        String redo = SERVICE_KINDS.stream().map(k -> k + ":" + first.get(k)).collect(Collectors.joining(","));
        String name = "aimed-second";
        try (Node node = Node.start(name, database, "--workload=aimed", "--round=2", "--redo=" + redo, lockTime,
                "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name)) {
            node.awaitReports(AimedSteps.REDONE, SERVICE_KINDS.size(), Duration.ofMinutes(3));
            node.awaitReports(AimedSteps.HOLDING, AimedSteps.KINDS.size(), Duration.ofMinutes(6));
            Map<String, Long> second = prepared(node);
            assertThat(held(node)).containsExactlyInAnyOrderElementsOf(AimedSteps.KINDS);

            // 2. the database takes no new connection and the node's are cut, then its six steps go on to their commit
            try (Connection admin = TestDatabase.server().getPostgresDatabase().getConnection();
                    Connection watcher = TestDatabase.server().getDatabase("postgres", database).getConnection()) {
                JdbcClient kept = JdbcClient.create(new SingleConnectionDataSource(watcher, true));
                try (Statement s = admin.createStatement()) {
                    s.execute("alter database " + database + " with allow_connections false");
                }
                int cut = JdbcClient.create(new SingleConnectionDataSource(admin, true))
                        .sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = ? and application_name = ?")
                        .params(database, name).query(Integer.class).single();
                assertThat(cut).as("the node's connections cut").isPositive();
                node.tell(AimedSteps.RELEASE);
                node.awaitReports(AimedSteps.FAILED, SERVICE_KINDS.size(), Duration.ofMinutes(2));
                Node.await("the timer's job rolled back", Duration.ofMinutes(2),
                        () -> node.reports(AimedSteps.ROLLED_BACK).stream().anyMatch(r -> r.startsWith("timer ")));
                // nothing of any step was saved, seen through a connection opened before the cut
                assertNothingOfTheStepsSaved(kept, second);
                // each person was told the database could not be reached, and that nothing was saved
                assertThat(node.reports(AimedSteps.FAILED)).as("what the people were told").hasSize(SERVICE_KINDS.size())
                        .allSatisfy(r -> assertThat(r).contains("暂时无法连接数据库，本次操作未保存任何内容"));
                try (Statement s = admin.createStatement()) {
                    s.execute("alter database " + database + " with allow_connections true");
                }
            }
            // the database answers again: the node does each step, and its job executor the timer
            node.awaitReports(AimedSteps.REDONE, 2 * SERVICE_KINDS.size(), Duration.ofMinutes(3));
            Node.await("both correction deadlines fired", LOCK_TIME.multipliedBy(6),
                    () -> count(db, "select count(*) from application where id in (?, ?) and status = 'LAPSED'",
                            first.get("timer"), second.get("timer")) == 2);
            assertThat(node.reports("GAVE-UP")).isEmpty();
            assertThat(node.reports("COMMITTED")).as("steps that committed despite the cut").isEmpty();

            for (Map<String, Long> round : List.of(first, second)) {
                assertEachStepDoneOnce(db, round);
            }
            CrashRecoveryTest.assertEveryStatusAgreesWithItsProcess(db, AimedSteps.TITLE, 2 * AimedSteps.KINDS.size() - 1);
            CrashRecoveryTest.assertNoStepTwice(db, AimedSteps.TITLE);
            assertThat(count(db, "select count(*) from attachment where size_bytes <> octet_length(content)"))
                    .as("files with fewer or more bytes than recorded").isZero();
            assertNoJobFailedOrLockedBeyondTheLockTime(db);
        }
    }

    /** The six applications still as before their step: nothing of a held step was committed. */
    static void assertNothingOfTheStepsSaved(JdbcClient db, Map<String, Long> ids) {
        assertThat(files(db, ids.get("upload"))).as("files of the upload cut off").containsExactly("申报书.pdf");
        assertThat(status(db, ids.get("submit"))).as("the submission cut off").isEqualTo("DRAFT");
        assertThat(count(db, """
                select count(*) from ACT_RU_TASK t join application a on a.process_instance_id = t.PROC_INST_ID_
                where a.id = ? and t.TASK_DEF_KEY_ = 'Task_FillApplication'""", ids.get("submit")))
                .as("the application cut off in its submission, still to fill in").isOne();
        assertThat(count(db, """
                select count(*) from ACT_RU_TASK t join application a on a.process_instance_id = t.PROC_INST_ID_
                where a.id = ? and t.TASK_DEF_KEY_ = 'Task_ExpertReview' and t.ASSIGNEE_ = ?""", ids.get("sheet"), NodeMain.EXPERTS[0]))
                .as("the expert's sheet cut off, still to do").isOne();
        assertThat(status(db, ids.get("approval"))).as("the approval cut off").isEqualTo("AWAITING_APPROVAL");
        assertThat(count(db, "select count(*) from funding_entry where application_id = ? and kind = 'APPROVAL'", ids.get("approval")))
                .as("approved amount booked by the approval cut off").isZero();
        assertThat(status(db, ids.get("disbursement"))).as("the payment cut off").isEqualTo("AWAITING_FUNDS");
        assertThat(count(db, "select count(*) from funding_entry where application_id = ? and kind = 'DISBURSEMENT'", ids.get("disbursement")))
                .as("payment booked").isZero();
        assertThat(status(db, ids.get("timer"))).as("the correction deadline's lapse cut off").isEqualTo("RETURNED");
    }

    /** After the node did them again: each step's effect once. */
    static void assertEachStepDoneOnce(JdbcClient db, Map<String, Long> ids) {
        assertThat(files(db, ids.get("upload"))).containsExactlyInAnyOrder("申报书.pdf", "证明材料.pdf");
        assertThat(status(db, ids.get("submit"))).isEqualTo("FORMAL_REVIEW");
        assertThat(files(db, ids.get("submit"))).containsExactlyInAnyOrder("申报书.pdf", "证明材料.pdf");
        assertThat(count(db, """
                select count(*) from ACT_RU_TASK t join application a on a.process_instance_id = t.PROC_INST_ID_
                where a.id = ? and t.TASK_DEF_KEY_ = 'Task_ExpertReview'""", ids.get("sheet")))
                .as("sheets still to do after the first expert's").isEqualTo(NodeMain.EXPERTS.length - 1);
        assertThat(status(db, ids.get("approval"))).isEqualTo("UNDER_NOTICE");
        assertThat(status(db, ids.get("disbursement"))).isEqualTo("IN_PROGRESS");
        assertThat(count(db, "select count(*) from funding_entry where application_id = ? and kind = 'DISBURSEMENT'", ids.get("disbursement")))
                .as("payments booked").isOne();
        assertThat(status(db, ids.get("timer"))).isEqualTo("LAPSED");
    }

    static void assertNoJobFailedOrLockedBeyondTheLockTime(JdbcClient db) {
        assertThat(count(db, "select count(*) from ACT_RU_JOB where RETRIES_ < 3 or EXCEPTION_STACK_ID_ is not null"))
                .as("jobs that failed").isZero();
        assertThat(count(db, "select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
        assertThat(db.sql("select count(*) from ACT_RU_JOB where LOCK_EXP_TIME_ > ?")
                .param(java.sql.Timestamp.from(java.time.Instant.now().plus(LOCK_TIME).plusSeconds(5))).query(Integer.class).single())
                .as("jobs locked beyond the lock time").isZero();
    }

    static Map<String, Long> prepared(Node node) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String report : node.reports(AimedSteps.PREPARED)) {
            String[] parts = report.split(" ");
            ids.put(parts[0], Long.parseLong(parts[1]));
        }
        assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(AimedSteps.KINDS);
        return ids;
    }

    static List<String> held(Node node) {
        return node.reports(AimedSteps.HOLDING).stream().map(r -> r.split(" ")[0]).toList();
    }

    static List<String> files(JdbcClient db, long id) {
        return db.sql("select file_name from attachment where application_id = ? and kind = 'APPLICATION'").param(id)
                .query(String.class).list();
    }

    static String status(JdbcClient db, long id) {
        return db.sql("select status from application where id = ?").param(id).query(String.class).single();
    }
}
