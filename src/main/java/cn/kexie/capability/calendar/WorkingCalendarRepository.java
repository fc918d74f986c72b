package cn.kexie.capability.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of V10__working_calendar.sql. Writers run in the caller's transaction. */
@Repository
class WorkingCalendarRepository {

    private final JdbcClient jdbc;

    WorkingCalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Changed by every change of the calendar data, in the transaction of the change. Read once per
     * transaction (issue 13: a step that creates three tasks with due dates read it three times); the
     * transaction's own change sets it again.
     */
    long version() {
        long[] kept = cn.kexie.capability.common.TransactionScoped.get(VERSION, () -> new long[1]);
        if (kept != null && kept[0] != 0) {
            return kept[0];
        }
        long version = jdbc.sql("select data_version from working_calendar_version where id = 1")
                .query(Long.class).single();
        if (kept != null && version != 0) {
            kept[0] = version;
        }
        return version;
    }

    private static final String VERSION = WorkingCalendarRepository.class.getName() + ".version";

    /**
     * The whole calendar. The version is read first: if a change commits between the queries, the
     * state is newer than its version says, and the next version check reloads it.
     */
    WorkingCalendar load() {
        long version = version();
        List<CalendarDay> days = jdbc.sql("select day_date, off_day, day_name from working_calendar_day")
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.ofOffDay(rs.getBoolean(2)),
                        rs.getString(3)))
                .list();
        List<Integer> years = jdbc.sql("select calendar_year from working_calendar_year").query(Integer.class).list();
        return new WorkingCalendar(version, days, years);
    }

    List<ArrangedYear> years() {
        return jdbc.sql("""
                select y.calendar_year, y.origin, y.papers, y.loaded_at, y.loaded_by,
                       (select count(*) from working_calendar_day d where d.notice_year = y.calendar_year)
                from working_calendar_year y order by y.calendar_year""")
                .query((rs, n) -> new ArrangedYear(rs.getInt(1), ArrangedYear.Origin.valueOf(rs.getString(2)),
                        papers(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6)))
                .list();
    }

    Optional<ArrangedYear> year(int year) {
        return years().stream().filter(y -> y.year() == year).findFirst();
    }

    boolean exists(int year) {
        return jdbc.sql("select count(*) from working_calendar_year where calendar_year = ?")
                .param(year).query(Integer.class).single() > 0;
    }

    /** The days the notice of this year lists, in date order. */
    List<CalendarDay> days(int noticeYear) {
        return jdbc.sql("select day_date, off_day, day_name from working_calendar_day where notice_year = ? order by day_date")
                .param(noticeYear)
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.ofOffDay(rs.getBoolean(2)),
                        rs.getString(3)))
                .list();
    }

    /** Dates from first to last that the notice of another year lists, with that year. */
    Map<LocalDate, Integer> listedByOtherNotices(int noticeYear, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                select day_date, notice_year from working_calendar_day
                where day_date between ? and ? and notice_year <> ?""")
                .params(first, last, noticeYear)
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Fails with a DuplicateKeyException if the year is there already (perhaps just added by another node). */
    void insertYear(Arrangement arrangement, ArrangedYear.Origin origin, Instant at, String by) {
        jdbc.sql("insert into working_calendar_year (calendar_year, origin, papers, loaded_at, loaded_by) values (?, ?, ?, ?, ?)")
                .params(arrangement.year(), origin.name(), String.join("\n", arrangement.papers()),
                        Timestamp.from(at), by)
                .update();
    }

    void updateYear(Arrangement arrangement, ArrangedYear.Origin origin, Instant at, String by) {
        jdbc.sql("update working_calendar_year set origin = ?, papers = ?, loaded_at = ?, loaded_by = ? where calendar_year = ?")
                .params(origin.name(), String.join("\n", arrangement.papers()), Timestamp.from(at), by,
                        arrangement.year())
                .update();
    }

    void replaceDays(Arrangement arrangement) {
        jdbc.sql("delete from working_calendar_day where notice_year = ?").param(arrangement.year()).update();
        for (CalendarDay day : arrangement.days()) {
            jdbc.sql("insert into working_calendar_day (day_date, off_day, day_name, notice_year) values (?, ?, ?, ?)")
                    .params(day.date(), day.kind().offDay(), day.name(), arrangement.year())
                    .update();
        }
    }

    /**
     * Marks the data as changed. The new version is random rather than one more than the old one, so
     * that a version read inside a transaction that then rolls back is never reused by a later change:
     * a cache filled from uncommitted data can never pass for current.
     */
    void changeVersion() {
        long next;
        do {
            next = ThreadLocalRandom.current().nextLong();
        } while (next == WorkingCalendar.EMPTY.version());
        jdbc.sql("update working_calendar_version set data_version = ? where id = 1").param(next).update();
        long[] kept = cn.kexie.capability.common.TransactionScoped.peek(VERSION);
        if (kept != null) {
            kept[0] = next;
        }
    }

    private static List<String> papers(String lines) {
        return lines == null || lines.isBlank() ? List.of() : Arrays.asList(lines.split("\n"));
    }
}
