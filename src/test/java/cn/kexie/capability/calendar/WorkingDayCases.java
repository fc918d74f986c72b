package cn.kexie.capability.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The one table of working-day periods that the arithmetic, the {@code workingDays} bean and the
 * {@code /api/working-days} endpoint must all answer alike: "a period of {@code count} working days
 * starting on {@code from} ends on {@code lastDay}". Expected values checked by hand against the
 * State Council notices (and an independent script over the holiday-cn files).
 */
final class WorkingDayCases {

    record Case(String boundary, LocalDate from, int count, LocalDate lastDay) {
        @Override
        public String toString() {
            return boundary + ": " + from + " + " + count + " → " + lastDay;
        }
    }

    static final List<Case> ALL = List.of(
            c("the issue's example: publicity across National Day ends on a make-up Sunday", "2022-09-28", 5, "2022-10-09"),
            c("starts on an ordinary working day and lasts one day", "2022-09-28", 1, "2022-09-28"),
            c("starts on a holiday (National Day): begins on the make-up Saturday", "2022-10-03", 1, "2022-10-08"),
            c("starts on a holiday, five days", "2022-10-03", 5, "2022-10-12"),
            c("starts on an ordinary Saturday: begins on Monday", "2022-09-24", 1, "2022-09-26"),
            c("starts on an ordinary Saturday, three days", "2022-09-24", 3, "2022-09-28"),
            c("starts on a make-up Saturday, which counts", "2022-10-08", 1, "2022-10-08"),
            c("starts on a make-up Saturday, then the make-up Sunday", "2022-10-08", 2, "2022-10-09"),
            c("starts on a make-up Saturday, three days", "2022-10-08", 3, "2022-10-10"),
            c("spans Spring Festival 2024 (除夕 a working Friday)", "2024-02-07", 5, "2024-02-19"),
            c("spans Spring Festival 2024 onto the make-up Sunday", "2024-02-09", 2, "2024-02-18"),
            c("spans Spring Festival 2025 from an ordinary Saturday", "2025-01-25", 3, "2025-02-05"),
            c("spans Spring Festival 2026", "2026-02-13", 3, "2026-02-24"),
            c("spans National Day 2024 via the make-up Sunday before it", "2024-09-27", 3, "2024-09-30"),
            c("spans National Day 2024", "2024-09-27", 5, "2024-10-09"),
            c("spans National Day 2021", "2021-09-30", 2, "2021-10-08"),
            c("year end: 2018-12-29 is a make-up Saturday listed in the 2019 notice", "2018-12-27", 3, "2018-12-29"),
            c("year end: across New Year 2019 (2018-12-30..2019-01-01 off)", "2018-12-27", 4, "2019-01-02"),
            c("year end: starts on the make-up Saturday 2018-12-29", "2018-12-29", 1, "2018-12-29"),
            c("year end: starts on 2018-12-30, a holiday of the 2019 notice", "2018-12-30", 1, "2019-01-02"),
            c("year end: 2022-12-31 listed in the 2023 notice", "2022-12-31", 1, "2023-01-03"),
            c("year end: across New Year 2024", "2023-12-29", 2, "2024-01-02"),
            c("2020 extended Spring Festival (off until 2020-02-02)", "2020-01-23", 2, "2020-02-03"),
            c("2020 extended Spring Festival: 2020-02-01 was no longer a make-up day", "2020-02-01", 1, "2020-02-03"),
            c("2020 Spring Festival: the make-up Sunday 2020-01-19", "2020-01-18", 1, "2020-01-19"),
            c("2020 extended Spring Festival, three days", "2020-01-22", 3, "2020-02-03"),
            c("a year with no data (2028): New Year's Day on Saturday counts weekends only", "2028-01-01", 1, "2028-01-03"),
            c("a year with no data (2028): no National Day holiday", "2028-09-29", 3, "2028-10-03"),
            c("a year not yet published (2027): New Year's Day counts as a working Friday", "2026-12-31", 2, "2027-01-01"),
            c("a whole year: 2022 has 249 working days", "2022-01-01", 250, "2023-01-03"),
            c("the longest period the endpoint accepts", "2022-01-01", 366, "2023-06-21"));

    private WorkingDayCases() {
    }

    static Stream<Arguments> arguments() {
        return ALL.stream().map(Arguments::of);
    }

    private static Case c(String boundary, String from, int count, String lastDay) {
        return new Case(boundary, LocalDate.parse(from), count, LocalDate.parse(lastDay));
    }
}
