package cn.kexie.capability.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The panel score under a programme's rules: the mean, without the highest and lowest from the rule's number of sheets on. */
class ReviewRulesScoreTest {

    @ParameterizedTest(name = "trim from {0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "5; 80 90 70 60; 75.00",
            "5; 80 90 70 60 100; 80.00",
            "5; 85; 85.00",
            "3; 60 80 90; 80.00",
            "3; 60 90; 75.00",
            "4; 60 80 90; 76.67",
    })
    void panelScore(int trimFrom, String totals, String expected) {
        ReviewRules rules = ReviewRules.of(Map.of("minPanel", 3, "maxPanel", 15, "trimFromSheets", trimFrom,
                "formalChecks", "conditions, form", "correctionDays", 5, "maxCorrectionDays", 30,
                "replaceOverdueDays", 2));
        List<BigDecimal> sheets = Arrays.stream(totals.split(" ")).map(BigDecimal::new).toList();

        assertThat(rules.panelScore(sheets)).isEqualByComparingTo(expected);
        assertThat(rules.formalChecks()).containsExactly("conditions", "form");
    }
}
