package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code chengdu-outcome-year}: seed 004, 调查研究与建言献策 — "成果形成日期以当年评估截止日期为准". An outcome
 * formed after the year's cut-off date (which the office sets; it is not 31 December) counts next
 * year; on or before it, this year; without a cut-off, its own year.
 */
class ChengduOutcomeYearTest {

    private static final String TABLE = "chengdu-outcome-year";

    @ParameterizedTest(name = "{0} formed {1}, cut-off {2} → next year {3}")
    @CsvSource({
            "RESEARCH_ADVICE,    2026-11-30, 2026-11-30, false",
            "RESEARCH_ADVICE,    2026-12-01, 2026-11-30, true",
            "RESEARCH_ADVICE,    2026-12-31, 2026-11-30, true",
            "RESEARCH_ADVICE,    2026-03-15, 2026-11-30, false",
            "RESEARCH_ADVICE,    2026-10-21, 2026-10-20, true",
            "RESEARCH_ADVICE,    2026-12-20,           , false",
            "ACADEMIC_EXCHANGE,  2026-12-20, 2026-11-30, false",
            "MAJOR_WORK,         2026-12-20, 2026-11-30, false",
    })
    void anOutcomeAfterTheCutoffCountsNextYear(String workType, String formedOn, String cutoffOn, boolean nextYear) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("workType", workType);
        facts.put("formedOn", LocalDate.parse(formedOn));
        facts.put("cutoffOn", cutoffOn == null ? null : LocalDate.parse(cutoffOn));

        DmnDecisionResult result = evaluate(TABLE, facts);

        assertThat(result).hasSize(1);
        assertThat((Boolean) result.getSingleResult().getEntry("countsNextYear")).isEqualTo(nextYear);
    }
}
