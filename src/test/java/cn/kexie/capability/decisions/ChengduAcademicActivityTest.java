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

/** {@code chengdu-academic-activity}: the five classes of seed 004 section 五, exactly one for any input. */
class ChengduAcademicActivityTest {

    private static final String TABLE = "chengdu-academic-activity";
    private static final List<String> CLASSES =
            List.of("INTERNATIONAL", "NATIONAL", "ANNUAL_CONFERENCE", "PUBLIC_EVENT", "OTHER");

    @ParameterizedTest(name = "{0} → {7}")
    @CsvSource(nullValues = "null", textBlock = """
            # case,                                                   participants, provinces, countries, forums, materials, publicEvent, class
            international · 3 countries,                                        20,          0,         3,  false,     false,       false, INTERNATIONAL
            international · 2 countries is not enough,                          20,          0,         2,  false,     false,       false, OTHER
            international · 3 countries also beats national,                   300,         10,         3,   true,      true,       false, INTERNATIONAL
            international · 3 countries during science week,                   150,          0,         3,  false,     false,        true, INTERNATIONAL
            national · 6 other provinces and 100 participants,                 100,          6,         1,  false,     false,       false, NATIONAL
            national · 5 other provinces is not enough,                        100,          5,         1,  false,     false,       false, OTHER
            national · 99 participants is not enough,                           99,          6,         1,  false,     false,       false, OTHER
            national · wins over annual conference,                            100,          6,         2,   true,      true,       false, NATIONAL
            annual conference · forums + materials + 100 participants,     100,          0,         1,   true,      true,       false, ANNUAL_CONFERENCE
            annual conference · 99 participants is not enough,                  99,          0,         1,   true,      true,       false, OTHER
            annual conference · no sub-forums,                                 100,          0,         1,  false,      true,       false, OTHER
            annual conference · no conference materials,                       100,          0,         1,   true,     false,       false, OTHER
            annual conference · 5 provinces falls back from national,          500,          5,         2,   true,      true,       false, ANNUAL_CONFERENCE
            annual conference · wins over public event,                        100,          0,         1,   true,      true,        true, ANNUAL_CONFERENCE
            public event · science week with 100 of the public,                100,          0,         0,  false,     false,        true, PUBLIC_EVENT
            public event · 99 of the public is not enough,                      99,          0,         0,  false,     false,        true, OTHER
            public event · not in a popular-science week,                      100,          0,         0,  false,     false,       false, OTHER
            other · a salon of 15,                                              15,          0,         0,  false,     false,       false, OTHER
            other · 100 participants and nothing else,                         100,          0,         0,  false,     false,       false, OTHER
            other · nothing known,                                            null,       null,      null,   null,      null,        null, OTHER
            """)
    void classifiesByTheSeedsThresholds(String name, Integer participants, Integer otherProvinces, Integer countries,
            Boolean forums, Boolean materials, Boolean publicEvent, String activityClass) {
        DmnDecisionResult result = evaluate(TABLE,
                facts(participants, otherProvinces, countries, forums, materials, publicEvent));

        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleResult().getEntry("activityClass")).isEqualTo(activityClass);
    }

    /**
     * 第五部分1-3 "由学会主办或承办的": an event the society only attended (参加), or whose role is not
     * given, is never a class 1-3 activity; a public event (4) and the others (5) do not ask.
     */
    @ParameterizedTest(name = "{0} · {1} → {2}")
    @CsvSource(nullValues = "null", textBlock = """
            # event,                                   role,        class
            international (3 countries),               HOST,        INTERNATIONAL
            international (3 countries),               CO_HOST,     INTERNATIONAL
            international (3 countries),               PARTICIPANT, OTHER
            international (3 countries),               null,        OTHER
            national (6 provinces 100 participants),   HOST,        NATIONAL
            national (6 provinces 100 participants),   CO_HOST,     NATIONAL
            national (6 provinces 100 participants),   PARTICIPANT, OTHER
            annual conference,                         CO_HOST,     ANNUAL_CONFERENCE
            annual conference,                         PARTICIPANT, OTHER
            annual conference in science week,         PARTICIPANT, PUBLIC_EVENT
            public event,                              PARTICIPANT, PUBLIC_EVENT
            """)
    void onlyHostedOrCoOrganisedEventsReachClassesOneToThree(String event, String role, String activityClass) {
        Map<String, Object> facts = switch (event) {
            case "international (3 countries)" -> facts(300, 10, 3, true, true, false);
            case "national (6 provinces 100 participants)" -> facts(100, 6, 1, true, true, false);
            case "annual conference" -> facts(100, 0, 1, true, true, false);
            case "annual conference in science week" -> facts(100, 0, 1, true, true, true);
            case "public event" -> facts(100, 0, 0, false, false, true);
            default -> throw new IllegalArgumentException(event);
        };
        facts.put("eventRole", role);

        DmnDecisionResult result = evaluate(TABLE, facts);

        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleResult().getEntry("activityClass")).isEqualTo(activityClass);
    }

    /** Every combination around every threshold, missing values included: always exactly one class. */
    @Test
    void givesExactlyOneClassForAnyInput() {
        List<Integer> participantValues = Arrays.asList(null, 0, 99, 100, 1000);
        List<Integer> provinceValues = Arrays.asList(null, 0, 5, 6);
        List<Integer> countryValues = Arrays.asList(null, 0, 2, 3);
        List<Boolean> flags = Arrays.asList(null, false, true);
        int combinations = 0;
        for (Integer participants : participantValues) {
            for (Integer provinces : provinceValues) {
                for (Integer countries : countryValues) {
                    for (Boolean forums : flags) {
                        for (Boolean materials : flags) {
                            for (Boolean publicEvent : flags) {
                                DmnDecisionResult result = evaluate(TABLE,
                                        facts(participants, provinces, countries, forums, materials, publicEvent));
                                assertThat(result).as("%s participants, %s provinces, %s countries, forums %s, "
                                                + "materials %s, public %s", participants, provinces, countries,
                                        forums, materials, publicEvent).hasSize(1);
                                assertThat(CLASSES).contains((String) result.getSingleResult().getEntry("activityClass"));
                                combinations++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(5 * 4 * 4 * 27);
    }

    private static Map<String, Object> facts(Integer participants, Integer otherProvinces, Integer countries,
            Boolean forums, Boolean materials, Boolean publicEvent) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("participants", participants);
        facts.put("otherProvinces", otherProvinces);
        facts.put("countries", countries);
        facts.put("forums", forums);
        facts.put("materials", materials);
        facts.put("publicEvent", publicEvent);
        // the cases above are the society's own events (主办)
        facts.put("eventRole", "HOST");
        return facts;
    }
}
