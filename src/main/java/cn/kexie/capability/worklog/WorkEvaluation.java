package cn.kexie.capability.worklog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The yearly evaluation (年度评估) of one society and year, as the platform keeps it beside its process.
 * Its money (the subsidy as approved amount, the payment) is in the funding ledger.
 */
record WorkEvaluation(long id, long organisationId, String organisationCode, String organisationName, int year,
        String businessKey, String processInstanceId, String status, String startedBy, Instant startedAt,
        String confirmedBy, Instant confirmedAt, String confirmationNote,
        String suggestedTier, BigDecimal suggestedYuan, String tier, BigDecimal subsidyYuan, String overrideReason,
        String evaluatedBy, Instant evaluatedAt) {

    /** Statuses, set by the diagram's listeners as the evaluation moves on. */
    static final String STARTED = "STARTED";
    static final String CONFIRMING = "CONFIRMING";
    static final String EVALUATING = "EVALUATING";
    static final String AWAITING_PAYMENT = "AWAITING_PAYMENT";
    static final String PAID = "PAID";
    static final String NO_SUBSIDY = "NO_SUBSIDY";
}
