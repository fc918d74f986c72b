package cn.kexie.capability.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test support: removes the made-up years a test added, so tests do not depend on each other's order. */
final class TestYears {

    private TestYears() {
    }

    static void forget(JdbcClient jdbc, WorkingCalendarRepository repository, int... years) {
        for (int year : years) {
            jdbc.sql("delete from working_calendar_year where calendar_year = ?").param(year).update();
        }
        repository.changeVersion();
    }
}
