package cn.kexie.capability.common;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Asks the latest deployed version of a decision table as a lookup, not as a decision about a case:
 * a programme's review rules, or a preview of its eligibility table before anything is submitted.
 * A DMN engine of its own (FEEL as the process engine's) evaluates it, so nothing is written: the
 * process engine's DecisionService records every evaluation in the history (about ten statements),
 * which belongs to the decisions that decide an application, not to reading its rules.
 */
@Component
public class DecisionLookup {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final RepositoryService repositoryService;
    /** Parsed tables by deployed definition id: a deployed definition never changes. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    DecisionLookup(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /**
     * Evaluates the latest version of the table {@code key} deployed for all cities or for {@code city}
     * (the city's own version first), with the given facts.
     */
    public DmnDecisionResult evaluate(String key, String city, Map<String, Object> facts) {
        // the latest version is looked up once per transaction (a step reads the review rules and the
        // scoring criteria more than once); a table deployed meanwhile applies from the next one
        Map<String, String> latest = TransactionScoped.get(LATEST, HashMap::new);
        String cacheKey = key + "\u0000" + city;
        String definitionId = latest == null ? null : latest.get(cacheKey);
        if (definitionId == null) {
            definitionId = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().list().stream()
                    .filter(d -> d.getTenantId() == null || d.getTenantId().equals(city))
                    .max(Comparator.comparing((DecisionDefinition d) -> d.getTenantId() != null)
                            .thenComparing(DecisionDefinition::getVersion))
                    .orElseThrow(() -> new IllegalStateException("decision " + key + " is not deployed"))
                    .getId();
            if (latest != null) {
                latest.put(cacheKey, definitionId);
            }
        }
        String id = definitionId;
        DmnDecision decision = parsed.computeIfAbsent(id,
                d -> ENGINE.parseDecision(key, repositoryService.getDmnModelInstance(d)));
        // a deployed table with the same facts gives the same answer: the answers asked most (a programme's
        // review rules, a category's criteria) are kept, so that a step does not evaluate FEEL again (issue 13:
        // the lookups took an eighth of a Chenzhou application's processor time)
        List<Object> answerKey = List.of(id, new HashMap<>(facts));
        synchronized (answers) {
            DmnDecisionResult known = answers.get(answerKey);
            if (known != null) {
                return known;
            }
        }
        DmnDecisionResult result = ENGINE.evaluateDecision(decision, facts);
        synchronized (answers) {
            answers.put(answerKey, result);
        }
        return result;
    }

    /** The latest answers, by deployed definition and facts; the eldest go first beyond {@value #ANSWERS_KEPT}. */
    private static final int ANSWERS_KEPT = 500;

    private final Map<List<Object>, DmnDecisionResult> answers = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, DmnDecisionResult> eldest) {
            return size() > ANSWERS_KEPT;
        }
    };

    private static final String LATEST = DecisionLookup.class.getName() + ".latest";
}
