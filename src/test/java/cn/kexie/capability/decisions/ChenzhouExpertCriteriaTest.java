package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.scoredItems;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.decisions.DecisionTables.ScoredItem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code chenzhou-expert-criteria}: the five criteria of seed 002 五.2, the same for every category. */
class ChenzhouExpertCriteriaTest {

    private static final String TABLE = "chenzhou-expert-criteria";

    @ParameterizedTest(name = "{0}: the five criteria of the seed, 20 points each")
    @ValueSource(strings = {"COMPREHENSIVE_DEMO", "ACADEMIC_EXCHANGE", "SOCIAL_SERVICE", "DECISION_CONSULTING",
            "COUNTY_CAPACITY"})
    void everyCategoryIsScoredOnTheFiveCriteria(String category) {
        List<ScoredItem> items = scoredItems(TABLE, category);

        assertThat(items).containsExactly(
                new ScoredItem("BASIC_CONDITIONS", "基础条件", 20),
                new ScoredItem("SUSTAINABILITY", "持续发展能力", 20),
                new ScoredItem("SCIENTIFIC_SOUNDNESS", "科学性", 20),
                new ScoredItem("DEMONSTRATION", "示范性", 20),
                new ScoredItem("SPREAD", "辐射性", 20));
        assertThat(items.stream().mapToDouble(ScoredItem::maxPoints).sum()).isEqualTo(100.0);
        assertThat(items).extracting(ScoredItem::criterion).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z][A-Z_]*[A-Z]"), "stable upper-case codes");
    }
}
