package cn.kexie.capability.dashboard;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.LedgerFilter;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.funding.YearTotals;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
    private final IdentityService identityService;

    DashboardService(JdbcClient jdbc, TaskService taskService, CurrentUser currentUser, FundingLedger ledger,
            IdentityService identityService) {
        this.identityService = identityService;
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

    /** Applications of one programme, call year, category and status: the cube every application chart sums up. */
    record Cell(String programmeCode, int year, String categoryCode, String status, int count) {
    }

    /**
     * A step (user task of the diagrams) and how long applications wait in it: the tasks open now
     * and the oldest of them, the tasks done and their average time.
     */
    record Wait(String step, String name, int open, Instant oldestOpen, int done, long averageDoneMillis) {

        /** Whole days the oldest open task has waited by {@code now} (0 without open tasks). */
        long longestWaitDays(Instant now) {
            return oldestOpen == null ? 0 : Duration.between(oldestOpen, now).toDays();
        }

        /** Days a done task took on average, to one decimal. */
        double averageDoneDays() {
            return Math.round(averageDoneMillis / 8_640_000.0) / 10.0;
        }
    }

    /** Open tasks past their due date at one step and holder ({@code assignee} null: not claimed yet). */
    record Overdue(String step, String name, String assignee, int count) {
    }

    /** What lists the tasks behind a bar: a step, and optionally only the overdue ones of one holder. */
    record TaskSelection(String step, boolean overdueOnly, boolean byHolder, String assignee) {

        static TaskSelection waitingAt(String step) {
            return new TaskSelection(step, false, false, null);
        }

        static TaskSelection overdue(String step, String assignee) {
            return new TaskSelection(step, true, true, assignee);
        }
    }

    /** An open task as the drill-down lists it, with the application (or call) it belongs to. */
    record TaskRow(String taskId, String step, String name, String assignee, Instant created, Instant due,
            Long applicationId, String reference, String organisation, String title) {
    }

    /**
     * The application cube of the caller's cities: one row per programme, call year, category and
     * status with its count, summed in the database.
     */
    @Transactional(readOnly = true)
    List<Cell> applicationCells() {
        Cities cities = cities();
        return jdbc.sql("""
                select a.programme_code, c.call_year, a.category_code, a.status, count(*)
                from application a
                join programme p on p.code = a.programme_code
                join programme_call c on c.id = a.call_id
                where""" + cities.sql + """
                group by a.programme_code, c.call_year, a.category_code, a.status
                order by a.programme_code, c.call_year, a.category_code, a.status""")
                .params(cities.params)
                .query((rs, n) -> new Cell(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** Money approved, paid and recovered by year and programme, as the ledger sums it for the caller. */
    @Transactional(readOnly = true)
    List<YearTotals> money() {
        cities();
        return ledger.totals(LedgerFilter.all());
    }

    /**
     * The steps of the caller's cities where work waits, the longest current wait first: open tasks
     * from the engine's runtime, done tasks from its history, both counted in the database.
     */
    @Transactional(readOnly = true)
    List<Wait> waits() {
        Cities tenants = tenants("t");
        Map<String, Wait> byStep = new LinkedHashMap<>();
        jdbc.sql("select t.task_def_key_, min(t.name_), count(*), min(t.create_time_) from act_ru_task t where"
                + tenants.sql + " and t.task_def_key_ is not null group by t.task_def_key_")
                .params(tenants.params)
                .query((rs, n) -> new Wait(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs.getTimestamp(4)), 0, 0))
                .list().forEach(w -> byStep.put(w.step(), w));
        Cities history = tenants("t");
        jdbc.sql("select t.task_def_key_, min(t.name_), count(*), avg(t.duration_) from act_hi_taskinst t where"
                + history.sql + " and t.end_time_ is not null and t.duration_ is not null and t.task_def_key_ is not null"
                + " group by t.task_def_key_")
                .params(history.params)
                .query((rs, n) -> new Wait(rs.getString(1), rs.getString(2), 0, null, rs.getInt(3), Math.round(rs.getDouble(4))))
                .list().forEach(done -> byStep.merge(done.step(), done, (open, d) ->
                        new Wait(open.step(), open.name(), open.open(), open.oldestOpen(), d.done(), d.averageDoneMillis())));
        Instant now = PlatformClock.now();
        return byStep.values().stream()
                .sorted(Comparator.comparingLong((Wait w) -> w.longestWaitDays(now)).reversed()
                        .thenComparing(Comparator.comparingLong(Wait::averageDoneMillis).reversed())
                        .thenComparing(Wait::step))
                .toList();
    }

    /** Open tasks past their due date in the caller's cities, by step and holder, most first. */
    @Transactional(readOnly = true)
    List<Overdue> overdue() {
        Cities tenants = tenants("t");
        List<Object> params = new ArrayList<>(tenants.params);
        params.add(Timestamp.from(PlatformClock.now()));
        return jdbc.sql("select t.task_def_key_, min(t.name_), t.assignee_, count(*) from act_ru_task t where"
                + tenants.sql + " and t.due_date_ < ? group by t.task_def_key_, t.assignee_"
                + " order by count(*) desc, t.task_def_key_, t.assignee_")
                .params(params)
                .query((rs, n) -> new Overdue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** The open tasks behind a bar of the waits or overdue chart, the longest waiting first. */
    @Transactional(readOnly = true)
    List<TaskRow> tasks(TaskSelection selection, int offset, int limit) {
        Where where = taskWhere(selection);
        List<Object> params = new ArrayList<>(where.params);
        params.add(offset);
        params.add(limit);
        return jdbc.sql("""
                select t.id_, t.task_def_key_, t.name_, t.assignee_, t.create_time_, t.due_date_,
                       a.id, coalesce(a.number, e.business_key_), o.name, a.title
                from act_ru_task t
                left join application a on a.process_instance_id = t.proc_inst_id_
                left join organisation o on o.id = a.organisation_id
                left join act_ru_execution e on e.id_ = t.proc_inst_id_
                where""" + where.sql + " order by t.create_time_, t.id_ offset ? rows fetch next ? rows only")
                .params(params)
                .query((rs, n) -> new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
    }

    @Transactional(readOnly = true)
    int countTasks(TaskSelection selection) {
        Where where = taskWhere(selection);
        return jdbc.sql("select count(*) from act_ru_task t where" + where.sql).params(where.params)
                .query(Integer.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private Where taskWhere(TaskSelection selection) {
        Cities tenants = tenants("t");
        StringBuilder sql = new StringBuilder(tenants.sql).append(" and t.task_def_key_ = ?");
        List<Object> params = new ArrayList<>(tenants.params);
        params.add(selection.step());
        if (selection.overdueOnly()) {
            sql.append(" and t.due_date_ < ?");
            params.add(Timestamp.from(PlatformClock.now()));
        }
        if (selection.byHolder()) {
            if (selection.assignee() == null) {
                sql.append(" and t.assignee_ is null");
            } else {
                sql.append(" and t.assignee_ = ?");
                params.add(selection.assignee());
            }
        }
        return new Where(sql.toString(), params);
    }

    /** The names of users (task holders) as lists show them; a user without a name: its id. */
    Map<String, String> names(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        for (String id : new HashSet<>(userIds)) {
            if (id != null) {
                User user = identityService.createUserQuery().userId(id).singleResult();
                String name = user == null ? "" : ((user.getLastName() == null ? "" : user.getLastName())
                        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
                names.put(id, name.isEmpty() ? id : name);
            }
        }
        return names;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A condition limiting engine rows (alias {@code alias}) to the tenants of the caller's cities. */
    private Cities tenants(String alias) {
        cities();
        CityScope scope = currentUser.cities();
        if (scope.all()) {
            return new Cities(" 1 = 1 ", List.of());
        }
        if (scope.cities().isEmpty()) {
            return new Cities(" 1 = 0 ", List.of());
        }
        return new Cities(" " + alias + ".tenant_id_ in (" + String.join(",", Collections.nCopies(scope.cities().size(), "?"))
                + ") ", List.copyOf(scope.cities().stream().sorted().toList()));
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
