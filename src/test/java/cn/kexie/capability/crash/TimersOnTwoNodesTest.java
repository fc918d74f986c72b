package cn.kexie.capability.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.kexie.capability.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes with their job executors on share one PostgreSQL database; 1,000 timers come due at
 * once and each fires exactly once (its step writes one effect row in the job's transaction), also
 * when one node is killed (kill -9) in the middle of the burst: its taken jobs go to the other node
 * once their lock ends. The timers are probes of a test diagram ({@code crash/timer-probe.bpmn}):
 * the platform's own timers (notice ends, correction lapses, intake deadlines) are jobs of the same
 * kind run by the same job executor; {@link CrashRecoveryTest} fires real correction-lapse timers.
 */
class TimersOnTwoNodesTest {

    static final int TIMERS = Integer.getInteger("crash.timers", 1000);

    @Test
    void thousandDueTimersFireExactlyOnceOnTwoNodesAlsoWhenOneIsKilledMidway() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "nodes of a cluster share a PostgreSQL database");
        String database = "timers" + Long.toString(System.nanoTime(), 36);
        JdbcClient db = JdbcClient.create(CrashRecoveryTest.create(database));
        db.sql("create table timer_probe_effect (business_key varchar(40) not null, node varchar(40) not null)").update();

        try (Node first = Node.start("timers-first", database, "--probes=" + TIMERS);
                Node second = Node.start("timers-second", database)) {
            assertThat(count(db, "select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and PROCESS_DEF_KEY_ = ? and DUEDATE_ > ?",
                    NodeMain.PROBE_PROCESS, Instant.now())).as("probe timers waiting").isEqualTo(TIMERS);
            // all of them come due at once
            db.sql("update ACT_RU_JOB set DUEDATE_ = ? where TYPE_ = 'timer' and PROCESS_DEF_KEY_ = ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(1)), NodeMain.PROBE_PROCESS).update();

            // which node's executor takes the jobs first is the database's race, not ours: the node
            // that has fired ten is killed, in the middle of the burst, and the other must finish it
            Node.await("a node fired some timers", Duration.ofMinutes(3),
                    () -> count(db, "select count(*) from timer_probe_effect where node = 'timers-second'") >= 10
                            || count(db, "select count(*) from timer_probe_effect where node = 'timers-first'") >= 10);
            boolean secondFired = count(db, "select count(*) from timer_probe_effect where node = 'timers-second'") >= 10;
            (secondFired ? second : first).kill();
            int atKill = count(db, "select count(*) from timer_probe_effect");
            assertThat(atKill).as("the node was killed in the middle of the burst").isLessThan(TIMERS);

            Node.await("every timer fired, the killed node's taken ones after their lock ended",
                    CrashRecoveryTest.LOCK_TIME.multipliedBy(5),
                    () -> count(db, "select count(distinct business_key) from timer_probe_effect") >= TIMERS);

            assertThat(db.sql("select business_key from timer_probe_effect group by business_key having count(*) > 1")
                    .query(String.class).list()).as("timers that fired twice").isEmpty();
            assertThat(count(db, "select count(*) from timer_probe_effect")).isEqualTo(TIMERS);
            assertThat(count(db, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = ?", NodeMain.PROBE_PROCESS))
                    .as("probe jobs left").isZero();
            assertThat(count(db, "select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
            Map<String, Integer> byNode = new java.util.TreeMap<>();
            db.sql("select node, count(*) from timer_probe_effect group by node")
                    .query((rs, n) -> byNode.put(rs.getString(1), rs.getInt(2))).list();
            System.out.println("timers fired per node: " + byNode + "; " + atKill + " before the kill");
            assertThat(byNode).containsKeys("timers-first", "timers-second");
        }
    }

    static int count(JdbcClient db, String sql, Object... params) {
        Object[] values = java.util.Arrays.stream(params)
                .map(p -> p instanceof Instant i ? Timestamp.from(i) : p).toArray();
        return db.sql(sql).params(values).query(Integer.class).single();
    }
}
