package cn.kexie.capability.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The register's facts the tables read, at the edges of their windows. Chenzhou seed 002, 六（一）4:
 * "近五年获得过市级学会工作先进表彰" counts five whole years back from the year of application, as
 * "申报前连续两年" counts the two years before it: applying in 2026, 2021..2025 count; 2020 (six years
 * back) and 2026 itself do not.
 */
class OrganisationFactsTest {

    static final int APPLICATION_YEAR = 2026;

    static Stream<Arguments> commendations() {
        return Stream.of(
                arguments(2025, "MUNICIPAL", true, "the year before applying"),
                arguments(2021, "MUNICIPAL", true, "five years back, the last of 近五年"),
                arguments(2020, "MUNICIPAL", false, "six years back is not within 近五年"),
                arguments(2026, "MUNICIPAL", false, "the application year is not a whole year back"),
                arguments(2023, "PROVINCIAL", false, "the seed asks for a municipal commendation (市级)"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("commendations")
    void commendedWithinFiveYearsCountsFiveWholeYearsBack(int year, String level, boolean counts, String why) {
        Organisation org = new Organisation();
        org.setCommendations(List.of(new Organisation.Commendation(year, level, "市级学会工作先进集体")));

        assertThat(OrganisationFacts.of(org, APPLICATION_YEAR, "CHENZHOU").get("commendedWithinFiveYears"))
                .as(why).isEqualTo(counts);
    }

    static Stream<Arguments> records() {
        return Stream.of(
                arguments(List.of(), null, "nothing recorded: no value, the table's window matches nothing"),
                arguments(List.of(2026), 0, "a record of the application year itself"),
                arguments(List.of(2019, 2024), 2, "the latest record counts: 2024 is two years back"),
                arguments(List.of(2027), null, "a record dated after the application year is not yet history"));
    }

    /**
     * Violations, penalties and failed entrusted work reach the tables as how many years back the latest
     * record is; how far back still rules an application out is the table's (default) window, not Java's.
     */
    @ParameterizedTest(name = "{2}")
    @MethodSource("records")
    void recordsReachTheTablesAsYearsAgo(List<Integer> years, Integer expected, String why) {
        for (String kind : List.of("VIOLATION", "PENALTY", "ENTRUSTED_WORK_FAILURE")) {
            Organisation org = new Organisation();
            org.setViolations(years.stream().map(y -> new Organisation.Violation(y, kind, "记录")).toList());
            String fact = switch (kind) {
                case "VIOLATION" -> "violationYearsAgo";
                case "PENALTY" -> "penaltyYearsAgo";
                default -> "entrustedWorkFailureYearsAgo";
            };

            assertThat(OrganisationFacts.of(org, APPLICATION_YEAR, "CHENZHOU")).as(kind + ": " + why)
                    .containsEntry(fact, expected);
        }
    }
}
