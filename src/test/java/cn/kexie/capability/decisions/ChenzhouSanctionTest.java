package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code chenzhou-sanction}: seed 002 section 七（二）. */
class ChenzhouSanctionTest {

    private static final String TABLE = "chenzhou-sanction";

    @ParameterizedTest(name = "{0} → recover funds {1}, banned for {2} years")
    @CsvSource({
            "FRAUD,             true, 3",
            "FAILED_ACCEPTANCE, true, 2"
    })
    void recoversFundsAndBansForTheSeedsYears(String finding, boolean recoverFunds, int banYears) {
        DmnDecisionResult result = evaluate(TABLE, Map.of("finding", finding));

        assertThat(result).hasSize(1);
        assertThat((Boolean) result.getSingleResult().getEntry("recoverFunds")).isEqualTo(recoverFunds);
        assertThat((Integer) result.getSingleResult().getEntry("banYears")).isEqualTo(banYears);
    }

    @ParameterizedTest(name = "finding {0} → no sanction")
    @ValueSource(strings = {"PASSED", "RECTIFY", "fraud", ""})
    @NullSource
    void otherFindingsHaveNoSanction(String finding) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("finding", finding);

        assertThat(evaluate(TABLE, facts)).isEmpty();
    }
}
