package cn.kexie.capability.programme;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.TransactionScoped;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme catalogue: programmes, their categories, yearly calls with deadlines, quotas,
 * numbers of awards and amounts. Data, not code: administrators and the programme office change it.
 */
@Service
public class ProgrammeCatalogue {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    ProgrammeCatalogue(JdbcClient jdbc, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The facts the application form asks for in a category of a programme. */
    @Transactional(readOnly = true)
    public List<DeclaredField> declaredFields(String programmeCode, String categoryCode) {
        return jdbc.sql("""
                select field_name, field_type, label_zh, label_en, required from programme_declared_field
                where programme_code = ? and (category_code = ? or category_code = '*') order by sort_order, field_name""")
                .params(programmeCode, categoryCode)
                .query((rs, n) -> new DeclaredField(rs.getString(1), DeclaredField.Type.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    /** The date of the mid-term evaluation the call sets for its projects. */
    @Transactional
    public void setMidterm(long callId, LocalDate midtermOn) {
        requireEditor();
        Call call = call(callId).orElseThrow(() -> new UserError("programme.error.unknownCall", callId));
        requireEditorOf(call.programmeCode());
        if (midtermOn != null && !midtermOn.isAfter(call.publishedOn())) {
            throw new UserError("programme.error.midtermBeforePublication");
        }
        forgetReads();
        jdbc.sql("update programme_call set midterm_on = ? where id = ?")
                .params(midtermOn == null ? null : Date.valueOf(midtermOn), callId).update();
    }

    /**
     * The year-end assessment date (年末验收考核) of a call's projects: the call's own date if it set one,
     * else the programme's day of the year (MM-DD) at the first year end after the call's publication and
     * mid-term date, marked as a default where the catalogue says the seed gives no day; empty where
     * neither is set.
     */
    @Transactional(readOnly = true)
    public Optional<YearEndAssessment> yearEndAssessment(long callId) {
        return jdbc.sql("""
                select c.published_on, c.midterm_on, c.assessment_on, p.year_end_assessment_day,
                       (select count(*) from programme_default d where d.programme_code = p.code
                            and d.setting = 'YEAR_END_ASSESSMENT') as marked
                from programme_call c join programme p on p.code = c.programme_code where c.id = ?""")
                .param(callId)
                .query((rs, n) -> {
                    Date own = rs.getDate(3);
                    if (own != null) {
                        return new YearEndAssessment(own.toLocalDate(), false);
                    }
                    String day = rs.getString(4);
                    if (day == null) {
                        return null;
                    }
                    Date midterm = rs.getDate(2);
                    LocalDate after = midterm != null ? midterm.toLocalDate() : rs.getDate(1).toLocalDate();
                    LocalDate date = LocalDate.parse(after.getYear() + "-" + day);
                    return new YearEndAssessment(date.isAfter(after) ? date : date.plusYears(1), rs.getInt(5) > 0);
                })
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The call's own year-end assessment date; null: the programme's day (a default where the seed gives none). */
    @Transactional
    public void setYearEndAssessment(long callId, LocalDate assessmentOn) {
        requireEditor();
        Call call = call(callId).orElseThrow(() -> new UserError("programme.error.unknownCall", callId));
        requireEditorOf(call.programmeCode());
        if (assessmentOn != null && (!assessmentOn.isAfter(call.publishedOn())
                || (call.midtermOn() != null && !assessmentOn.isAfter(call.midtermOn())))) {
            throw new UserError("programme.error.assessmentBeforeMidterm");
        }
        forgetReads();
        jdbc.sql("update programme_call set assessment_on = ? where id = ?")
                .params(assessmentOn == null ? null : Date.valueOf(assessmentOn), callId).update();
    }

    /** Links the call to its own process (for programmes whose calls run one). */
    public void setCallProcess(long callId, String processInstanceId) {
        forgetReads();
        jdbc.sql("update programme_call set process_instance_id = ? where id = ?").params(processInstanceId, callId).update();
    }

    @Transactional(readOnly = true)
    public List<City> cities() {
        return jdbc.sql("select code, name_zh, name_en from city order by code")
                .query((rs, n) -> new City(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional(readOnly = true)
    public List<Programme> programmes() {
        return jdbc.sql("select * from programme order by code").query(ProgrammeCatalogue::programme).list();
    }

    /** The cities the current user works for (every city for administrators). */
    @Transactional(readOnly = true)
    public List<City> myCities() {
        CityScope cities = currentUser.cities();
        return cities().stream().filter(c -> cities.includes(c.code())).toList();
    }

    /** The programmes of the cities the current user works for (every programme for administrators). */
    @Transactional(readOnly = true)
    public List<Programme> programmesOfMyCities() {
        CityScope cities = currentUser.cities();
        return programmes().stream().filter(p -> cities.includes(p.cityCode())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Programme> programme(String code) {
        return read("programme", code, () -> jdbc.sql("select * from programme where code = ?").param(code)
                .query(ProgrammeCatalogue::programme).optional());
    }

    public Programme requireProgramme(String code) {
        return programme(code).orElseThrow(() -> new UserError("programme.error.unknownProgramme", code));
    }

    @Transactional(readOnly = true)
    public List<Category> categories(String programmeCode) {
        return new ArrayList<>(read("categories", programmeCode, () -> List.copyOf(
                jdbc.sql("select * from programme_category where programme_code = ? order by sort_order")
                .param(programmeCode)
                .query((rs, n) -> new Category(rs.getString("programme_code"), rs.getString("code"),
                        rs.getString("name_zh"), rs.getString("name_en"), rs.getString("quota_code"),
                        rs.getInt("sort_order"), rs.getString("confirmation_group")))
                .list())));
    }

    public Optional<Category> category(String programmeCode, String categoryCode) {
        return categories(programmeCode).stream().filter(c -> c.code().equals(categoryCode)).findFirst();
    }

    @Transactional(readOnly = true)
    public List<Call> calls(String programmeCode) {
        return jdbc.sql("select * from programme_call where programme_code = ? order by call_year desc")
                .param(programmeCode).query(ProgrammeCatalogue::call).list();
    }

    @Transactional(readOnly = true)
    public Optional<Call> call(long id) {
        return read("call", id, () -> jdbc.sql("select * from programme_call where id = ?").param(id)
                .query(ProgrammeCatalogue::call).optional());
    }

    @Transactional(readOnly = true)
    public Optional<Call> call(String programmeCode, int year) {
        return jdbc.sql("select * from programme_call where programme_code = ? and call_year = ?")
                .params(programmeCode, year).query(ProgrammeCatalogue::call).optional();
    }

    @Transactional(readOnly = true)
    public List<CallCategory> callCategories(long callId) {
        return new ArrayList<>(read("callCategories", callId, () -> List.copyOf(jdbc.sql("""
                select cc.* from call_category cc
                join programme_call c on c.id = cc.call_id
                join programme_category pc on pc.programme_code = c.programme_code and pc.code = cc.category_code
                where cc.call_id = ? order by pc.sort_order""")
                .param(callId).query(ProgrammeCatalogue::callCategory).list())));
    }

    private static final String READS = ProgrammeCatalogue.class.getName() + ".reads";

    /**
     * A programme, its categories, a call and its categories are read once per transaction (issue 13:
     * a review's conclusion read each four times). Every write to the catalogue, here and in
     * {@link CatalogueSetup}, forgets what the transaction read ({@link #forgetReads}).
     */
    @SuppressWarnings("unchecked")
    private static <T> T read(String what, Object key, java.util.function.Supplier<T> query) {
        java.util.Map<String, Object> reads = TransactionScoped.get(READS, java.util.HashMap::new);
        if (reads == null) {
            return query.get();
        }
        String k = what + "\u0000" + key;
        if (reads.containsKey(k)) {
            return (T) reads.get(k);
        }
        T value = query.get();
        reads.put(k, value);
        return value;
    }

    /** Forgets the catalogue this transaction has read: called by every write to it. */
    static void forgetReads() {
        java.util.Map<String, Object> reads = TransactionScoped.peek(READS);
        if (reads != null) {
            reads.clear();
        }
    }

    public Optional<CallCategory> callCategory(long callId, String categoryCode) {
        return callCategories(callId).stream().filter(c -> c.categoryCode().equals(categoryCode)).findFirst();
    }

    @Transactional(readOnly = true)
    public List<CallQuota> quotas(long callId) {
        return jdbc.sql("select * from call_quota where call_id = ? order by quota_code").param(callId)
                .query((rs, n) -> new CallQuota(rs.getLong("call_id"), rs.getString("quota_code"),
                        rs.getInt("min_count"), rs.getInt("max_count")))
                .list();
    }

    /** The calls whose intake for some category is open today (Asia/Shanghai). */
    @Transactional(readOnly = true)
    public List<Call> openCalls() {
        LocalDate today = PlatformClock.today();
        return jdbc.sql("""
                select distinct c.* from programme_call c join call_category cc on cc.call_id = c.id
                where cc.deadline >= ? and (cc.opens_on is null or cc.opens_on <= ?)
                order by c.programme_code, c.call_year""")
                .params(Date.valueOf(today), Date.valueOf(today)).query(ProgrammeCatalogue::call).list();
    }

    /**
     * Refuses an application for a category the call does not offer, or outside its intake window.
     * The deadline is the whole of its day, Asia/Shanghai.
     */
    public CallCategory requireOpen(long callId, String categoryCode, LocalDate day) {
        Call call = call(callId).orElseThrow(() -> new UserError("programme.error.unknownCall", callId));
        Category category = category(call.programmeCode(), categoryCode)
                .orElseThrow(() -> new UserError("programme.error.unknownCategory", categoryCode));
        CallCategory offered = callCategory(callId, categoryCode)
                .orElseThrow(() -> new UserError("programme.error.notOffered", category.nameZh(), call.title()));
        if (offered.opensOn() != null && day.isBefore(offered.opensOn())) {
            throw new UserError("programme.error.notYetOpen", category.nameZh(), offered.opensOn().toString());
        }
        if (day.isAfter(offered.deadline())) {
            throw new UserError("programme.error.deadlinePassed", category.nameZh(), offered.deadline().toString());
        }
        return offered;
    }

    @Transactional
    public Call createCall(String programmeCode, int year, String title, LocalDate publishedOn) {
        requireEditor();
        requireEditorOf(programmeCode);
        List<Problem> problems = new ArrayList<>();
        if (programme(programmeCode).isEmpty()) {
            problems.add(new Problem("programme.error.unknownProgramme", programmeCode));
        }
        if (year < 2000 || year > 2100) {
            problems.add(new Problem("programme.error.year"));
        } else if (call(programmeCode, year).isPresent()) {
            problems.add(new Problem("programme.error.callExists", year));
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            problems.add(new Problem("programme.error.title"));
        }
        if (publishedOn == null) {
            problems.add(new Problem("programme.error.publishedOn"));
        }
        UserError.throwIfAny(problems);
        var keys = new GeneratedKeyHolder();
        forgetReads();
        jdbc.sql("insert into programme_call (programme_code, call_year, title, published_on) values (?, ?, ?, ?)")
                .params(programmeCode, year, title.trim(), Date.valueOf(publishedOn)).update(keys, "id");
        Call created = call(keys.getKey().longValue()).orElseThrow();
        events.publishEvent(new CallCreated(created, requireProgramme(programmeCode)));
        return created;
    }

    /** Adds the category to the call or changes its window, number of awards and amount. */
    @Transactional
    public void saveCallCategory(CallCategory value) {
        requireEditor();
        Call call = call(value.callId()).orElseThrow(() -> new UserError("programme.error.unknownCall", value.callId()));
        requireEditorOf(call.programmeCode());
        List<Problem> problems = new ArrayList<>();
        if (category(call.programmeCode(), value.categoryCode()).isEmpty()) {
            problems.add(new Problem("programme.error.unknownCategory", value.categoryCode()));
        }
        if (value.deadline() == null) {
            problems.add(new Problem("programme.error.deadlineMissing"));
        } else if (value.opensOn() != null && value.opensOn().isAfter(value.deadline())) {
            problems.add(new Problem("programme.error.opensAfterDeadline"));
        }
        if (value.awardCount() != null && (value.awardCount() < 0 || value.awardCount() > 10_000)) {
            problems.add(new Problem("programme.error.awardCount"));
        }
        if (value.amountYuan() != null && (value.amountYuan().signum() < 0
                || value.amountYuan().compareTo(new BigDecimal("100000000")) > 0 || value.amountYuan().scale() > 2)) {
            problems.add(new Problem("programme.error.amount"));
        }
        UserError.throwIfAny(problems);
        Object[] values = {value.opensOn() == null ? null : Date.valueOf(value.opensOn()), Date.valueOf(value.deadline()),
                value.awardCount(), value.amountYuan(), value.callId(), value.categoryCode()};
        forgetReads();
        int updated = jdbc.sql("""
                update call_category set opens_on = ?, deadline = ?, award_count = ?, amount_yuan = ?
                where call_id = ? and category_code = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into call_category (opens_on, deadline, award_count, amount_yuan, call_id, category_code)
                    values (?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    @Transactional
    public void saveQuota(CallQuota quota) {
        requireEditor();
        Call call = call(quota.callId()).orElseThrow(() -> new UserError("programme.error.unknownCall", quota.callId()));
        requireEditorOf(call.programmeCode());
        List<Problem> problems = new ArrayList<>();
        boolean known = categories(call.programmeCode()).stream().anyMatch(c -> c.quotaCode().equals(quota.quotaCode()));
        if (!known) {
            problems.add(new Problem("programme.error.unknownQuota", quota.quotaCode()));
        }
        if (quota.minCount() < 0 || quota.maxCount() < quota.minCount() || quota.maxCount() > 10_000) {
            problems.add(new Problem("programme.error.quotaRange"));
        }
        UserError.throwIfAny(problems);
        int updated = jdbc.sql("update call_quota set min_count = ?, max_count = ? where call_id = ? and quota_code = ?")
                .params(quota.minCount(), quota.maxCount(), quota.callId(), quota.quotaCode()).update();
        if (updated == 0) {
            jdbc.sql("insert into call_quota (min_count, max_count, call_id, quota_code) values (?, ?, ?, ?)")
                    .params(quota.minCount(), quota.maxCount(), quota.callId(), quota.quotaCode()).update();
        }
    }

    /**
     * The bodies whose meetings decide the programme's approval step, in order (e.g. LEADING_GROUP,
     * CHAIRPERSONS_MEETING: 领导小组和市科协主席会研究审定); empty: the step's candidate group alone.
     */
    @Transactional(readOnly = true)
    public List<String> approvingBodies(String programmeCode) {
        return split(jdbc.sql("select approving_bodies from programme where code = ?").param(programmeCode)
                .query(String.class).optional().orElse(null));
    }

    /**
     * The programme's settings that its policy text may leave open, and which of them are still the
     * platform's defaults; for whoever reads the catalogue of the programme's city.
     */
    @Transactional(readOnly = true)
    public ProgrammeSettings settings(String programmeCode) {
        Programme p = requireProgramme(programmeCode);
        if (!currentUser.cities().includes(p.cityCode())) {
            throw new AccessDeniedException("programme.error.forbidden");
        }
        return jdbc.sql("""
                select p.publicity_working_days, p.midterm_months, p.approving_bodies, d.setting, p.year_end_assessment_day
                from programme p left join programme_default d on d.programme_code = p.code where p.code = ?""")
                .param(programmeCode)
                .query(rs -> {
                    int days = 0;
                    int months = 0;
                    String bodies = null;
                    String assessmentDay = null;
                    java.util.Set<String> defaults = new java.util.TreeSet<>();
                    while (rs.next()) {
                        days = rs.getInt(1);
                        months = rs.getInt(2);
                        bodies = rs.getString(3);
                        assessmentDay = rs.getString(5);
                        if (rs.getString(4) != null) {
                            defaults.add(rs.getString(4));
                        }
                    }
                    return new ProgrammeSettings(days, months, split(bodies), assessmentDay, defaults);
                });
    }

    /** Months from a call's results to its mid-term evaluation when the call names no date (the engine's step). */
    @Transactional(readOnly = true)
    public int midtermMonths(String programmeCode) {
        return jdbc.sql("select midterm_months from programme where code = ?").param(programmeCode)
                .query(Integer.class).optional()
                .orElseThrow(() -> new UserError("programme.error.unknownProgramme", programmeCode));
    }

    private static List<String> split(String bodies) {
        return bodies == null || bodies.isBlank() ? List.of()
                : java.util.Arrays.stream(bodies.split(",")).map(String::trim).filter(b -> !b.isEmpty()).toList();
    }

    /** Who speaks for the programme in its documents (see {@link ProgrammeOffice}). */
    @Transactional(readOnly = true)
    public ProgrammeOffice office(String programmeCode) {
        return jdbc.sql("select issuer_name, office_name, office_contact, publishes_amounts from programme where code = ?")
                .param(programmeCode)
                .query((rs, n) -> new ProgrammeOffice(programmeCode, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .optional().orElseThrow(() -> new UserError("programme.error.unknownProgramme", programmeCode));
    }

    /** Changes who speaks for the programme in its documents; the office of the programme's city, or an administrator. */
    @Transactional
    public void saveOffice(ProgrammeOffice office) {
        requireEditor();
        if (office == null || programme(office.programmeCode()).isEmpty()) {
            throw new UserError("programme.error.unknownProgramme", office == null ? "" : office.programmeCode());
        }
        requireEditorOf(office.programmeCode());
        List<Problem> problems = new ArrayList<>();
        String issuer = trimmed(office.issuerName());
        String name = trimmed(office.officeName());
        String contact = trimmed(office.officeContact());
        if (issuer == null || issuer.length() > ProgrammeOffice.MAX_NAME) {
            problems.add(new Problem("programme.error.issuerName", ProgrammeOffice.MAX_NAME));
        }
        if (name != null && name.length() > ProgrammeOffice.MAX_NAME) {
            problems.add(new Problem("programme.error.officeName", ProgrammeOffice.MAX_NAME));
        }
        if (contact != null && contact.length() > ProgrammeOffice.MAX_CONTACT) {
            problems.add(new Problem("programme.error.officeContact", ProgrammeOffice.MAX_CONTACT));
        }
        UserError.throwIfAny(problems);
        forgetReads();
        jdbc.sql("update programme set issuer_name = ?, office_name = ?, office_contact = ?, publishes_amounts = ? where code = ?")
                .params(issuer, name, contact, office.publishesAmounts(), office.programmeCode()).update();
    }

    /**
     * The last day of the call's projects (项目实施期限): as the catalogue sets it, or else the last day
     * of the call's year.
     */
    @Transactional(readOnly = true)
    public LocalDate projectEndsOn(long callId) {
        Call call = call(callId).orElseThrow(() -> new UserError("programme.error.unknownCall", callId));
        return jdbc.sql("select project_ends_on from programme_call where id = ?").param(callId)
                .query((rs, n) -> rs.getDate(1)).optional().filter(java.util.Objects::nonNull)
                .map(Date::toLocalDate).orElse(LocalDate.of(call.year(), 12, 31));
    }

    /** Sets the last day of the call's projects; it must come after the call's publication. */
    @Transactional
    public void setProjectEnd(long callId, LocalDate endsOn) {
        requireEditor();
        Call call = call(callId).orElseThrow(() -> new UserError("programme.error.unknownCall", callId));
        requireEditorOf(call.programmeCode());
        if (endsOn == null || !endsOn.isAfter(call.publishedOn()) || endsOn.getYear() > call.year() + 10) {
            throw new UserError("programme.error.projectEnd", call.publishedOn().toString());
        }
        forgetReads();
        jdbc.sql("update programme_call set project_ends_on = ? where id = ?").params(Date.valueOf(endsOn), callId).update();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void requireEditor() {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("programme.error.forbidden");
        }
    }

    /** The office edits the catalogue of its own cities only; administrators every city's. */
    private void requireEditorOf(String programmeCode) {
        String city = programme(programmeCode).map(Programme::cityCode).orElse(null);
        if (city != null && !currentUser.cities().includes(city)) {
            throw new AccessDeniedException("programme.error.forbidden");
        }
    }

    private static Programme programme(ResultSet rs, int row) throws SQLException {
        return new Programme(rs.getString("code"), rs.getString("city_code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("kind"), rs.getString("project_process_key"),
                rs.getString("call_process_key"), rs.getString("eligibility_decision_key"),
                rs.getString("scoring_decision_key"), rs.getString("sanction_decision_key"),
                rs.getInt("publicity_working_days"), rs.getBoolean("recommends_to_province"),
                rs.getBoolean("work_records"));
    }

    private static Call call(ResultSet rs, int row) throws SQLException {
        Date midterm = rs.getDate("midterm_on");
        return new Call(rs.getLong("id"), rs.getString("programme_code"), rs.getInt("call_year"),
                rs.getString("title"), rs.getDate("published_on").toLocalDate(),
                midterm == null ? null : midterm.toLocalDate(), rs.getString("process_instance_id"), rs.getInt("version"));
    }

    private static CallCategory callCategory(ResultSet rs, int row) throws SQLException {
        Date opens = rs.getDate("opens_on");
        int awards = rs.getInt("award_count");
        Integer awardCount = rs.wasNull() ? null : awards;
        return new CallCategory(rs.getLong("call_id"), rs.getString("category_code"),
                opens == null ? null : opens.toLocalDate(), rs.getDate("deadline").toLocalDate(),
                awardCount, rs.getBigDecimal("amount_yuan"));
    }
}
