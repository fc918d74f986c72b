package cn.kexie.capability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * Loads the decision tables from the project's {@code decisions/} folder (the files an
 * administrator edits in Camunda Modeler) and evaluates them on a plain DMN engine, no Spring.
 */
final class DecisionTables {

    static final Path FOLDER = Path.of("decisions");

    private static final DmnEngine ENGINE =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final Map<String, DmnDecision> PARSED = new ConcurrentHashMap<>();

    private DecisionTables() {
    }

    static DmnDecision decision(String decisionId) {
        return PARSED.computeIfAbsent(decisionId, id -> {
            try (InputStream in = Files.newInputStream(FOLDER.resolve(id + ".dmn"))) {
                return ENGINE.parseDecision(id, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Evaluates with the given facts; {@code null} values are passed as null variables. */
    static DmnDecisionResult evaluate(String decisionId, Map<String, ?> facts) {
        return ENGINE.evaluateDecision(decision(decisionId), new HashMap<>(facts));
    }

    /** A copy of {@code base} with the given name/value pairs changed (values may be null). */
    static Map<String, Object> with(Map<String, Object> base, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> facts = new HashMap<>(base);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return facts;
    }

    /** The {@code reason} outputs of an eligibility table, in rule order; empty means eligible. */
    static List<String> reasons(String decisionId, Map<String, ?> facts) {
        return evaluate(decisionId, facts).collectEntries("reason");
    }

    /** One scored item of a rubric or criteria table. */
    record ScoredItem(String criterion, String label, double maxPoints) {
    }

    /**
     * What every category of a rubric or criteria table must satisfy: at least one item, maxima
     * adding up to exactly 100, stable upper-case criterion codes without duplicates, a Chinese label
     * and a positive maximum on every item.
     */
    static void assertScoredOutOf100(List<ScoredItem> items) {
        assertThat(items).as("scored items").isNotEmpty();
        assertThat(items.stream().mapToDouble(ScoredItem::maxPoints).sum()).as("sum of maxima").isEqualTo(100.0);
        assertThat(items).extracting(ScoredItem::criterion).as("criterion codes")
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z][A-Z0-9_]*[A-Z0-9]"), "upper-case code");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.label()).as(item.criterion() + " label").containsPattern("\\p{IsHan}");
            assertThat(item.maxPoints()).as(item.criterion() + " maximum").isPositive();
        });
    }

    /** The scored items a rubric or criteria table gives for a category, in rule order. */
    static List<ScoredItem> scoredItems(String decisionId, String category) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("category", category);
        return evaluate(decisionId, facts).getResultList().stream()
                .map(row -> new ScoredItem((String) row.get("criterion"), (String) row.get("label"),
                        ((Number) row.get("maxPoints")).doubleValue()))
                .toList();
    }
}
