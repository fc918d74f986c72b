package cn.kexie.capability.decisions;

import static cn.kexie.capability.decisions.DecisionTables.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code chengdu-key-work}: seed 004 sections 一 to 四 — the innovation drive's five requirements, the
 * three supports of 承能, national service stations first, consortia for the leading industries first.
 */
class ChengduKeyWorkTest {

    private static final String TABLE = "chengdu-key-work";

    @ParameterizedTest(name = "{0} → {6}")
    @CsvSource(nullValues = "null", textBlock = """
            # case,                                          platform, percent, pidu,  consulting, talent, class
            all five requirements,                               true,      50,  true,       true,   true, INNOVATION_MET
            80% registered,                                      true,      80,  true,       true,   true, INNOVATION_MET
            49% registered is below 50%,                         true,      49,  true,       true,   true, INNOVATION_UNMET
            not on the enterprise platform,                     false,     100,  true,       true,   true, INNOVATION_UNMET
            no service in the pilot district (Pidu),             true,     100, false,       true,   true, INNOVATION_UNMET
            no consulting or training,                           true,     100,  true,      false,   true, INNOVATION_UNMET
            no talent or financing services,                     true,     100,  true,       true,  false, INNOVATION_UNMET
            share not given,                                     true,    null,  true,       true,   true, INNOVATION_UNMET
            nothing stated,                                      null,    null,  null,       null,   null, INNOVATION_UNMET
            """)
    void innovationDriveMeetsTheGuideOnlyWithAllFiveRequirements(String name, Boolean platform, Integer percent,
            Boolean pidu, Boolean consulting, Boolean talent, String workClass) {
        Map<String, Object> facts = facts("INNOVATION_DRIVE");
        facts.put("enterprisePlatformRegistered", platform);
        facts.put("seniorExpertsRegisteredPercent", percent);
        facts.put("pilotDistrictService", pidu);
        facts.put("consultingTrainingService", consulting);
        facts.put("talentFinancingService", talent);

        assertThat(workClass(facts)).isEqualTo(workClass);
    }

    @ParameterizedTest(name = "pilot {0}, new {1}, grown {2} → {3}")
    @CsvSource(nullValues = "null", textBlock = """
            true,  true,  false, FUNCTION_PILOT_NEW
            true,  true,  true,  FUNCTION_PILOT_NEW
            true,  false, false, FUNCTION_SUPPORTED
            false, false, true,  FUNCTION_SUPPORTED
            false, true,  false, FUNCTION_ENCOURAGED
            false, false, false, FUNCTION_ENCOURAGED
            null,  null,  null,  FUNCTION_ENCOURAGED
            """)
    void functionsOfPilotSocietiesComeFirst(Boolean pilot, Boolean newFunction, Boolean grown, String workClass) {
        Map<String, Object> facts = facts("FUNCTION_UNDERTAKING");
        facts.put("firstBatchPilot", pilot);
        facts.put("newFunction", newFunction);
        facts.put("substantialGrowth", grown);

        assertThat(workClass(facts)).isEqualTo(workClass);
    }

    @ParameterizedTest(name = "station {0} → {1}")
    @CsvSource(nullValues = "null", textBlock = """
            NATIONAL,   STATION_NATIONAL
            PROVINCIAL, STATION_OTHER
            MUNICIPAL,  STATION_OTHER
            null,       STATION_OTHER
            """)
    void nationalServiceStationsComeFirst(String level, String workClass) {
        Map<String, Object> facts = facts("SERVICE_STATION");
        facts.put("stationLevel", level);

        assertThat(workClass(facts)).isEqualTo(workClass);
    }

    @ParameterizedTest(name = "leading industry {0} → {1}")
    @CsvSource(nullValues = "null", textBlock = """
            true,  CONSORTIUM_LEADING_INDUSTRY
            false, CONSORTIUM_OTHER
            null,  CONSORTIUM_OTHER
            """)
    void consortiaForTheLeadingIndustriesComeFirst(Boolean leadingIndustry, String workClass) {
        Map<String, Object> facts = facts("CONSORTIUM");
        facts.put("leadingIndustry", leadingIndustry);

        assertThat(workClass(facts)).isEqualTo(workClass);
    }

    @Test
    void typesWithoutRowsAreNotClassified() {
        for (String type : Arrays.asList("ACADEMIC_EXCHANGE", "RESEARCH_ADVICE", "MAJOR_WORK", null)) {
            assertThat(evaluate(TABLE, facts(type))).as(String.valueOf(type)).isEmpty();
        }
    }

    /** A fact of one type never classifies another: a national level on an innovation record changes nothing. */
    @Test
    void eachTypeReadsOnlyItsOwnFacts() {
        Map<String, Object> facts = facts("INNOVATION_DRIVE");
        facts.put("stationLevel", "NATIONAL");
        facts.put("leadingIndustry", true);
        facts.put("firstBatchPilot", true);
        facts.put("newFunction", true);
        assertThat(workClass(facts)).isEqualTo("INNOVATION_UNMET");
    }

    /** Every combination of the facts: exactly one class per classified type. */
    @Test
    void givesExactlyOneClassForEveryClassifiedType() {
        List<Boolean> flags = Arrays.asList(null, false, true);
        for (String type : List.of("INNOVATION_DRIVE", "FUNCTION_UNDERTAKING", "SERVICE_STATION", "CONSORTIUM")) {
            for (Boolean a : flags) {
                for (Boolean b : flags) {
                    for (Integer percent : Arrays.asList(null, 0, 49, 50, 100)) {
                        for (String level : Arrays.asList(null, "NATIONAL", "MUNICIPAL")) {
                            Map<String, Object> facts = facts(type);
                            facts.put("enterprisePlatformRegistered", a);
                            facts.put("pilotDistrictService", b);
                            facts.put("consultingTrainingService", a);
                            facts.put("talentFinancingService", b);
                            facts.put("seniorExpertsRegisteredPercent", percent);
                            facts.put("firstBatchPilot", a);
                            facts.put("newFunction", b);
                            facts.put("substantialGrowth", a);
                            facts.put("stationLevel", level);
                            facts.put("leadingIndustry", b);
                            assertThat(evaluate(TABLE, facts)).as("%s %s", type, facts).hasSize(1);
                        }
                    }
                }
            }
        }
    }

    private static String workClass(Map<String, Object> facts) {
        DmnDecisionResult result = evaluate(TABLE, facts);
        assertThat(result).hasSize(1);
        return result.getSingleResult().getEntry("workClass");
    }

    private static Map<String, Object> facts(String workType) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("workType", workType);
        return facts;
    }
}
