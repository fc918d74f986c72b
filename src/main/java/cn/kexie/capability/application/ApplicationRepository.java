package cn.kexie.capability.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import cn.kexie.capability.common.TransactionScoped;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

    private static final String SELECT = """
            select a.*, o.name as organisation_name, c.call_year, p.city_code
            from application a
            join organisation o on o.id = a.organisation_id
            join programme_call c on c.id = a.call_id
            join programme p on p.code = a.programme_code
            """;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    private final cn.kexie.capability.common.NestedInsert nestedInsert;

    ApplicationRepository(JdbcClient jdbc, cn.kexie.capability.common.NestedInsert nestedInsert) {
        this.jdbc = jdbc;
        this.nestedInsert = nestedInsert;
    }

    /**
     * The next number of the programme's year, e.g. CHENZHOU-2026-0007. The counter row's update
     * locks concurrent callers until their transactions end, so numbers never repeat; the year's
     * first number is inserted in a savepoint, so that of two first applications on two nodes the
     * second goes on with the update instead of failing.
     */
    String nextNumber(String programmeCode, int year) {
        while (increment(programmeCode, year) == 0) {
            boolean first = nestedInsert.tryInsert(() -> jdbc.sql(
                    "insert into application_counter (programme_code, call_year, last_number) values (?, ?, 1)")
                    .params(programmeCode, year).update());
            if (first) {
                break;
            }
        }
        int n = jdbc.sql("select last_number from application_counter where programme_code = ? and call_year = ?")
                .params(programmeCode, year).query(Integer.class).single();
        return String.format(Locale.ROOT, "%s-%d-%04d", programmeCode, year, n);
    }

    private int increment(String programmeCode, int year) {
        return jdbc.sql("update application_counter set last_number = last_number + 1 where programme_code = ? and call_year = ?")
                .params(programmeCode, year).update();
    }

    long insert(String number, String programmeCode, long callId, String categoryCode, long organisationId,
            String title, String userId) {
        Timestamp now = Timestamp.from(Instant.now());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into application (number, programme_code, call_id, category_code, organisation_id, title,
                    status, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, programmeCode, callId, categoryCode, organisationId, title, ApplicationStatus.DRAFT.name(), userId, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setProcessInstance(long id, String processInstanceId) {
        changed(id);
        jdbc.sql("update application set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    Optional<Application> find(long id) {
        Map<Long, Application> read = TransactionScoped.get(READ, java.util.HashMap::new);
        Application known = read == null ? null : read.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Application> found = jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::map).optional()
                .map(this::withBudget);
        if (read != null) {
            found.ifPresent(a -> read.put(id, a));
        }
        return found;
    }

    /**
     * The applications this transaction has read (with their budget lines): a step reads its
     * application in the service, in the diagram's listeners and delegates and in the documents it
     * writes; every write to an application here forgets it, and nothing else writes the table.
     */
    private static final String READ = ApplicationRepository.class.getName() + ".read";

    private static void changed(long id) {
        Map<Long, Application> read = TransactionScoped.peek(READ);
        if (read != null) {
            Application forgotten = read.remove(id);
            // only update() changes the budget lines: the next reading of this transaction takes them from here
            Map<Long, List<Application.BudgetLine>> budgets = TransactionScoped.get(BUDGETS, java.util.HashMap::new);
            if (forgotten != null && budgets != null) {
                budgets.put(id, forgotten.budget());
            }
        }
    }

    /** Budget lines this transaction has read, of applications whose other columns it has written since. */
    private static final String BUDGETS = ApplicationRepository.class.getName() + ".budgets";

    Optional<Application> findByNumber(String number) {
        return jdbc.sql(SELECT + " where a.number = ?").param(number).query(this::map).optional().map(this::withBudget);
    }

    List<Application> byOrganisation(long organisationId) {
        return jdbc.sql(SELECT + " where a.organisation_id = ? order by a.created_at desc").param(organisationId)
                .query(this::map).list();
    }

    /**
     * Which applications a list may show at all, whatever its filters: those of the given cities
     * ({@code null}: every city), and only submitted ones if {@code submittedOnly}.
     */
    record Reach(java.util.Set<String> cities, boolean submittedOnly) {

        static final Reach EVERYTHING = new Reach(null, false);

        boolean nothing() {
            return cities != null && cities.isEmpty();
        }
    }

    /** The office's view of a programme: filters are optional; the reach is not. */
    List<Application> search(ApplicationFilter f, Reach reach, int offset, int limit) {
        if (reach.nothing()) {
            return List.of();
        }
        var where = where(f, reach);
        where.params.add(offset);
        where.params.add(limit);
        return jdbc.sql(SELECT + where.sql + " order by a.number offset ? rows fetch next ? rows only")
                .params(where.params).query(this::map).list();
    }

    int count(ApplicationFilter f, Reach reach) {
        if (reach.nothing()) {
            return 0;
        }
        var where = where(f, reach);
        return jdbc.sql("""
                select count(*) from application a
                join organisation o on o.id = a.organisation_id
                join programme p on p.code = a.programme_code""" + where.sql)
                .params(where.params).query(Integer.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(ApplicationFilter f, Reach reach) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (reach.cities() != null) {
            sql.append(" and p.city_code in (")
                    .append(String.join(",", java.util.Collections.nCopies(reach.cities().size(), "?"))).append(")");
            params.addAll(reach.cities().stream().sorted().toList());
        }
        if (reach.submittedOnly()) {
            sql.append(" and a.submitted_at is not null");
        }
        if (f.programmeCode() != null) {
            sql.append(" and a.programme_code = ?");
            params.add(f.programmeCode());
        }
        if (f.callId() != null) {
            sql.append(" and a.call_id = ?");
            params.add(f.callId());
        }
        if (f.categoryCode() != null) {
            sql.append(" and a.category_code = ?");
            params.add(f.categoryCode());
        }
        if (f.status() != null) {
            sql.append(" and a.status = ?");
            params.add(f.status());
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" and (lower(a.title) like ? or lower(a.number) like ? or lower(o.name) like ?)");
            String like = "%" + f.text().trim().toLowerCase(Locale.ROOT) + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return new Where(sql.toString(), params);
    }

    /**
     * Locks the application's row until the transaction ends and reads it: a change of the dossier
     * and the submission (or any step that moves the status on) then happen one after the other, so
     * a change never lands in an application that was submitted meanwhile.
     */
    Optional<Application> lockAndFind(long id) {
        changed(id);
        List<Long> locked = jdbc.sql("select id from application where id = ? for update").param(id).query(Long.class).list();
        return locked.isEmpty() ? Optional.empty() : find(id);
    }

    void update(long id, int version, ApplicationDraft d) {
        changed(id);
        Map<Long, List<Application.BudgetLine>> budgets = TransactionScoped.peek(BUDGETS);
        if (budgets != null) {
            budgets.remove(id);
        }
        int updated = jdbc.sql("""
                update application set title = ?, aims = ?, content = ?, schedule = ?, expected_results = ?,
                    declared = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(d.getTitle().trim(), d.getAims(), d.getContent(), d.getSchedule(), d.getExpectedResults(),
                        toJson(d.getDeclared()), Timestamp.from(Instant.now()), id, version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("application " + id + " changed meanwhile");
        }
        jdbc.sql("delete from application_budget_line where application_id = ?").param(id).update();
        int line = 1;
        for (Application.BudgetLine b : d.getBudget()) {
            jdbc.sql("insert into application_budget_line (application_id, line_no, item, amount_yuan, note) values (?, ?, ?, ?, ?)")
                    .params(id, line++, b.item().trim(), b.amountYuan(), b.note()).update();
        }
    }

    void setStatus(long id, String status) {
        // the status is all that changes of what a read holds: this transaction keeps its reading, with the new status
        Map<Long, Application> read = TransactionScoped.peek(READ);
        Application known = read == null ? null : read.get(id);
        jdbc.sql("update application set status = ?, updated_at = ? where id = ?")
                .params(status, Timestamp.from(Instant.now()), id).update();
        if (known != null) {
            read.put(id, withStatus(known, status));
        }
    }

    private static Application withStatus(Application a, String status) {
        return new Application(a.id(), a.number(), a.programmeCode(), a.cityCode(), a.callId(), a.callYear(), a.categoryCode(),
                a.organisationId(), a.organisationName(), a.title(), a.aims(), a.content(), a.schedule(),
                a.expectedResults(), a.declared(), status, a.processInstanceId(), a.panelScore(), a.noticeEndsAt(),
                a.createdAt(), a.submittedAt(), a.version(), a.budget());
    }

    void markSubmitted(long id) {
        // the first submission's moment is all that changes: this transaction keeps its reading, with that moment
        // (in microseconds, as both databases keep it, so that the reading equals a fresh one)
        Map<Long, Application> read = TransactionScoped.peek(READ);
        Application known = read == null ? null : read.get(id);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("update application set submitted_at = coalesce(submitted_at, ?) where id = ?")
                .params(Timestamp.from(now), id).update();
        if (known != null && known.submittedAt() == null) {
            read.put(id, new Application(known.id(), known.number(), known.programmeCode(), known.cityCode(), known.callId(),
                    known.callYear(), known.categoryCode(), known.organisationId(), known.organisationName(), known.title(),
                    known.aims(), known.content(), known.schedule(), known.expectedResults(), known.declared(), known.status(),
                    known.processInstanceId(), known.panelScore(), known.noticeEndsAt(), known.createdAt(), now,
                    known.version(), known.budget()));
        }
    }

    void setPanelScore(long id, BigDecimal score) {
        changed(id);
        jdbc.sql("update application set panel_score = ? where id = ?").params(score, id).update();
    }

    void setNotice(long id, Instant endsAt, String processInstanceId, String scope) {
        changed(id);
        jdbc.sql("update application set notice_ends_at = ?, notice_process_instance_id = ?, notice_scope = ? where id = ?")
                .params(endsAt == null ? null : Timestamp.from(endsAt), processInstanceId, scope, id).update();
    }

    /** Which process handles objections to the application's notice, and in which scope. */
    String[] noticeHandler(long id) {
        return jdbc.sql("select notice_process_instance_id, notice_scope from application where id = ?").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }

    /**
     * How many other applications the organisation has in the call, by category (every given
     * category, zero where none), this one excepted: one query for all of them.
     */
    Map<String, Integer> countOthersByCategory(long organisationId, long callId, List<String> categories, long exceptId) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        categories.forEach(category -> counts.put(category, 0));
        List<String> notCounted = ApplicationStatus.names(ApplicationStatus.Kind.NOT_COUNTED);
        String states = String.join(",", java.util.Collections.nCopies(notCounted.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(organisationId, callId, exceptId));
        params.addAll(notCounted);
        jdbc.sql("select category_code, count(*) from application where organisation_id = ? and call_id = ? and id <> ?"
                + " and status not in (" + states + ") group by category_code")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .filter(e -> counts.containsKey(e.getKey()))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * What the eligibility step reads of the applications, in one statement whatever the number of the
     * organisation's applications: the application's own facts; per category of its programme, how many
     * other live applications the organisation has in the call and how many it had recognised in the same
     * programme and year (counts); whether it had this project (same category, title alike but for
     * whitespace and case) recognised in an earlier year (a count); and the declared facts of its other
     * live applications in the same call and category. Those last are rows, one per such application: the
     * declared values are JSON, which no SQL both H2 and PostgreSQL speak can compare; the programmes'
     * limits keep them few (Xuzhou: one per category and service point).
     */
    Optional<EligibilityRows> eligibilityRows(long applicationId) {
        String title = normalisedTitle("me.title");
        String otherTitle = normalisedTitle("o.title");
        List<Object[]> rows = jdbc.sql("""
                with me as (
                    select a.id, a.organisation_id, a.call_id, a.programme_code, a.category_code, a.title, a.declared, c.call_year
                    from application a join programme_call c on c.id = a.call_id where a.id = :id)
                select 0 as part, me.category_code as code, cast(me.organisation_id as bigint) as n1,
                       cast(me.call_year as bigint) as n2,
                       (select count(*) from application o join programme_call oc on oc.id = o.call_id
                         where o.organisation_id = me.organisation_id and o.id <> me.id
                           and o.programme_code = me.programme_code and o.category_code = me.category_code
                           and oc.call_year < me.call_year and o.status in (:recognised)
                           and %s = %s) as n3,
                       me.programme_code as programme, me.declared as declared, cast(0 as integer) as sort
                from me
                union all
                select 1, cat.code,
                       (select count(*) from application o
                         where o.organisation_id = me.organisation_id and o.call_id = me.call_id
                           and o.category_code = cat.code and o.id <> me.id and o.status not in (:notCounted)),
                       (select count(*) from application o join programme_call oc on oc.id = o.call_id
                         where o.organisation_id = me.organisation_id and o.programme_code = me.programme_code
                           and oc.call_year = me.call_year and o.category_code = cat.code and o.id <> me.id
                           and o.status in (:recognised)),
                       null, null, null, cat.sort_order
                from me join programme_category cat on cat.programme_code = me.programme_code
                union all
                select 2, null, null, null, null, null, o.declared, 0
                from me join application o on o.organisation_id = me.organisation_id and o.call_id = me.call_id
                     and o.category_code = me.category_code and o.id <> me.id and o.status not in (:notCounted)
                order by part, sort""".formatted(otherTitle, title))
                .param("id", applicationId)
                .param("recognised", ApplicationStatus.names(ApplicationStatus.Kind.RECOGNISED))
                .param("notCounted", ApplicationStatus.names(ApplicationStatus.Kind.NOT_COUNTED))
                .params(WHITESPACE)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getObject(3), rs.getObject(4),
                        rs.getObject(5), rs.getString(6), rs.getString(7)})
                .list();
        if (rows.isEmpty() || (int) rows.get(0)[0] != 0) {
            return Optional.empty();
        }
        Object[] own = rows.get(0);
        Map<String, Integer> others = new LinkedHashMap<>();
        Map<String, Integer> recognised = new LinkedHashMap<>();
        List<Map<String, Object>> othersDeclared = new ArrayList<>();
        for (Object[] row : rows.subList(1, rows.size())) {
            if ((int) row[0] == 1) {
                others.put((String) row[1], ((Number) row[2]).intValue());
                recognised.put((String) row[1], ((Number) row[3]).intValue());
            } else {
                othersDeclared.add(fromJson((String) row[6]));
            }
        }
        return Optional.of(new EligibilityRows(((Number) own[2]).longValue(), ((Number) own[3]).intValue(), (String) own[5],
                (String) own[1], fromJson((String) own[6]), others, recognised, ((Number) own[4]).intValue() > 0, othersDeclared));
    }

    /** See {@link #eligibilityRows}: per category, every category of the programme in its order. */
    record EligibilityRows(long organisationId, int callYear, String programmeCode, String categoryCode,
            Map<String, Object> declared, Map<String, Integer> othersByCategory, Map<String, Integer> recognisedThisYear,
            boolean previouslyRecognised, List<Map<String, Object>> othersDeclared) {
    }

    /** What Java's {@code \\s} matches, each removed from a title before titles are compared. */
    private static final Map<String, Object> WHITESPACE = Map.of("ws0", " ", "ws1", "\t", "ws2", "\n", "ws3", "\u000B",
            "ws4", "\f", "ws5", "\r");

    /** The column without whitespace, in lower case (as {@code ApplicationService.normalise}). */
    private static String normalisedTitle(String column) {
        String sql = column;
        for (int i = 0; i < WHITESPACE.size(); i++) {
            sql = "replace(" + sql + ", :ws" + i + ", '')";
        }
        return "lower(" + sql + ")";
    }

    /**
     * How many applications the organisation had recognised in the programme's year, by category (every
     * given category, zero where none): one count, for the precheck (as {@link #eligibilityRows} counts
     * them for an application).
     */
    Map<String, Integer> countRecognisedByCategory(long organisationId, String programmeCode, int year, List<String> categories) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        categories.forEach(category -> counts.put(category, 0));
        jdbc.sql("""
                select a.category_code, count(*) from application a join programme_call c on c.id = a.call_id
                where a.organisation_id = :org and a.programme_code = :programme and c.call_year = :year
                  and a.status in (:recognised)
                group by a.category_code""")
                .param("org", organisationId).param("programme", programmeCode).param("year", year)
                .param("recognised", ApplicationStatus.names(ApplicationStatus.Kind.RECOGNISED))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .filter(e -> counts.containsKey(e.getKey()))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    void addEvent(long applicationId, String userId, String step, String outcome, String comment, Map<String, Object> data) {
        jdbc.sql("""
                insert into application_event (application_id, occurred_at, user_id, step, outcome, comment, data)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, Timestamp.from(Instant.now()), userId, step, outcome, comment,
                        data == null || data.isEmpty() ? null : toJson(data))
                .update();
    }

    List<ApplicationEvent> events(long applicationId) {
        return jdbc.sql("select * from application_event where application_id = ? order by occurred_at, id")
                .param(applicationId)
                .query((rs, n) -> new ApplicationEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
                        rs.getString("step"), rs.getString("outcome"), rs.getString("comment"),
                        withdrawn(fromJson(rs.getString("data")), rs.getTimestamp("withdrawn_at"))))
                .list();
    }

    /** An entry whose step was taken back (撤回) carries {@code withdrawn}: its record stays, marked. */
    private static Map<String, Object> withdrawn(Map<String, Object> data, Timestamp withdrawnAt) {
        if (withdrawnAt == null) {
            return data;
        }
        Map<String, Object> marked = new java.util.LinkedHashMap<>(data);
        marked.put(WITHDRAWN, true);
        return java.util.Collections.unmodifiableMap(marked);
    }

    /** The data key of an entry whose step was withdrawn. */
    static final String WITHDRAWN = "withdrawn";

    /**
     * Marks as withdrawn the entries a person made while working on a step (between its start and its
     * completion; the step writes its record in the transaction that completes it): not deleted.
     */
    void markWithdrawn(long applicationId, String userId, java.util.Date started, java.util.Date ended,
            java.util.Collection<String> notTheStepsRecord) {
        if (userId == null || started == null || ended == null) {
            return;
        }
        // the record is written in the transaction that completes the step: the last seconds before
        // the completion (the engine keeps milliseconds, the history finer: a second's grace after it)
        long from = Math.max(started.getTime(), ended.getTime() - 10_000);
        List<String> excluded = new ArrayList<>(notTheStepsRecord);
        excluded.add("status");
        jdbc.sql("""
                update application_event set withdrawn_at = :now
                where application_id = :id and user_id = :user and occurred_at >= :from and occurred_at <= :to
                  and withdrawn_at is null and step not in (:excluded)""")
                .param("now", Timestamp.from(Instant.now())).param("id", applicationId).param("user", userId)
                .param("from", new Timestamp(from)).param("to", new Timestamp(ended.getTime() + 1000))
                .param("excluded", excluded)
                .update();
    }

    /**
     * Whether the applicant changed the 申报书 or its files after the moment (a draft saved, a file
     * added): a change later than the moment and than the last status the diagram set (which also
     * touches the row).
     */
    boolean changedAfter(long applicationId, java.util.Date moment) {
        Timestamp after = new Timestamp(moment.getTime());
        return jdbc.sql("""
                select (select count(*) from application a where a.id = :id and a.updated_at > :after
                          and a.updated_at > coalesce((select max(e.occurred_at) from application_event e
                              where e.application_id = :id and e.step = 'status'), :after))
                     + (select count(*) from attachment where application_id = :id and uploaded_at > :after)""")
                .param("id", applicationId).param("after", after).query(Integer.class).single() > 0;
    }

    /** The status the history last recorded at or before the moment, if any. */
    Optional<String> statusAt(long applicationId, java.util.Date moment) {
        return jdbc.sql("""
                select outcome from application_event where application_id = ? and step = 'status' and occurred_at <= ?
                order by occurred_at desc, id desc fetch first 1 rows only""")
                .params(applicationId, new Timestamp(moment.getTime())).query(String.class).optional();
    }

    private Application withBudget(Application a) {
        Map<Long, List<Application.BudgetLine>> budgets = TransactionScoped.peek(BUDGETS);
        List<Application.BudgetLine> known = budgets == null ? null : budgets.get(a.id());
        List<Application.BudgetLine> budget = known != null ? known : jdbc.sql(
                "select item, amount_yuan, note from application_budget_line where application_id = ? order by line_no")
                .param(a.id())
                .query((rs, n) -> new Application.BudgetLine(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)))
                .list();
        return new Application(a.id(), a.number(), a.programmeCode(), a.cityCode(), a.callId(), a.callYear(), a.categoryCode(),
                a.organisationId(), a.organisationName(), a.title(), a.aims(), a.content(), a.schedule(),
                a.expectedResults(), a.declared(), a.status(), a.processInstanceId(), a.panelScore(), a.noticeEndsAt(), a.createdAt(), a.submittedAt(), a.version(), budget);
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Timestamp notice = rs.getTimestamp("notice_ends_at");
        return new Application(rs.getLong("id"), rs.getString("number"), rs.getString("programme_code"),
                rs.getString("city_code"), rs.getLong("call_id"), rs.getInt("call_year"), rs.getString("category_code"), rs.getLong("organisation_id"),
                rs.getString("organisation_name"), rs.getString("title"), rs.getString("aims"), rs.getString("content"),
                rs.getString("schedule"), rs.getString("expected_results"), fromJson(rs.getString("declared")),
                rs.getString("status"), rs.getString("process_instance_id"), rs.getBigDecimal("panel_score"),
                notice == null ? null : notice.toInstant(), rs.getTimestamp("created_at").toInstant(),
                submitted == null ? null : submitted.toInstant(), rs.getInt("version"), List.of());
    }

    private String toJson(Map<String, Object> map) {
        try {
            return map == null || map.isEmpty() ? null : json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }
}
