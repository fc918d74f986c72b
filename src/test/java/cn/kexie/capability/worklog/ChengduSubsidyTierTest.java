package cn.kexie.capability.worklog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code decisions/chengdu-subsidy-tier.dmn} on a plain DMN engine, as the Modeler saved it: every
 * rule, both sides of each threshold, the sums its input columns form, and exactly one answer for
 * any counts. The thresholds and amounts are the table's marked defaults; when the office changes
 * them in the Modeler, this test shows what changed.
 */
class ChengduSubsidyTierTest {

    private static final String TABLE = "chengdu-subsidy-tier";
    private static DmnEngine engine;
    private static DmnDecision decision;
    private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();

    @BeforeAll
    static void parse() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(event -> MATCHED.set(
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList())));
        engine = configuration.buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("decisions", TABLE + ".dmn"))) {
            decision = engine.parseDecision(TABLE, in);
        }
    }

    @ParameterizedTest(name = "{0} → {9} {10} by {11}")
    @CsvSource(textBlock = """
            # case,                                           intl, natl, annual, public, other, outcomes, stations, consortia, tier, yuan, rule
            A · 2 large exchanges and 1 outcome,                 0,    1,      1,      0,     0,        1,        0,         0,    A, 50000, Rule_TierA
            A · 2 international count as large exchanges,        2,    0,      0,      0,     0,        1,        0,         0,    A, 50000, Rule_TierA
            A · many of everything,                              3,    2,      1,      4,    10,        5,        2,         1,    A, 50000, Rule_TierA
            A ↓ 1 large exchange and 1 outcome is B,             1,    0,      0,      0,     0,        1,        0,         0,    B, 30000, Rule_TierBExchangeAndOutcome
            A ↓ 2 large exchanges without outcome is B,          0,    0,      2,      0,     0,        0,        0,         0,    B, 30000, Rule_TierBExchanges
            B · 1 annual conference and 1 outcome,               0,    0,      1,      0,     0,        1,        0,         0,    B, 30000, Rule_TierBExchangeAndOutcome
            B ↓ 1 outcome without a large exchange is C,         0,    0,      0,      0,     0,        1,        0,         0,    C, 10000, Rule_TierCOutcome
            B · 2 large exchanges and nothing else,              1,    1,      0,      0,     0,        0,        0,         0,    B, 30000, Rule_TierBExchanges
            B ↓ 1 large exchange alone is C,                     0,    1,      0,      0,     0,        0,        0,         0,    C, 10000, Rule_TierCExchange
            C · 1 international exchange,                        1,    0,      0,      0,     0,        0,        0,         0,    C, 10000, Rule_TierCExchange
            C ↓ no large exchange is none,                       0,    0,      0,      0,     0,        0,        0,         0, NONE,     0, Rule_NoTier
            C · 1 public event,                                  0,    0,      0,      1,     0,        0,        0,         0,    C, 10000, Rule_TierCPublicEvent
            C · public events do not lift the tier,              0,    0,      0,      5,     0,        0,        0,         0,    C, 10000, Rule_TierCPublicEvent
            C · 1 research outcome,                              0,    0,      0,      0,     0,        1,        0,         0,    C, 10000, Rule_TierCOutcome
            C · 1 service station record,                        0,    0,      0,      0,     0,        0,        1,         0,    C, 10000, Rule_TierCStationOrConsortium
            C · 1 consortium record,                             0,    0,      0,      0,     0,        0,        0,         1,    C, 10000, Rule_TierCStationOrConsortium
            NONE · other exchanges only,                         0,    0,      0,      0,    12,        0,        0,         0, NONE,     0, Rule_NoTier
            NONE · nothing at all,                               0,    0,      0,      0,     0,        0,        0,         0, NONE,     0, Rule_NoTier
            """)
    void suggestsTheTierOfTheFirstMatchingRule(String name, int international, int national, int annual,
            int publicEvents, int other, int outcomes, int stations, int consortia, String tier, double yuan,
            String rule) {
        DmnDecisionResult result = evaluate(counts(international, national, annual, publicEvents, other, outcomes,
                stations, consortia));

        assertThat(result).hasSize(1);
        assertThat(lastMatchingRules()).as("the first rule that matches").containsExactly(rule);
        assertThat((String) result.getSingleResult().getEntry("tier")).isEqualTo(tier);
        assertThat(((Number) result.getSingleResult().getEntry("suggestedYuan")).doubleValue()).isEqualTo(yuan);
    }

    /**
     * The key-work classes of {@code chengdu-key-work} (seed 004 一 to 四): a record the guide supports first
     * (重点支持: a national station, a consortium for the leading industries, a pilot society's new function)
     * lifts the tier to B; an innovation drive that meets the guide's five requirements reaches C. Another
     * level of station stays at the station row's C, an unmet innovation drive at NONE.
     */
    @ParameterizedTest(name = "{0} → {2} by {3}")
    @CsvSource(textBlock = """
            # case,                                        class,                        tier, rule
            a national service station,                    STATION_NATIONAL,             B,    Rule_TierBKeyWork
            a consortium for the leading industries,       CONSORTIUM_LEADING_INDUSTRY,  B,    Rule_TierBKeyWork
            a new function of a first-batch pilot society, FUNCTION_PILOT_NEW,           B,    Rule_TierBKeyWork
            a municipal service station,                   STATION_OTHER,                C,    Rule_TierCStationOrConsortium
            another function undertaken,                   FUNCTION_SUPPORTED,           NONE, Rule_NoTier
            an innovation drive meeting the guide,         INNOVATION_MET,               C,    Rule_TierCInnovation
            an innovation drive below the guide,           INNOVATION_UNMET,             NONE, Rule_NoTier
            """)
    void keyWorkTheGuideSupportsFirstLiftsTheTier(String name, String workClass, String tier, String rule) {
        Map<String, Object> facts = counts(0, 0, 0, 0, 0, 0, workClass.startsWith("STATION") ? 1 : 0,
                workClass.startsWith("CONSORTIUM") ? 1 : 0);
        facts.put(keyWorkVariable(workClass), 1);

        DmnDecisionResult result = evaluate(facts);

        assertThat(lastMatchingRules()).containsExactly(rule);
        assertThat((String) result.getSingleResult().getEntry("tier")).isEqualTo(tier);
    }

    /** The one-off subsidies due (新建服务站、联合体) are added to the tier's amount; NONE stays without money. */
    @ParameterizedTest(name = "{0} + {1} one-off → {2}")
    @CsvSource(textBlock = """
            A, 20000, 70000
            B, 10000, 40000
            C, 30000, 40000
            C,     0, 10000
            """)
    void theOneOffSubsidiesDueAreAddedToTheTiersAmount(String tier, double oneOff, double yuan) {
        Map<String, Object> facts = switch (tier) {
            case "A" -> counts(2, 0, 0, 0, 0, 1, 1, 0);
            case "B" -> counts(0, 0, 0, 0, 0, 0, 1, 0);
            default -> counts(0, 0, 0, 0, 0, 0, 1, 0);
        };
        if ("B".equals(tier)) {
            facts.put("stationNationalRecords", 1);
        }
        facts.put("oneOffYuan", oneOff);

        DmnDecisionResult result = evaluate(facts);

        assertThat((String) result.getSingleResult().getEntry("tier")).isEqualTo(tier);
        assertThat(((Number) result.getSingleResult().getEntry("suggestedYuan")).doubleValue()).isEqualTo(yuan);
    }

    private static String keyWorkVariable(String workClass) {
        StringBuilder name = new StringBuilder();
        for (String part : workClass.toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name + "Records";
    }

    /** Each rule of the table is the answer of at least one case above, so none is dead. */
    @Test
    void everyRuleOfTheTableIsTested() {
        var table = (DmnDecisionTableImpl) decision.getDecisionLogic();
        assertThat(table.getRules()).extracting(DmnDecisionTableRuleImpl::getId).containsExactly("Rule_TierA",
                "Rule_TierBExchangeAndOutcome", "Rule_TierBExchanges", "Rule_TierBKeyWork", "Rule_TierCExchange",
                "Rule_TierCPublicEvent", "Rule_TierCOutcome", "Rule_TierCStationOrConsortium", "Rule_TierCInnovation",
                "Rule_NoTier");
        assertThat(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    }

    /** Every combination around every threshold: always exactly one tier, NONE only with no money. */
    @Test
    void givesExactlyOneTierForAnyCounts() {
        int[] values = {0, 1, 2, 3};
        int combinations = 0;
        for (int intl : values) {
            for (int natl : values) {
                for (int annual : values) {
                    for (int pub : new int[] {0, 1}) {
                        for (int outcomes : values) {
                            for (int stations : new int[] {0, 1}) {
                                for (int consortia : new int[] {0, 1}) {
                                    DmnDecisionResult result = evaluate(
                                            counts(intl, natl, annual, pub, 0, outcomes, stations, consortia));
                                    assertThat(result).hasSize(1);
                                    String tier = (String) result.getSingleResult().getEntry("tier");
                                    double yuan = ((Number) result.getSingleResult().getEntry("suggestedYuan")).doubleValue();
                                    assertThat(tier).isIn("A", "B", "C", "NONE");
                                    assertThat(yuan == 0).as("no money exactly for NONE").isEqualTo("NONE".equals(tier));
                                    combinations++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(4 * 4 * 4 * 2 * 4 * 2 * 2);
    }

    @Test
    void theDescriptionMarksTheAmountsAsDefaults() {
        assertThat(decision.getName()).isEqualTo("成都市学会年度评估补助档次");
        String xml;
        try {
            xml = Files.readString(Path.of("decisions", TABLE + ".dmn"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(xml).contains("【默认值，须由专项办公室确认】").contains("指南未规定档次门槛和补助金额");
    }

    private static List<String> lastMatchingRules() {
        return MATCHED.get();
    }

    private static DmnDecisionResult evaluate(Map<String, Object> facts) {
        return engine.evaluateDecision(decision, new HashMap<>(facts));
    }

    /** The variables the evaluation's counting step sets: every class and every type, zero where none. */
    static Map<String, Object> counts(int international, int national, int annual, int publicEvents, int other,
            int outcomes, int stations, int consortia) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("internationalActivities", international);
        facts.put("nationalActivities", national);
        facts.put("annualConferenceActivities", annual);
        facts.put("publicEventActivities", publicEvents);
        facts.put("otherActivities", other);
        facts.put("researchOutcomes", outcomes);
        facts.put("innovationDriveRecords", 0);
        facts.put("functionUndertakingRecords", 0);
        facts.put("serviceStationRecords", stations);
        facts.put("consortiumRecords", consortia);
        facts.put("academicExchangeRecords", international + national + annual + publicEvents + other);
        facts.put("researchAdviceRecords", outcomes);
        facts.put("majorWorkRecords", 0);
        for (String cls : List.of("INNOVATION_MET", "INNOVATION_UNMET", "FUNCTION_PILOT_NEW", "FUNCTION_SUPPORTED",
                "FUNCTION_ENCOURAGED", "STATION_NATIONAL", "STATION_OTHER", "CONSORTIUM_LEADING_INDUSTRY",
                "CONSORTIUM_OTHER")) {
            facts.put(keyWorkVariable(cls), 0);
        }
        facts.put("oneOffYuan", 0.0);
        return facts;
    }
}
