package cn.kexie.capability.calendar;

import cn.kexie.capability.common.CleanText;
import cn.kexie.capability.common.UserError.Problem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a year's arrangement must satisfy before it is saved, checked without the database. */
final class ArrangementRules {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final int MAX_NAME_LENGTH = 100;
    /** The papers are stored one per line in a column of this size. */
    static final int MAX_PAPERS_LENGTH = 2000;

    private ArrangementRules() {
    }

    /** Every problem found, in the order of the days; empty if the arrangement can be saved. */
    static List<Problem> check(Arrangement arrangement) {
        List<Problem> problems = new ArrayList<>();
        int year = arrangement.year();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(new Problem("calendar.error.year", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)));
            return problems;
        }
        if (String.join("\n", arrangement.papers()).length() > MAX_PAPERS_LENGTH) {
            problems.add(new Problem("calendar.error.papers", String.valueOf(MAX_PAPERS_LENGTH)));
        }
        // imported JSON reaches here without passing the services' check of every argument: the same rule
        if (arrangement.papers().stream().anyMatch(paper -> !CleanText.isClean(paper, true))) {
            problems.add(new Problem("calendar.error.papers.characters"));
        }
        if (arrangement.days().isEmpty()) {
            problems.add(new Problem("calendar.error.noDays", String.valueOf(year)));
            return problems;
        }
        LocalDate first = LocalDate.of(year - 1, 12, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<LocalDate, DayKind> seen = new HashMap<>();
        for (CalendarDay day : arrangement.days()) {
            if (day.date() == null) {
                problems.add(new Problem("calendar.error.date.missing"));
                continue;
            }
            String date = day.date().toString();
            if (day.date().isBefore(first) || day.date().isAfter(last)) {
                problems.add(new Problem("calendar.error.date.outsideYear", date, String.valueOf(year),
                        String.valueOf(year - 1)));
            }
            if (day.kind() == null) {
                problems.add(new Problem("calendar.error.kind", date));
            } else if (day.kind() == DayKind.MAKE_UP_WORKING_DAY && !isWeekend(day.date())) {
                problems.add(new Problem("calendar.error.makeUpOnWeekday", date));
            }
            if (day.name() != null && !CleanText.isClean(day.name(), true)) {
                problems.add(new Problem("calendar.error.name.characters", date));
            } else if (day.name() == null || day.name().isBlank()) {
                problems.add(new Problem("calendar.error.name.blank", date));
            } else if (day.name().length() > MAX_NAME_LENGTH) {
                problems.add(new Problem("calendar.error.name.long", date, String.valueOf(MAX_NAME_LENGTH)));
            }
            if (seen.containsKey(day.date())) {
                DayKind before = seen.get(day.date());
                problems.add(before != null && day.kind() != null && before != day.kind()
                        ? new Problem("calendar.error.bothKinds", date)
                        : new Problem("calendar.error.duplicate", date));
            } else {
                seen.put(day.date(), day.kind());
            }
        }
        return problems;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }
}
