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
}
