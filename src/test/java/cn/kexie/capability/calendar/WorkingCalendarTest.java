package cn.kexie.capability.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The arithmetic over the shipped data, without Spring or a database. */
class WorkingCalendarTest {

    static WorkingCalendar calendar;
    static WorkingDays workingDays;

    @BeforeAll
    static void loadShippedData() {
        List<Arrangement> shipped = ShippedArrangements.shipped();
        calendar = new WorkingCalendar(1, shipped.stream().flatMap(a -> a.days().stream()).toList(),
                shipped.stream().map(Arrangement::year).toList());
        workingDays = new WorkingDays(new FixedRepository(calendar));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.kexie.capability.calendar.WorkingDayCases#arguments")
    void lastDayOfPeriod(WorkingDayCases.Case c) {
        assertThat(calendar.lastDay(c.from(), c.count())).isEqualTo(c.lastDay());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.kexie.capability.calendar.WorkingDayCases#arguments")
    void periodEndsAtMidnightShanghaiAfterItsLastDay(WorkingDayCases.Case c) {
        for (String time : List.of("00:00", "09:30", "23:59:59")) {
            Date start = shanghai(c.from() + "T" + time);
            assertThat(workingDays.endOfPeriod(start, c.count()))
                    .isEqualTo(shanghai(c.lastDay().plusDays(1) + "T00:00"));
            assertThat(workingDays.lastDayOfPeriod(start, c.count())).isEqualTo(c.lastDay());
        }
    }

    @Test
    void theServerTimeZoneDoesNotMatter() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "America/Los_Angeles", "Pacific/Kiritimati")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                // 2022-09-27 17:30 UTC is already 2022-09-28 01:30 in Shanghai: the period starts on the 28th
                Date start = Date.from(Instant.parse("2022-09-27T17:30:00Z"));
                assertThat(workingDays.endOfPeriod(start, 5).toInstant()).isEqualTo(Instant.parse("2022-10-09T16:00:00Z"));
                assertThat(workingDays.dateOf(start)).isEqualTo(LocalDate.of(2022, 9, 28));
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2018-12-29, true",   // Saturday, make-up day of the 2019 notice
            "2018-12-31, false",  // Monday, holiday of the 2019 notice
            "2020-01-31, false",  // Friday, extended Spring Festival
            "2020-02-01, false",  // Saturday, make-up day cancelled by the extension
            "2020-02-03, true",   // Monday after the extension
            "2022-10-07, false",  // Friday, National Day
            "2022-10-08, true",   // Saturday, make-up day
            "2022-10-15, false",  // an ordinary Saturday
            "2027-01-01, true",   // Friday, New Year's Day, but 2027 has no data yet
            "2028-10-02, true"})  // Monday, no data for 2028
    void isWorkingDay(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2022-09-30, 0, 2022-09-30",
            "2022-10-01, 0, 2022-10-01",
            "2022-09-30, 1, 2022-10-08",
            "2022-09-30, 2, 2022-10-09",
            "2022-10-10, -1, 2022-10-09",
            "2022-10-08, -1, 2022-09-30",
            "2019-01-02, -1, 2018-12-29",
            "2020-02-03, -1, 2020-01-23"})
    void addWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} has {1} working days")
    @CsvSource({"2020, 249", "2022, 249", "2026, 248"})
    void workingDaysOfAYear(int year, int expected) {
        assertThat(calendar.workingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .isEqualTo(expected);
    }

    @Test
    void refusesPeriodsWithoutDays() {
        assertThatThrownBy(() -> calendar.lastDay(LocalDate.of(2022, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.lastDay(LocalDate.of(2022, 1, 1), -3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2022, 1, 1), Integer.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workingDays.endOfPeriod(null, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shippedDataCoversTheNoticesOf2017To2026AndKeepsTheirRules() {
        List<Arrangement> shipped = ShippedArrangements.shipped();
        assertThat(shipped).extracting(Arrangement::year).containsExactlyElementsOf(
                IntStream.rangeClosed(2017, 2026).boxed().toList());
        for (Arrangement arrangement : shipped) {
            assertThat(ArrangementRules.check(arrangement)).as("problems of %s", arrangement.year()).isEmpty();
        }
        assertThat(calendar.isArranged(2026)).isTrue();
        assertThat(calendar.isArranged(2027)).isFalse();
        // the boundary days sit under their own dates, from the next year's notice
        Arrangement notice2019 = shipped.stream().filter(a -> a.year() == 2019).findFirst().orElseThrow();
        assertThat(notice2019.days()).contains(
                new CalendarDay(LocalDate.of(2018, 12, 29), DayKind.MAKE_UP_WORKING_DAY, "元旦"));
        assertThat(calendar.listed(LocalDate.of(2018, 12, 29))).map(CalendarDay::kind)
                .contains(DayKind.MAKE_UP_WORKING_DAY);
    }

    @Test
    void deadlinesShowAsTheDayTheyClose() {
        assertThat(workingDays.lastDayEndingAt(shanghai("2022-10-10T00:00"))).isEqualTo(LocalDate.of(2022, 10, 9));
        assertThat(workingDays.lastDayEndingAt(shanghai("2022-10-10T17:00"))).isEqualTo(LocalDate.of(2022, 10, 10));
    }

    static Date shanghai(String localDateTime) {
        ZonedDateTime at = LocalDateTime.parse(localDateTime).atZone(WorkingDays.ZONE);
        return Date.from(at.toInstant());
    }

    /** The repository of a node whose database never changes. */
    static final class FixedRepository extends WorkingCalendarRepository {
        private final WorkingCalendar calendar;

        FixedRepository(WorkingCalendar calendar) {
            super(null);
            this.calendar = calendar;
        }

        @Override
        long version() {
            return calendar.version();
        }

        @Override
        WorkingCalendar load() {
            return calendar;
        }
    }
}
