package cn.kexie.capability.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading holiday-cn JSON and the rules of an arrangement, each refusal with its message. */
class ArrangementRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty text                     |                                                                  | calendar.error.json.empty
            not JSON                       | {"year": 2027, "days": [                                         | calendar.error.json.syntax
            not an object                  | [1, 2]                                                           | calendar.error.json.notObject
            no year                        | {"papers": [], "days": []}                                       | calendar.error.json.year
            year as text                   | {"year": "2027", "days": []}                                     | calendar.error.json.year
            no days                        | {"year": 2027, "papers": []}                                     | calendar.error.json.days
            papers not strings             | {"year": 2027, "papers": [1], "days": []}                        | calendar.error.json.papers
            day without isOffDay           | {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01"}]}  | calendar.error.json.dayShape
            isOffDay as text               | {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": "true"}]} | calendar.error.json.dayShape
            impossible date                | {"year": 2027, "days": [{"name": "元旦", "date": "2027-02-30", "isOffDay": true}]}   | calendar.error.json.date
            date not ISO                   | {"year": 2027, "days": [{"name": "元旦", "date": "2027/01/01", "isOffDay": true}]}   | calendar.error.json.date
            """)
    void refusesMalformedJson(String what, String json, String key) {
        UserError error = catchThrowableOfType(UserError.class, () -> HolidayCnJson.read(json));
        assertThat(error).as(what).isNotNull();
        assertThat(error.problems()).extracting(UserError.Problem::key).contains(key);
    }

    @Test
    void readsTheHolidayCnFormatAndWritesItBack() {
        Arrangement read = HolidayCnJson.read("""
                {"year": 2019, "papers": ["http://www.gov.cn/a.htm"], "days": [
                  {"name": "元旦", "date": "2018-12-29", "isOffDay": false},
                  {"name": "元旦", "date": "2018-12-30", "isOffDay": true}]}""");
        assertThat(read.year()).isEqualTo(2019);
        assertThat(read.papers()).containsExactly("http://www.gov.cn/a.htm");
        assertThat(read.days()).containsExactly(
                new CalendarDay(LocalDate.of(2018, 12, 29), DayKind.MAKE_UP_WORKING_DAY, "元旦"),
                new CalendarDay(LocalDate.of(2018, 12, 30), DayKind.HOLIDAY, "元旦"));
        assertThat(HolidayCnJson.read(HolidayCnJson.write(read))).isEqualTo(read);
        assertThat(HolidayCnJson.read("\uFEFF" + HolidayCnJson.write(read))).as("with a byte order mark").isEqualTo(read);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            make-up day on a Monday          | 2027 | 2027-02-08 | MAKE_UP_WORKING_DAY | 春节 | calendar.error.makeUpOnWeekday
            date of another year             | 2027 | 2028-01-01 | HOLIDAY             | 元旦 | calendar.error.date.outsideYear
            November of the year before      | 2027 | 2026-11-30 | HOLIDAY             | 元旦 | calendar.error.date.outsideYear
            blank name                       | 2027 | 2027-01-01 | HOLIDAY             | ' '  | calendar.error.name.blank
            no kind                          | 2027 | 2027-01-01 |                     | 元旦 | calendar.error.kind
            year before 2000                 | 1999 | 1999-01-01 | HOLIDAY             | 元旦 | calendar.error.year
            """)
    void refusesADayThatBreaksARule(String what, int year, LocalDate date, DayKind kind, String name, String key) {
        Arrangement arrangement = new Arrangement(year, List.of(), List.of(
                new CalendarDay(LocalDate.of(year, 1, 1).plusDays(1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(date, kind, name)));
        assertThat(ArrangementRules.check(arrangement)).as(what).extracting(UserError.Problem::key).contains(key);
    }

    @Test
    void acceptsAHolidayOnAWeekendAndDecemberOfTheYearBefore() {
        Arrangement arrangement = new Arrangement(2019, List.of(), List.of(
                new CalendarDay(LocalDate.of(2018, 12, 29), DayKind.MAKE_UP_WORKING_DAY, "元旦"),
                new CalendarDay(LocalDate.of(2018, 12, 30), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2019, 2, 9), DayKind.HOLIDAY, "春节")));
        assertThat(ArrangementRules.check(arrangement)).isEmpty();
    }

    @Test
    void aDateCannotBeBothAHolidayAndAWorkingDayNorListedTwice() {
        LocalDate saturday = LocalDate.of(2027, 1, 2);
        Arrangement both = new Arrangement(2027, List.of(), List.of(
                new CalendarDay(saturday, DayKind.HOLIDAY, "元旦"),
                new CalendarDay(saturday, DayKind.MAKE_UP_WORKING_DAY, "元旦")));
        Arrangement twice = new Arrangement(2027, List.of(), List.of(
                new CalendarDay(saturday, DayKind.HOLIDAY, "元旦"),
                new CalendarDay(saturday, DayKind.HOLIDAY, "元旦")));
        assertThat(ArrangementRules.check(both)).extracting(UserError.Problem::key).containsExactly("calendar.error.bothKinds");
        assertThat(ArrangementRules.check(twice)).extracting(UserError.Problem::key).containsExactly("calendar.error.duplicate");
    }

    @Test
    void anEmptyArrangementIsRefused() {
        assertThat(ArrangementRules.check(new Arrangement(2027, List.of(), List.of())))
                .extracting(UserError.Problem::key).containsExactly("calendar.error.noDays");
    }

    @Test
    void refusalsReadWellInChineseAndEnglish() {
        UserError error = new UserError(ArrangementRules.check(new Arrangement(2027, List.of(), List.of(
                new CalendarDay(LocalDate.of(2027, 2, 8), DayKind.MAKE_UP_WORKING_DAY, "春节")))));
        assertThat(Messages.describe(Messages.CHINESE, error))
                .isEqualTo("2027-02-08 不是周六或周日：调休上班日只能是周末（周一至周五本来就是工作日）。");
        assertThat(Messages.describe(Messages.ENGLISH, error)).startsWith("2027-02-08 is not a Saturday or Sunday");
        assertThat(Messages.get(Messages.ENGLISH, "calendar.error.date.outsideYear", "2028-01-01", "2027", "2026"))
                .isEqualTo("2028-01-01 does not belong to the arrangement for 2027: only dates in 2027, "
                        + "or in December 2026 for a New Year holiday across the year end.");
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(bundle("i18n/calendar_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("i18n/calendar.properties").stringPropertyNames());
    }

    private static Properties bundle(String path) {
        try (InputStream in = ArrangementRulesTest.class.getClassLoader().getResourceAsStream(path)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
