package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.common.TransactionScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * How an application's approved amount is set, as the decision table {@code approved-amount} says:
 * the catalogue's amount of an award, fixed; otherwise the office's decision, proposed as the
 * request, and above the request only with a reason. Java passes the facts and acts on the answer.
 */
@Component
class ApprovedAmountRule {

    static final String DECISION = "approved-amount";

    private final DecisionService decisions;
    private final ProgrammeCatalogue catalogue;

    ApprovedAmountRule(DecisionService decisions, ProgrammeCatalogue catalogue) {
        this.decisions = decisions;
        this.catalogue = catalogue;
    }

    /**
     * The table's answer for one application: the request (its budget total), the amount to propose,
     * whether that amount is fixed, and up to which amount no reason is needed (null: no such bound).
     */
    record Answer(BigDecimal requested, BigDecimal proposed, boolean fixed, BigDecimal ceilingWithoutReason) {
    }

    private static final String ANSWERS = ApprovedAmountRule.class.getName() + ".answers";

    /**
     * Evaluates the table (which writes its decision history: call it in a read-write transaction),
     * once per transaction for the same application, request, call and category: a conclusion asks
     * for the rule when it proposes, checks and keeps the amount, and one evaluation recorded is the
     * decision (each evaluation wrote 9 statements, four of them in one conclusion).
     */
    Answer of(Application app) {
        BigDecimal requested = app.totalBudget().setScale(2, RoundingMode.HALF_UP);
        String key = app.id() + "|" + requested.toPlainString() + "|" + app.callId() + "|" + app.categoryCode();
        Map<String, Answer> known = TransactionScoped.get(ANSWERS, HashMap::new);
        Answer answer = known == null ? null : known.get(key);
        if (answer == null) {
            answer = evaluate(app, requested);
            if (known != null) {
                known.put(key, answer);
            }
        }
        return answer;
    }

    private Answer evaluate(Application app, BigDecimal requested) {
        BigDecimal catalogueAmount = catalogue.callCategory(app.callId(), app.categoryCode())
                .map(CallCategory::amountYuan).orElse(null);
        Map<String, Object> facts = new HashMap<>();
        facts.put("programmeKind", catalogue.requireProgramme(app.programmeCode()).kind());
        facts.put("catalogueAmount", catalogueAmount == null ? null : catalogueAmount.doubleValue());
        facts.put("requestedAmount", requested.doubleValue());
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION).variables(facts).evaluate();
        if (result.size() != 1) {
            throw new IllegalStateException(DECISION + " gave " + result.size() + " answers for " + app.number());
        }
        DmnDecisionResultEntries answer = result.getSingleResult();
        return new Answer(requested, yuan(answer.getEntry("proposedAmount")), Boolean.TRUE.equals(answer.getEntry("fixed")),
                yuan(answer.getEntry("ceilingWithoutReason")));
    }

    private static BigDecimal yuan(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
