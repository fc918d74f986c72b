package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.assertScoredOutOf100;
import static cn.kexie.capability.decisions.DecisionTables.scoredItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.kexie.capability.decisions.DecisionTables.ScoredItem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lianyungang-rubric}: seed 001 gives no scoring, so the rubric is derived from each award's
 * 申报条件; what must hold is the shape: every category out of exactly 100.
 */
class LianyungangRubricTest {

    private static final String TABLE = "lianyungang-rubric";

    static Stream<Arguments> categories() {
        return Stream.of(
                arguments("DEMO_SOCIETY_AWARD", List.of("INNOVATION_SERVICE", "SOCIETY_GOVERNMENT_SERVICE",
                        "SCIENTIST_SERVICE", "SELF_DEVELOPMENT", "ANNUAL_RECORD")),
                arguments("SERVICE_STATION", List.of("GOAL_AND_PROBLEMS", "SERVICE_AGREEMENT", "SERVICE_CAPABILITY",
                        "DEMONSTRATION")),
                arguments("CHIEF_EXPERT", List.of("DEMAND_AND_BASIS", "EXPERT_COMMITMENT", "SERVICE_EFFECT",
                        "COOPERATION_AGREEMENT")),
                arguments("FUNCTION_DEMO", List.of("DISCIPLINE_ADVANTAGE", "MANDATE_EVIDENCE", "FUNCTION_SIGNIFICANCE",
                        "PROGRESS_AND_RESULTS")));
    }

    @ParameterizedTest(name = "{0}: {1}, out of 100")
    @MethodSource("categories")
    void everyCategoryHasItsItemsOutOf100(String category, List<String> criteria) {
        List<ScoredItem> items = scoredItems(TABLE, category);

        assertThat(items).extracting(ScoredItem::criterion).containsExactlyElementsOf(criteria);
        assertScoredOutOf100(items);
    }

    @Test
    void chiefExpertWeighsTheEffectOfTheServiceHighest() {
        assertThat(scoredItems(TABLE, "CHIEF_EXPERT")).contains(
                new ScoredItem("SERVICE_EFFECT", "提供的技术和服务作用（解决技术和管理难题）", 40));
    }

    @Test
    void unknownCategoryHasNoItems() {
        assertThat(scoredItems(TABLE, "HAIZHI_NEW")).isEmpty();
    }
}
