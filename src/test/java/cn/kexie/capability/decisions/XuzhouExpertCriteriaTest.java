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

/** {@code xuzhou-expert-criteria}: criteria derived from each category's content in seed 003. */
class XuzhouExpertCriteriaTest {

    private static final String TABLE = "xuzhou-expert-criteria";

    static Stream<Arguments> categories() {
        return Stream.of(
                arguments("FIRST_CLASS", List.of("ORGANISATIONAL_COHESION", "PLATFORM_LEADERSHIP", "PUBLIC_CREDIBILITY",
                        "SELF_DEVELOPMENT", "IMPLEMENTATION_MECHANISM", "HIGH_LEVEL_COOPERATION")),
                arguments("INNOVATION_THINK_TANK", List.of("CONSULTING_FOUNDATION", "CONSULTING_RESULTS",
                        "THINK_TANK_PARTICIPATION", "OUTCOME_TRANSFER", "HIGH_LEVEL_COOPERATION")),
                arguments("INNOVATION_ACADEMIC", List.of("EXPERT_TEAM", "ACADEMIC_STANDING", "ACADEMIC_EVENTS",
                        "TALENT_AND_AWARDS", "SERVICE_PLATFORM", "SERVICE_BENEFITS", "HIGH_LEVEL_COOPERATION")),
                arguments("INNOVATION_POPULAR_SCIENCE", List.of("POPULAR_SCIENCE_PLAN", "POPULAR_SCIENCE_BUDGET",
                        "POPULAR_SCIENCE_EVENTS", "POPULAR_SCIENCE_IMPACT", "TEAM_AND_BASE", "EPIDEMIC_VOLUNTEERING",
                        "HIGH_LEVEL_COOPERATION")),
                arguments("SERVICE_TECH", List.of("KEY_DEMAND", "SERVICE_AGREEMENT", "EXPERT_RELIANCE",
                        "PLATFORM_DEMONSTRATION", "HIGH_LEVEL_COOPERATION")),
                arguments("SERVICE_THINK_TANK", List.of("CONSULTING_FOUNDATION", "CONSULTING_RESULTS",
                        "THINK_TANK_PARTICIPATION", "FORWARD_LOOKING_ADVICE", "HIGH_LEVEL_COOPERATION")));
    }

    @ParameterizedTest(name = "{0}: {1}, out of 100")
    @MethodSource("categories")
    void everyCategoryHasItsCriteriaOutOf100(String category, List<String> criteria) {
        List<ScoredItem> items = scoredItems(TABLE, category);

        assertThat(items).extracting(ScoredItem::criterion).containsExactlyElementsOf(criteria);
        assertScoredOutOf100(items);
    }

    @ParameterizedTest(name = "{0}: cooperation with national or provincial bodies weighs 10 points")
    @MethodSource("categories")
    void highLevelCooperationWeighsTenEverywhere(String category, List<String> criteria) {
        assertThat(scoredItems(TABLE, category))
                .filteredOn(item -> item.criterion().equals("HIGH_LEVEL_COOPERATION"))
                .extracting(ScoredItem::maxPoints).containsExactly(10.0);
    }

    @Test
    void firstClassWeighsThePlatformPillarHighest() {
        assertThat(scoredItems(TABLE, "FIRST_CLASS")).contains(
                new ScoredItem("PLATFORM_LEADERSHIP", "平台引领力（学术活动、决策咨询、产学研融合）", 25));
    }

    @Test
    void unknownCategoryHasNoCriteria() {
        assertThat(scoredItems(TABLE, "COMPREHENSIVE_DEMO")).isEmpty();
    }
}
