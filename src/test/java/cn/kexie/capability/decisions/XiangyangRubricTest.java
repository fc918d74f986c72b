package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.assertScoredOutOf100;
import static cn.kexie.capability.decisions.DecisionTables.scoredItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.kexie.capability.decisions.DecisionTables.ScoredItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code xiangyang-rubric}: one row per smallest item that carries its own points in seed 000. */
class XiangyangRubricTest {

    private static final String TABLE = "xiangyang-rubric";

    /** The seed lists the new station's activities before its benefits, the excellent station's after. */
    private static final List<String> HAIZHI_NEW_REST = List.of("OVERSEAS_TALENT", "OVERSEAS_COOPERATION",
            "COOPERATION_AGREEMENTS", "ACADEMIC_EXCHANGE", "TALENT_TRAINING", "ECONOMIC_BENEFIT", "SOCIAL_BENEFIT",
            "ASSIGNED_TASKS");
    private static final List<String> HAIZHI_EXCELLENT_REST = List.of("OVERSEAS_TALENT", "OVERSEAS_COOPERATION",
            "COOPERATION_AGREEMENTS", "ECONOMIC_BENEFIT", "SOCIAL_BENEFIT", "ACADEMIC_EXCHANGE", "TALENT_TRAINING",
            "ASSIGNED_TASKS");

    static Stream<Arguments> categories() {
        return Stream.of(
                arguments("ACTIVITY", List.of("ACADEMIC_TOPIC", "ACADEMIC_INTERDISCIPLINARY",
                        "ACADEMIC_COMPREHENSIVE_FORMAT", "ACADEMIC_SCALE", "INNOVATION_COOPERATION",
                        "INNOVATION_SERVICES", "INNOVATION_EXPERT_SUPPORT", "INNOVATION_RESULTS")),
                arguments("HAIZHI_NEW", concat(List.of("STAFF", "OFFICE", "WORK_RULES"), HAIZHI_NEW_REST)),
                arguments("HAIZHI_EXCELLENT", concat(List.of("IN_WORK_PLAN", "STAFF", "OFFICE", "FUNDING",
                        "STATION_PLAQUE"), HAIZHI_EXCELLENT_REST)),
                arguments("FUNCTION_UNDERTAKING", List.of("SPECIFIC_PROJECT", "RESPONSIBILITY_SYSTEM",
                        "PROJECT_LEADER_SYSTEM", "MEETING_SYSTEM", "INFORMATION_SYSTEM", "WORK_NORMS",
                        "RESULTS_EVALUATION")),
                arguments("EXCELLENT_SOCIETY", List.of("REGULARITY", "ACADEMIC_ACTIVITIES", "INNOVATION_RESULTS",
                        "SOCIAL_SERVICE_WORK", "THINK_TANK_ADVICE", "FUNCTION_UNDERTAKING", "POPULAR_SCIENCE",
                        "MEMBER_SERVICE", "MEMBER_INSTITUTIONS", "PAPER_AWARD", "ACADEMIC_INTEGRITY", "PARTY_BUILDING",
                        "GOVERNANCE", "MEMBERSHIP_GROWTH", "KEY_PROJECTS", "ASSIGNED_ACTIVITIES")));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    @ParameterizedTest(name = "{0}: {1}, out of 100")
    @MethodSource("categories")
    void everyCategoryHasItsItemsOutOf100(String category, List<String> criteria) {
        List<ScoredItem> items = scoredItems(TABLE, category);

        assertThat(items).extracting(ScoredItem::criterion).containsExactlyElementsOf(criteria);
        assertScoredOutOf100(items);
    }

    @ParameterizedTest(name = "{0} {1} = {2} points")
    @CsvSource({
            "HAIZHI_NEW,           STAFF,                 3",
            "HAIZHI_NEW,           OFFICE,                3",
            "HAIZHI_NEW,           WORK_RULES,            4",
            "HAIZHI_NEW,           OVERSEAS_TALENT,       15",
            "HAIZHI_NEW,           ECONOMIC_BENEFIT,      12.5",
            "HAIZHI_NEW,           SOCIAL_BENEFIT,        12.5",
            "HAIZHI_NEW,           ASSIGNED_TASKS,        10",
            "HAIZHI_EXCELLENT,     STAFF,                 2",
            "HAIZHI_EXCELLENT,     STATION_PLAQUE,        2",
            "HAIZHI_EXCELLENT,     ACADEMIC_EXCHANGE,     5",
            "FUNCTION_UNDERTAKING, SPECIFIC_PROJECT,      10",
            "FUNCTION_UNDERTAKING, WORK_NORMS,            40",
            "FUNCTION_UNDERTAKING, MEETING_SYSTEM,        10",
            "EXCELLENT_SOCIETY,    REGULARITY,            20",
            "EXCELLENT_SOCIETY,    THINK_TANK_ADVICE,     2",
            "EXCELLENT_SOCIETY,    FUNCTION_UNDERTAKING,  10",
            "EXCELLENT_SOCIETY,    PAPER_AWARD,           10",
            "EXCELLENT_SOCIETY,    PARTY_BUILDING,        6",
            "EXCELLENT_SOCIETY,    ASSIGNED_ACTIVITIES,   8"
    })
    void itemsCarryTheSeedsPoints(String category, String criterion, double maxPoints) {
        assertThat(scoredItems(TABLE, category))
                .filteredOn(item -> item.criterion().equals(criterion))
                .extracting(ScoredItem::maxPoints).containsExactly(maxPoints);
    }

    /** The seed's headings (总计 / 括号里的分值) are the sums of their items. */
    @ParameterizedTest(name = "{0} items starting {1} add up to the heading's {2} points")
    @CsvSource({
            "HAIZHI_NEW,        'STAFF,OFFICE,WORK_RULES',                                     10",
            "HAIZHI_NEW,        'OVERSEAS_TALENT,OVERSEAS_COOPERATION,COOPERATION_AGREEMENTS', 45",
            "HAIZHI_NEW,        'ECONOMIC_BENEFIT,SOCIAL_BENEFIT',                            25",
            "HAIZHI_EXCELLENT,  'IN_WORK_PLAN,STAFF,OFFICE,FUNDING,STATION_PLAQUE',           10",
            "FUNCTION_UNDERTAKING, 'RESPONSIBILITY_SYSTEM,PROJECT_LEADER_SYSTEM,MEETING_SYSTEM,INFORMATION_SYSTEM', 40",
            "EXCELLENT_SOCIETY, 'ACADEMIC_ACTIVITIES,INNOVATION_RESULTS',                     10",
            "EXCELLENT_SOCIETY, 'SOCIAL_SERVICE_WORK,THINK_TANK_ADVICE,FUNCTION_UNDERTAKING,POPULAR_SCIENCE', 20",
            "EXCELLENT_SOCIETY, 'MEMBER_SERVICE,MEMBER_INSTITUTIONS,PAPER_AWARD,ACADEMIC_INTEGRITY', 20",
            "EXCELLENT_SOCIETY, 'PARTY_BUILDING,GOVERNANCE,MEMBERSHIP_GROWTH',                15",
            "EXCELLENT_SOCIETY, 'KEY_PROJECTS,ASSIGNED_ACTIVITIES',                           15",
            "ACTIVITY,          'ACADEMIC_TOPIC,ACADEMIC_INTERDISCIPLINARY,ACADEMIC_COMPREHENSIVE_FORMAT,ACADEMIC_SCALE', 50",
            "ACTIVITY,          'INNOVATION_COOPERATION,INNOVATION_SERVICES,INNOVATION_EXPERT_SUPPORT,INNOVATION_RESULTS', 50"
    })
    void headingsAreTheSumOfTheirItems(String category, String criteria, double heading) {
        List<String> codes = List.of(criteria.split(","));
        Map<String, Double> points = scoredItems(TABLE, category).stream()
                .collect(java.util.stream.Collectors.toMap(ScoredItem::criterion, ScoredItem::maxPoints));

        assertThat(points).containsKeys(codes.toArray(String[]::new));
        assertThat(codes.stream().mapToDouble(points::get).sum()).isEqualTo(heading);
    }

    @Test
    void unknownCategoryHasNoItems() {
        assertThat(scoredItems(TABLE, "DEMO_SOCIETY_AWARD")).isEmpty();
    }
}
