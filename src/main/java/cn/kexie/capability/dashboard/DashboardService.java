package cn.kexie.capability.dashboard;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.LedgerFilter;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for the dashboard, straight from the database: one query each, counting only the
 * programmes of the cities the caller works for (administrators: every city).
 */
@Service
class DashboardService {

    /** Who sees the dashboard, as its view allows. */
    static final String[] READERS = {Roles.MANAGER, Roles.PROGRAMME_OFFICE, Roles.ADMIN};

    private final JdbcClient jdbc;
    private final TaskService taskService;
    private final CurrentUser currentUser;
    private final FundingLedger ledger;

    DashboardService(JdbcClient jdbc, TaskService taskService, CurrentUser currentUser, FundingLedger ledger) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.currentUser = currentUser;
        this.ledger = ledger;
    }

    record Row(String programme, int year, String status, int count) {
    }

    record Totals(int applications, int open, long overdueTasks, Money money) {

        BigDecimal disbursed() {
            return money.paid();
        }

        BigDecimal recovered() {
            return money.recovered();
        }
    }

    @Transactional(readOnly = true)
    List<Row> byStatus() {
        Cities cities = cities();
        return jdbc.sql("""
                select p.name_zh, c.call_year, a.status, count(*)
                from application a
                join programme p on p.code = a.programme_code
                join programme_call c on c.id = a.call_id
                where""" + cities.sql + """
                group by p.name_zh, c.call_year, a.status
                order by p.name_zh, c.call_year desc, a.status""")
                .params(cities.params)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4))).list();
    }

    @Transactional(readOnly = true)
    Totals totals() {
        Cities cities = cities();
        String applications = " from application a join programme p on p.code = a.programme_code where" + cities.sql;
        int all = jdbc.sql("select count(*)" + applications).params(cities.params).query(Integer.class).single();
        int open = jdbc.sql("select count(*)" + applications
                + " and exists (select 1 from act_ru_execution e where e.proc_inst_id_ = a.process_instance_id)")
                .params(cities.params).query(Integer.class).single();
        // the money of every programme of the caller's cities (Chengdu's subsidies too), from the ledger
        return new Totals(all, open, overdueTasks(), ledger.sum(LedgerFilter.all()));
    }

    /** Open tasks past their due date in the caller's cities (each process instance carries its city's tenant). */
    private long overdueTasks() {
        TaskQuery overdue = taskService.createTaskQuery().dueBefore(Date.from(PlatformClock.now()));
        CityScope scope = currentUser.cities();
        if (scope.all()) {
            return overdue.count();
        }
        return scope.cities().isEmpty() ? 0 : overdue.tenantIdIn(scope.cities().toArray(String[]::new)).count();
    }

    /** A condition on {@code p.city_code} limiting figures to the caller's cities, and its parameters. */
    private record Cities(String sql, List<Object> params) {
    }

    private Cities cities() {
        if (!currentUser.hasAnyRole(READERS)) {
            throw new AccessDeniedException("the dashboard is for leadership and the programme office");
        }
        CityScope scope = currentUser.cities();
        if (scope.all()) {
            return new Cities(" 1 = 1 ", List.of());
        }
        if (scope.cities().isEmpty()) {
            return new Cities(" 1 = 0 ", List.of());
        }
        return new Cities(" p.city_code in (" + String.join(",", Collections.nCopies(scope.cities().size(), "?")) + ") ",
                List.copyOf(scope.cities().stream().sorted().toList()));
    }
}
