package cn.kexie.capability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code decisions/review-rules.dmn}: every programme of the catalogue, a programme added later and
 * none at all get exactly one row, today's review rules (the seed's five formal checks, the defaults
 * where the seeds are silent).
 */
class ReviewRulesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CHENZHOU", "XUZHOU", "LIANYUNGANG", "XIANGYANG", "CHENGDU", "A_PROGRAMME_ADDED_LATER"})
    @NullSource
    void everyProgrammeGetsTodaysRules(String programme) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("programme", programme);
        DmnDecisionResult result = DecisionTables.evaluate("review-rules", facts);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "minPanel", 3, "maxPanel", 15, "trimFromSheets", 5,
                "formalChecks", "conditions,form,truthful,materials,budget",
                "correctionDays", 5, "maxCorrectionDays", 30,
                // issue 11: working days past a scoring sheet's due date before the office may replace the expert (a default)
                "replaceOverdueDays", 2));
    }
}
