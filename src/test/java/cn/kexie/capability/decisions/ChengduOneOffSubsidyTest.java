package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code chengdu-one-off-subsidy}: seed 004 三2 "对新建服务站给予一次性补助" and 四3 "对新建联合体给予牵头（承办）学会
 * 一次性分类补助". The amounts are the table's marked defaults; that a station is paid once is the
 * evaluation's (see {@code ChengduEvaluationProcessTest}).
 */
class ChengduOneOffSubsidyTest {

    private static final String TABLE = "chengdu-one-off-subsidy";

    @ParameterizedTest(name = "{0}, new {1}, lead {2} → {3}")
    @CsvSource(nullValues = "null", textBlock = """
            STATION_NATIONAL,            true,  null,  20000
            STATION_OTHER,               true,  null,  10000
            STATION_NATIONAL,            false, null,  0
            STATION_OTHER,               null,  null,  0
            CONSORTIUM_LEADING_INDUSTRY, true,  true,  20000
            CONSORTIUM_OTHER,            true,  true,  10000
            CONSORTIUM_LEADING_INDUSTRY, true,  false, 0
            CONSORTIUM_OTHER,            true,  null,  0
            CONSORTIUM_OTHER,            false, true,  0
            INNOVATION_MET,              true,  true,  0
            NATIONAL,                    true,  true,  0
            null,                        true,  true,  0
            """)
    void newStationsAndTheLeadSocietyOfNewConsortiaReceiveTheOneOffSubsidy(String workClass, Boolean newlyBuilt,
            Boolean leadSociety, double yuan) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("workClass", workClass);
        facts.put("newlyBuilt", newlyBuilt);
        facts.put("leadSociety", leadSociety);

        DmnDecisionResult result = evaluate(TABLE, facts);

        assertThat(result).hasSizeLessThanOrEqualTo(1);
        double amount = result.isEmpty() ? 0 : ((Number) result.getSingleResult().getEntry("oneOffYuan")).doubleValue();
        assertThat(amount).isEqualTo(yuan);
    }
}
