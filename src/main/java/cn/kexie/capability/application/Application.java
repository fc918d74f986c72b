package cn.kexie.capability.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application (申报) with its 申报书 fields, as one programme's call received it; {@code cityCode}
 * is the city whose programme it is (the engine tenant of its process).
 */
public record Application(long id, String number, String programmeCode, String cityCode, long callId, int callYear,
        String categoryCode, long organisationId, String organisationName, String title, String aims,
        String content, String schedule, String expectedResults, Map<String, Object> declared, String status,
        String processInstanceId, BigDecimal panelScore,
        Instant noticeEndsAt, Instant createdAt, Instant submittedAt, int version, List<BudgetLine> budget) {

    /** One line of the budget. */
    public record BudgetLine(String item, BigDecimal amountYuan, String note) {
    }

    public BigDecimal totalBudget() {
        return budget.stream().map(BudgetLine::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Still editable by the applicant: a draft, or returned for correction. */
    public boolean editable() {
        return ApplicationStatus.is(status, ApplicationStatus.Kind.APPLICANT_EDITS);
    }

    /** Whether the applicant ever submitted it; one never submitted is a draft, whatever became of it. */
    public boolean submitted() {
        return submittedAt != null;
    }
}
