package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code approved-amount}: an award is the catalogue's amount, fixed (Lianyungang's 8,000 / 3,000 /
 * 2,000 yuan, seed 001); a project's is the office's decision, proposed as the request, above it only
 * with a reason; an award category without a catalogue amount is decided like a project.
 */
class ApprovedAmountTest {

    private static final String TABLE = "approved-amount";

    @ParameterizedTest(name = "{0}, catalogue {1}, requested {2} → {3}, fixed {4}, no reason up to {5}")
    @CsvSource(nullValues = "-", value = {
            // award with the catalogue's amount: that amount, whatever was requested, no bound
            "AWARD,   8000,     5000,     8000,     true,  -",
            "AWARD,   3000,     5000,     3000,     true,  -",
            "AWARD,   2000,     0,        2000,     true,  -",
            // award category without an amount in the catalogue: the office decides, as for a project
            "AWARD,   -,        5000,     5000,     false, 5000",
            // project: the request, above it only with a reason; the catalogue's amount does not decide
            "PROJECT, -,        50000.5,  50000.5,  false, 50000.5",
            "PROJECT, 50000,    30000,    30000,    false, 30000",
            "PROJECT, 50000,    80000,    80000,    false, 80000",
            // any other kind (a sixth city's) is decided like a project
            "WORK_RECORD, -,    1000,     1000,     false, 1000"
    })
    void proposesTheCataloguesAmountForAnAwardAndTheRequestOtherwise(String kind, Double catalogue, double requested,
            double proposed, boolean fixed, Double ceiling) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("programmeKind", kind);
        facts.put("catalogueAmount", catalogue);
        facts.put("requestedAmount", requested);

        DmnDecisionResult result = evaluate(TABLE, facts);

        assertThat(result).hasSize(1);
        DmnDecisionResultEntries answer = result.getSingleResult();
        assertThat(((Number) answer.getEntry("proposedAmount")).doubleValue()).isEqualTo(proposed);
        assertThat((Boolean) answer.getEntry("fixed")).isEqualTo(fixed);
        Object bound = answer.getEntry("ceilingWithoutReason");
        if (ceiling == null) {
            assertThat(bound).isNull();
        } else {
            assertThat(((Number) bound).doubleValue()).isEqualTo(ceiling);
        }
    }
}
