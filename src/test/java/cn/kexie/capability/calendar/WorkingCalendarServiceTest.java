package cn.kexie.capability.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.HomeNotice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What the administrator's view does, through its service: imports that take effect at once (on
 * this node and on another one), refusals that save nothing, and the home-view warning. Each test
 * uses a year of its own (2031, 2032, 2035), made up for the test.
 */
@PlatformTest
@WithMockUser(username = "admin", roles = Roles.ADMIN)
class WorkingCalendarServiceTest {

    @Autowired
    WorkingCalendarService service;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    WorkingCalendarRepository repository;
    @Autowired
    MissingArrangementNotice notice;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetMadeUpYears() {
        TestYears.forget(jdbc, repository, 2031, 2032, 2035);
    }

    /** 2031-01-01 is a Wednesday: New Year's Day off until Friday, Saturday 2031-01-04 worked instead. */
    static final String NEW_YEAR_2031 = """
            {"year": 2031, "papers": ["https://www.gov.cn/example-2031.htm"], "days": [
              {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
              {"name": "元旦", "date": "2031-01-02", "isOffDay": true},
              {"name": "元旦", "date": "2031-01-03", "isOffDay": true},
              {"name": "元旦", "date": "2031-01-04", "isOffDay": false}]}""";

    @Test
    void anImportedYearChangesTheNextCalculationAtOnceOnEveryNode() {
        LocalDate newYear = LocalDate.of(2031, 1, 1);
        // another node of the cluster: its own bean, its own cache, the same database
        WorkingDays otherNode = new WorkingDays(repository);
        assertThat(workingDays.lastDay(newYear, 3)).isEqualTo(LocalDate.of(2031, 1, 3));
        assertThat(otherNode.lastDay(newYear, 3)).isEqualTo(LocalDate.of(2031, 1, 3));
        assertThat(workingDays.isArranged(2031)).isFalse();

        service.importJson(2031, NEW_YEAR_2031, false);

        assertThat(workingDays.isArranged(2031)).isTrue();
        assertThat(workingDays.lastDay(newYear, 3)).isEqualTo(LocalDate.of(2031, 1, 7));
        assertThat(otherNode.lastDay(newYear, 3)).isEqualTo(LocalDate.of(2031, 1, 7));
        assertThat(rest.getForObject("/api/working-days?from=2031-01-01&count=3", String.class))
                .contains("\"lastDay\":\"2031-01-07\"");
        assertThat(service.arrangement(2031).days()).hasSize(4);
        assertThat(repository.year(2031)).get().satisfies(year -> {
            assertThat(year.origin()).isEqualTo(ArrangedYear.Origin.ADMIN);
            assertThat(year.loadedBy()).isEqualTo("admin");
            assertThat(year.papers()).containsExactly("https://www.gov.cn/example-2031.htm");
        });
    }

    @Test
    void aRefusedImportSavesNothingAndSaysEverythingThatIsWrong() {
        String oneGoodOneBad = """
                {"year": 2032, "papers": [], "days": [
                  {"name": "元旦", "date": "2032-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2032-02-09", "isOffDay": false},
                  {"name": "春节", "date": "2032-02-14", "isOffDay": true},
                  {"name": "春节", "date": "2032-02-14", "isOffDay": false},
                  {"name": "国庆节", "date": "2033-10-01", "isOffDay": true}]}""";
        UserError refused = catchThrowableOfType(UserError.class, () -> service.importJson(2032, oneGoodOneBad, false));

        assertThat(refused.problems()).extracting(UserError.Problem::key).containsExactly(
                "calendar.error.makeUpOnWeekday", "calendar.error.bothKinds", "calendar.error.date.outsideYear");
        assertThat(Messages.describe(Messages.CHINESE, refused).split("\n")).containsExactly(
                "2032-02-09 不是周六或周日：调休上班日只能是周末（周一至周五本来就是工作日）。",
                "2032-02-14 同时被列为放假和调休上班，只能是其中之一。",
                "2033-10-01 不属于 2032 年的安排：只能是 2032 年的日期，或跨年元旦假期中 2031 年 12 月的日期。");
        assertThat(workingDays.isArranged(2032)).isFalse();
        assertThat(jdbc.sql("select count(*) from working_calendar_day where notice_year = 2032")
                .query(Integer.class).single()).isZero();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 1, 1))).isTrue();
    }

    @Test
    void theFileMustBeForTheChosenYear() {
        UserError refused = catchThrowableOfType(UserError.class,
                () -> service.importJson(2032, NEW_YEAR_2031, false));
        assertThat(Messages.describe(Messages.CHINESE, refused)).isEqualTo("文件中的年份是 2031，与所选年份 2032 不一致。");
        assertThat(workingDays.isArranged(2032)).isFalse();
    }

    @Test
    void replacingAYearNeedsConsentAndThenReplacesAllItsDays() {
        Arrangement first = new Arrangement(2035, List.of(), List.of(
                new CalendarDay(LocalDate.of(2035, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2035, 1, 2), DayKind.HOLIDAY, "元旦")));
        Arrangement corrected = new Arrangement(2035, List.of("https://www.gov.cn/corrected.htm"), List.of(
                new CalendarDay(LocalDate.of(2035, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2035, 1, 6), DayKind.MAKE_UP_WORKING_DAY, "元旦")));
        service.save(first, false);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2035, 1, 2))).isFalse();

        UserError refused = catchThrowableOfType(UserError.class, () -> service.save(corrected, false));
        assertThat(refused.problems()).extracting(UserError.Problem::key).containsExactly("calendar.error.alreadyArranged");
        assertThat(service.arrangement(2035).days()).isEqualTo(first.days());

        service.save(corrected, true);
        assertThat(service.arrangement(2035)).isEqualTo(corrected);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2035, 1, 2))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2035, 1, 6))).isTrue();
    }

    @Test
    void aDateOfAnotherYearsNoticeCannotBeListedAgain() {
        // 2018-12-30 belongs to the notice for 2019
        Arrangement clash = new Arrangement(2018, List.of(), List.of(
                new CalendarDay(LocalDate.of(2018, 12, 30), DayKind.HOLIDAY, "元旦")));
        UserError refused = catchThrowableOfType(UserError.class, () -> service.save(clash, true));
        assertThat(Messages.describe(Messages.CHINESE, refused)).isEqualTo("2018-12-30 已由 2019 年的通知列出，不能再列入本年。");
        assertThat(repository.year(2018)).get().extracting(ArrangedYear::dayCount).isEqualTo(29);
    }

    @Test
    @WithMockUser(username = "office", roles = Roles.PROGRAMME_OFFICE)
    void onlyAdministratorsChangeTheCalendar() {
        assertThatThrownBy(() -> service.importJson(2031, NEW_YEAR_2031, true))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(notice.notices(Messages.CHINESE)).isEmpty();
    }

    @Test
    void administratorsAreWarnedWhenThisOrNextYearHasNoArrangement() {
        assertThat(notice.missingYears(LocalDate.of(2026, 11, 24))).containsExactly(2027);
        assertThat(notice.missingYears(LocalDate.of(2025, 3, 1))).isEmpty();
        assertThat(notice.missingYears(LocalDate.of(2027, 1, 4))).containsExactly(2027, 2028);

        List<HomeNotice.Notice> today = notice.notices(Messages.CHINESE);
        int year = workingDays.today().getYear();
        assertThat(today).extracting(HomeNotice.Notice::warning).containsOnly(true);
        assertThat(today).extracting(HomeNotice.Notice::text).allMatch(text -> text.contains("节假日安排尚未载入"));
        if (!workingDays.isArranged(year + 1)) {
            assertThat(today).extracting(HomeNotice.Notice::text).contains(
                    Messages.get(Messages.CHINESE, "calendar.notice.missing", String.valueOf(year + 1)));
        }
    }
}
