package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code chengdu-research-outcome}: seed 004 section 六 成果化 — any one of six criteria counts. */
class ChengduResearchOutcomeTest {

    private static final String TABLE = "chengdu-research-outcome";
    private static final List<String> CRITERIA = List.of("publishedInJournal", "leaderSignedOff", "adoptedAsPolicy",
            "problemSolved", "specialReport", "motionOrProposal");

    @ParameterizedTest(name = "{0} → counts {2}")
    @MethodSource("cases")
    void countsWhenAnyCriterionHolds(String name, Map<String, Object> facts, boolean counts) {
        DmnDecisionResult result = evaluate(TABLE, facts);

        assertThat(result).hasSize(1);
        assertThat((Boolean) result.getSingleResult().getEntry("counts")).isEqualTo(counts);
    }

    /** All 64 combinations of the six criteria, then missing values. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int mask = 0; mask < 1 << CRITERIA.size(); mask++) {
            Map<String, Object> facts = new HashMap<>();
            List<String> holding = new ArrayList<>();
            for (int i = 0; i < CRITERIA.size(); i++) {
                boolean holds = (mask & 1 << i) != 0;
                facts.put(CRITERIA.get(i), holds);
                if (holds) {
                    holding.add(CRITERIA.get(i));
                }
            }
            cases.add(arguments(holding.isEmpty() ? "none of the six" : String.join(" + ", holding), facts, mask != 0));
        }
        Map<String, Object> unknown = new HashMap<>();
        CRITERIA.forEach(criterion -> unknown.put(criterion, null));
        cases.add(arguments("all six unknown (null)", unknown, false));
        for (String criterion : CRITERIA) {
            Map<String, Object> onlyOneKnown = new HashMap<>(unknown);
            onlyOneKnown.put(criterion, true);
            cases.add(arguments("only " + criterion + " known, and true", onlyOneKnown, true));
        }
        return cases.stream();
    }
}
