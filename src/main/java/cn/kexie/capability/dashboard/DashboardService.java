package cn.kexie.capability.dashboard;

import cn.kexie.capability.common.PlatformClock;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures for the dashboard, straight from the database: one query each. */
@Service
class DashboardService {

    private final JdbcClient jdbc;
    private final TaskService taskService;

    DashboardService(JdbcClient jdbc, TaskService taskService) {
        this.jdbc = jdbc;
        this.taskService = taskService;
    }

    record Row(String programme, int year, String status, int count) {
    }

    record Totals(int applications, int open, long overdueTasks, BigDecimal disbursed, BigDecimal recovered) {
    }

    @Transactional(readOnly = true)
    List<Row> byStatus() {
        return jdbc.sql("""
                select p.name_zh, c.call_year, a.status, count(*)
                from application a
                join programme p on p.code = a.programme_code
                join programme_call c on c.id = a.call_id
                group by p.name_zh, c.call_year, a.status
                order by p.name_zh, c.call_year desc, a.status""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4))).list();
    }

    @Transactional(readOnly = true)
    Totals totals() {
        int all = jdbc.sql("select count(*) from application").query(Integer.class).single();
        int open = jdbc.sql("select count(*) from application a where exists "
                + "(select 1 from act_ru_execution e where e.proc_inst_id_ = a.process_instance_id)")
                .query(Integer.class).single();
        BigDecimal disbursed = jdbc.sql("select coalesce(sum(amount_yuan), 0) from payment where kind = 'DISBURSEMENT'")
                .query(BigDecimal.class).single();
        BigDecimal recovered = jdbc.sql("select coalesce(sum(amount_yuan), 0) from payment where kind = 'RECOVERY'")
                .query(BigDecimal.class).single();
        long overdue = taskService.createTaskQuery().dueBefore(Date.from(PlatformClock.now())).count();
        return new Totals(all, open, overdue, disbursed, recovered);
    }
}
