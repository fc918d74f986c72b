package cn.kexie.capability.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.kexie.capability.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node killed (kill -9) while it submits applications with files, the office returns some and
 * takes the others through experts' sheets, approval, the notice (its timer fired by the node's job
 * executor), agreement and disbursement, and while the correction deadlines of returned
 * applications (a real timer of the Chenzhou diagram, 补正期满) come due; a new node started on the
 * same PostgreSQL database finishes the timers. Afterwards every application's status agrees with its process instance, every file the
 * node reported stored has its row and its bytes, no step happened twice, and no job is failed,
 * in an incident, or locked beyond the lock time.
 *
 * <p>Where the kill lands is not chosen: the node is killed as soon as enough deadlines are due, in
 * whichever step its workload is; over runs it lands in each kind of step.
 */
class CrashRecoveryTest {

    static final Duration LOCK_TIME = Duration.ofSeconds(60);

    @Test
    void aNodeKilledWhileSubmittingAndFiringTimersLeavesNothingHalfDoneAndTheNextNodeFinishesTheTimers() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "a crash on the production database, PostgreSQL");
        String database = "crash" + Long.toString(System.nanoTime(), 36);
        DataSource dataSource = create(database);
        JdbcClient db = JdbcClient.create(dataSource);

        List<String> stored;
        List<Long> disbursed;
        List<Long> dueMoved;
        try (Node first = Node.start("crash-first", database, "--workload=returns")) {
            first.awaitReports(NodeMain.RETURNED, 3, Duration.ofMinutes(6));
            // the first returned applications' correction deadlines pass: the node's job executor fires their timers
            List<Long> early = ids(first.reports(NodeMain.RETURNED));
            moveCorrectionDeadlines(db, early);
            Node.await("a correction deadline fired on the first node", Duration.ofMinutes(2),
                    () -> count(db, "select count(*) from application where status = 'LAPSED'") > 0);
            // more deadlines pass, and the node is killed while its job executor takes them and its workload submits
            first.awaitReports(NodeMain.RETURNED, early.size() + 2, Duration.ofMinutes(6));
            dueMoved = ids(first.reports(NodeMain.RETURNED));
            moveCorrectionDeadlines(db, dueMoved);
            first.kill();
            stored = first.reports(NodeMain.STORED);
            disbursed = ids(first.reports(NodeMain.DISBURSED));
        }
        int lapsedAtKill = count(db, "select count(*) from application where status = 'LAPSED'");

        try (Node second = Node.start("crash-second", database)) {
            Node.await("every passed correction deadline fired once the killed node's locks ended", LOCK_TIME.multipliedBy(4),
                    () -> count(db, "select count(*) from application where status = 'LAPSED'") >= dueMoved.size());
            System.out.println("crash: " + stored.size() + " files stored, " + disbursed.size() + " projects paid, " + dueMoved.size() + " correction deadlines passed, "
                    + lapsedAtKill + " of them fired before the kill");
            assertThat(lapsedAtKill).as("the kill came before all due timers had fired").isLessThan(dueMoved.size());

            assertEveryStatusAgreesWithItsProcess(db);
            for (long id : disbursed) {
                assertThat(db.sql("select count(*) from attachment where application_id = ? and kind = 'SIGNED_AGREEMENT'")
                        .param(id).query(Integer.class).single()).as("signed agreement of " + id).isOne();
                assertThat(db.sql("select coalesce(sum(amount_yuan), 0) from funding_entry where application_id = ? and kind = 'DISBURSEMENT'")
                        .param(id).query(java.math.BigDecimal.class).single()).as("paid to " + id).isEqualByComparingTo("30000");
            }
            assertEveryReportedFileHasItsRow(db, stored);
            assertNoStepTwice(db);
            assertNoJobFailedOrLockedBeyondTheLockTime(db);
            assertThat(db.sql("select status from application where id in (:ids)").param("ids", dueMoved)
                    .query(String.class).list()).as("applications whose correction deadline passed").containsOnly("LAPSED");
        }
    }

    // ------------------------------------------------------------------ what must hold after a crash

    /** Each status of the crash's applications and the one place its process instance may be in for it. */
    static void assertEveryStatusAgreesWithItsProcess(JdbcClient db) {
        assertEveryStatusAgreesWithItsProcess(db, "断电测试项目", 6);
    }

    /** The same, for the applications whose title starts so, of which there are more than {@code moreThan}. */
    static void assertEveryStatusAgreesWithItsProcess(JdbcClient db, String titlePrefix, int moreThan) {
        List<Map<String, Object>> rows = db.sql("""
                select a.id, a.status, a.process_instance_id,
                       (select min(t.TASK_DEF_KEY_) from ACT_RU_TASK t where t.PROC_INST_ID_ = a.process_instance_id) as task,
                       (select count(*) from ACT_RU_TASK t where t.PROC_INST_ID_ = a.process_instance_id) as tasks,
                       (select count(*) from ACT_RU_EXECUTION e where e.PROC_INST_ID_ = a.process_instance_id) as executions,
                       (select count(*) from ACT_RU_JOB j where j.PROCESS_INSTANCE_ID_ = a.process_instance_id) as jobs,
                       (select h.END_ACT_ID_ from ACT_HI_PROCINST h where h.PROC_INST_ID_ = a.process_instance_id) as ended_at
                from application a where a.title like ?""").param(titlePrefix + "%").query().listOfRows();
        assertThat(rows).as("applications of the crash workload").hasSizeGreaterThan(moreThan);
        List<String> disagreements = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String status = (String) row.get("status");
            String task = (String) row.get("task");
            long tasks = ((Number) row.get("tasks")).longValue();
            long executions = ((Number) row.get("executions")).longValue();
            long jobs = ((Number) row.get("jobs")).longValue();
            String endedAt = (String) row.get("ended_at");
            boolean agrees = row.get("process_instance_id") != null && switch (status) {
                case "DRAFT" -> tasks == 1 && "Task_FillApplication".equals(task) && jobs == 0;
                case "FORMAL_REVIEW" -> tasks == 1 && "Task_FormalReview".equals(task) && jobs == 0;
                case "RETURNED" -> tasks == 1 && "Task_CorrectApplication".equals(task) && jobs == 1;
                case "EXPERT_REVIEW" -> tasks >= 1 && tasks <= NodeMain.EXPERTS.length && jobs == 0
                        && ("Task_AssignPanel".equals(task) || "Task_ExpertReview".equals(task));
                case "REVIEWED" -> tasks == 1 && "Task_ConcludeReview".equals(task) && jobs == 0;
                case "AWAITING_APPROVAL" -> tasks == 1 && "Task_PartyApproval".equals(task) && jobs == 0;
                case "UNDER_NOTICE" -> tasks == 0 && jobs == 1;
                case "AGREEMENT" -> tasks == 1 && jobs == 0
                        && ("Task_SignAgreement".equals(task) || "Task_ConfirmAgreement".equals(task));
                case "AWAITING_FUNDS" -> tasks == 1 && "Task_Disburse".equals(task) && jobs == 0;
                case "IN_PROGRESS" -> tasks == 1 && "Task_ReportProgress".equals(task);
                case "LAPSED" -> executions == 0 && "EndEvent_Lapsed".equals(endedAt);
                default -> false;
            };
            if (!agrees) {
                disagreements.add(row.toString());
            }
        }
        assertThat(disagreements).as("applications whose status disagrees with their process instance").isEmpty();
    }

    /** Every file the node reported stored (its transaction committed) has its row, with all its bytes. */
    static void assertEveryReportedFileHasItsRow(JdbcClient db, List<String> stored) {
        assertThat(stored).isNotEmpty();
        for (String report : stored) {
            String[] parts = report.split(" ", 2);
            assertThat(db.sql("select count(*) from attachment where application_id = ? and file_name = ?")
                    .params(Long.parseLong(parts[0]), parts[1]).query(Integer.class).single())
                    .as("rows of file " + report).isEqualTo(1);
        }
        assertThat(count(db, "select count(*) from attachment where size_bytes <> octet_length(content)"))
                .as("files with fewer or more bytes than recorded").isZero();
        assertThat(count(db, """
                select count(*) from application a where a.status <> 'DRAFT' and a.title like '断电测试项目%'
                and (select count(*) from attachment f where f.application_id = a.id and f.kind = 'APPLICATION') <> 2"""))
                .as("submitted applications without both their files").isZero();
        assertThat(count(db, """
                select count(*) from application a where a.title like '断电测试项目%'
                and (select count(*) from attachment f where f.application_id = a.id and f.kind <> 'APPLICATION') > 1"""))
                .as("projects with their signed agreement stored twice").isZero();
    }

    /** In this workload each application passes each step (and enters each status) at most once. */
    static void assertNoStepTwice(JdbcClient db) {
        assertNoStepTwice(db, "断电测试项目");
    }

    static void assertNoStepTwice(JdbcClient db, String titlePrefix) {
        assertThat(db.sql("""
                select e.application_id || ' ' || e.step || ' ' || coalesce(e.outcome, '') || ' ' || coalesce(e.user_id, '')
                       || ' ' || count(*)
                from application_event e join application a on a.id = e.application_id where a.title like ?
                group by e.application_id, e.step, e.outcome, e.user_id having count(*) > 1""").param(titlePrefix + "%")
                .query(String.class).list())
                .as("steps recorded twice for one application").isEmpty();
        assertThat(db.sql("""
                select application_id || ' ' || kind || ' ' || count(*) from funding_entry where application_id is not null
                group by application_id, kind having count(*) > 1""").query(String.class).list())
                .as("approvals or payments booked twice").isEmpty();
        assertThat(db.sql("select number from application group by number having count(*) > 1").query(String.class).list())
                .as("application numbers given twice").isEmpty();
        assertThat(count(db, """
                select count(*) from ACT_RU_TASK t join application a on a.process_instance_id = t.PROC_INST_ID_
                where a.title like ? and t.TASK_DEF_KEY_ = 'Task_FormalReview'
                and exists (select 1 from ACT_RU_TASK u where u.PROC_INST_ID_ = t.PROC_INST_ID_ and u.ID_ <> t.ID_)""",
                titlePrefix + "%"))
                .as("process instances with two open tasks").isZero();
    }

    static void assertNoJobFailedOrLockedBeyondTheLockTime(JdbcClient db) {
        assertThat(count(db, "select count(*) from ACT_RU_JOB where RETRIES_ < 3 or EXCEPTION_STACK_ID_ is not null"))
                .as("jobs that failed").isZero();
        assertThat(count(db, "select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
        assertThat(db.sql("select count(*) from ACT_RU_JOB where LOCK_EXP_TIME_ > ?")
                .param(Timestamp.from(Instant.now().plus(LOCK_TIME).plusSeconds(5))).query(Integer.class).single())
                .as("jobs locked beyond the lock time").isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** The correction deadlines of these applications pass: their timers' due dates move into the past. */
    static void moveCorrectionDeadlines(JdbcClient db, List<Long> applicationIds) {
        db.sql("""
                update ACT_RU_JOB set DUEDATE_ = :due where TYPE_ = 'timer' and PROCESS_INSTANCE_ID_ in
                (select process_instance_id from application where id in (:ids))""")
                .param("due", Timestamp.from(Instant.now().minusSeconds(60))).param("ids", applicationIds).update();
    }

    static List<Long> ids(List<String> reports) {
        return reports.stream().map(Long::parseLong).collect(Collectors.toList());
    }

    static int count(JdbcClient db, String sql, Object... params) {
        return db.sql(sql).params(params).query(Integer.class).single();
    }

    static DataSource create(String database) throws Exception {
        try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        return TestDatabase.server().getDatabase("postgres", database);
    }
}
