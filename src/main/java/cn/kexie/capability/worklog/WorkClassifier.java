package cn.kexie.capability.worklog;

import cn.kexie.capability.common.UserError;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Classifies a work record with the Chengdu decision tables as deployed at this moment: an academic
 * exchange with {@code chengdu-academic-activity} (output {@code activityClass}), research and advice
 * with {@code chengdu-research-outcome} (output {@code counts}). The rules stay in the tables; this
 * class passes the record's facts and returns the answer with the table's key and version, so that
 * the record shows which version decided. Every other type is offered to {@code chengdu-key-work} with
 * its stated facts ({@link WorkRecordField}): a type the table has rows for gets its class (output
 * {@code workClass}), the others are not classified.
 */
@Component
class WorkClassifier {

    private static final Logger log = LoggerFactory.getLogger(WorkClassifier.class);

    /** Work types (programme_category codes of CHENGDU) that the tables classify. */
    static final String ACADEMIC_EXCHANGE = "ACADEMIC_EXCHANGE";
    static final String RESEARCH_ADVICE = "RESEARCH_ADVICE";

    static final String ACADEMIC_ACTIVITY_TABLE = "chengdu-academic-activity";
    static final String RESEARCH_OUTCOME_TABLE = "chengdu-research-outcome";
    static final String OUTCOME_YEAR_TABLE = "chengdu-outcome-year";
    static final String KEY_WORK_TABLE = "chengdu-key-work";
    static final String ONE_OFF_TABLE = "chengdu-one-off-subsidy";

    /**
     * The classes {@code chengdu-key-work} gives (innovation drive, 承能, service stations, consortia), so that
     * the evaluation passes a count of each, zero included, to the tier table.
     */
    static final List<String> KEY_WORK_CLASSES = List.of("INNOVATION_MET", "INNOVATION_UNMET", "FUNCTION_PILOT_NEW",
            "FUNCTION_SUPPORTED", "FUNCTION_ENCOURAGED", "STATION_NATIONAL", "STATION_OTHER",
            "CONSORTIUM_LEADING_INDUSTRY", "CONSORTIUM_OTHER");

    /** The classes {@code chengdu-academic-activity} gives, in the seed's order of importance. */
    static final List<String> ACTIVITY_CLASSES =
            List.of("INTERNATIONAL", "NATIONAL", "ANNUAL_CONFERENCE", "PUBLIC_EVENT", "OTHER");
    /** The class of a research-and-advice record that counts as an outcome (成果化), and of one that does not. */
    static final String OUTCOME = "OUTCOME";
    static final String NO_OUTCOME = "NO_OUTCOME";

    /** The answer of a table, and which table and version gave it; all null for unclassified types. */
    record Classification(String activityClass, Boolean outcomeCounts, String decisionKey, Integer decisionVersion) {
        static final Classification NONE = new Classification(null, null, null, null);
    }

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;

    private final cn.kexie.capability.common.DecisionLookup lookup;

    WorkClassifier(DecisionService decisionService, RepositoryService repositoryService,
            cn.kexie.capability.common.DecisionLookup lookup) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
        this.lookup = lookup;
    }

    /**
     * The evaluation year a record counts in, as {@code chengdu-outcome-year} says: the year of its date,
     * or the next when it is an outcome formed after that year's cut-off date (null: none set).
     */
    int evaluationYear(String workType, java.time.LocalDate date, java.time.LocalDate cutoffOfThatYear) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("workType", workType);
        facts.put("formedOn", date);
        facts.put("cutoffOn", cutoffOfThatYear);
        Evaluated answer = evaluate(OUTCOME_YEAR_TABLE, facts, "countsNextYear");
        return Boolean.TRUE.equals(answer.value()) ? date.getYear() + 1 : date.getYear();
    }

    Classification classify(WorkRecordDraft record) {
        if (ACADEMIC_EXCHANGE.equals(record.getWorkType())) {
            Map<String, Object> facts = new HashMap<>();
            facts.put("participants", record.getParticipants());
            facts.put("otherProvinces", record.getOtherProvinces());
            facts.put("countries", record.getCountries());
            facts.put("forums", record.isForums());
            facts.put("materials", record.isMaterials());
            facts.put("publicEvent", record.isPublicEvent());
            facts.put("eventRole", record.getFacts().get("eventRole"));
            Evaluated answer = evaluate(ACADEMIC_ACTIVITY_TABLE, facts, "activityClass");
            return new Classification(String.valueOf(answer.value()), null, ACADEMIC_ACTIVITY_TABLE, answer.version());
        }
        if (RESEARCH_ADVICE.equals(record.getWorkType())) {
            Map<String, Object> facts = new HashMap<>();
            facts.put("publishedInJournal", record.isPublishedInJournal());
            facts.put("leaderSignedOff", record.isLeaderSignedOff());
            facts.put("adoptedAsPolicy", record.isAdoptedAsPolicy());
            facts.put("problemSolved", record.isProblemSolved());
            facts.put("specialReport", record.isSpecialReport());
            facts.put("motionOrProposal", record.isMotionOrProposal());
            Evaluated answer = evaluate(RESEARCH_OUTCOME_TABLE, facts, "counts");
            return new Classification(null, Boolean.TRUE.equals(answer.value()), RESEARCH_OUTCOME_TABLE, answer.version());
        }
        if (record.getWorkType() == null) {
            return Classification.NONE;
        }
        Map<String, Object> facts = new HashMap<>(record.getFacts());
        facts.put("workType", record.getWorkType());
        Optional<Evaluated> answer = evaluateOptional(KEY_WORK_TABLE, facts, "workClass");
        return answer.map(a -> new Classification(String.valueOf(a.value()), null, KEY_WORK_TABLE, a.version()))
                .orElse(Classification.NONE);
    }

    /**
     * The one-off subsidy ({@code chengdu-one-off-subsidy}) a record of a new service station or consortium
     * brings, in yuan; zero where the table has no row for it (not new, not the lead society).
     */
    java.math.BigDecimal oneOffYuan(WorkRecord record) {
        Map<String, Object> facts = new HashMap<>(record.facts());
        facts.put("workClass", record.workClass());
        // a lookup that leaves no decision history: the sheet reads it in a read-only transaction
        DmnDecisionResult result = lookup.evaluate(ONE_OFF_TABLE, null, facts);
        if (result.isEmpty() || result.getSingleResult().getEntry("oneOffYuan") == null) {
            return java.math.BigDecimal.ZERO;
        }
        return new java.math.BigDecimal(String.valueOf(result.getSingleResult().<Object>getEntry("oneOffYuan")));
    }

    /** As {@link #evaluate}, where the table may have no row for the facts (empty then). */
    private Optional<Evaluated> evaluateOptional(String key, Map<String, Object> facts, String output) {
        DecisionDefinition table = latest(key);
        DmnDecisionResult result = decisionService.evaluateDecisionById(table.getId()).variables(facts).evaluate();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        if (result.size() != 1 || result.getSingleResult().getEntry(output) == null) {
            log.error("Decision table {} version {} gave {} results for {}: it must give at most one {}", key,
                    table.getVersion(), result.size(), facts, output);
            throw new UserError("worklog.error.tableAnswer", key, table.getVersion());
        }
        return Optional.of(new Evaluated(result.getSingleResult().getEntry(output), table.getVersion()));
    }

    private DecisionDefinition latest(String key) {
        DecisionDefinition table = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (table == null) {
            log.error("Decision table {} is not deployed", key);
            throw new UserError("worklog.error.tableMissing", key);
        }
        return table;
    }

    private record Evaluated(Object value, int version) {
    }

    /**
     * Evaluates the latest version of the table by its id, so that the version recorded is the one
     * that answered even while an administrator deploys a new one.
     */
    private Evaluated evaluate(String key, Map<String, Object> facts, String output) {
        DecisionDefinition table = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (table == null) {
            log.error("Decision table {} is not deployed", key);
            throw new UserError("worklog.error.tableMissing", key);
        }
        DmnDecisionResult result = decisionService.evaluateDecisionById(table.getId()).variables(facts).evaluate();
        if (result.size() != 1 || result.getSingleResult().getEntry(output) == null) {
            log.error("Decision table {} version {} gave {} results for {}: it must give exactly one {}", key,
                    table.getVersion(), result.size(), facts, output);
            throw new UserError("worklog.error.tableAnswer", key, table.getVersion());
        }
        return new Evaluated(result.getSingleResult().getEntry(output), table.getVersion());
    }

    /**
     * The name under which the yearly evaluation passes the number of records of a class to the tier
     * table: {@code INTERNATIONAL} → {@code internationalActivities}, {@code ANNUAL_CONFERENCE} →
     * {@code annualConferenceActivities}.
     */
    static String classCountVariable(String activityClass) {
        if (KEY_WORK_CLASSES.contains(activityClass)) {
            // a class of chengdu-key-work: STATION_NATIONAL → stationNationalRecords
            return camel(activityClass) + "Records";
        }
        return camel(activityClass) + "Activities";
    }

    /** The number of records of a work type: {@code SERVICE_STATION} → {@code serviceStationRecords}. */
    static String typeCountVariable(String workType) {
        return camel(workType) + "Records";
    }

    /** The number of research-and-advice records that count as an outcome. */
    static final String OUTCOME_COUNT_VARIABLE = "researchOutcomes";

    private static String camel(String code) {
        StringBuilder name = new StringBuilder();
        for (String part : code.toLowerCase(Locale.ROOT).split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }
}
