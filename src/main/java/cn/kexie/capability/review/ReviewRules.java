package cn.kexie.capability.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One programme's review rules, as the decision {@code review-rules} ({@code decisions/review-rules.dmn})
 * gives them: panel size, from how many sheets the highest and lowest total are dropped, the checks of
 * the formal review, the correction period and how many working days past its due date an expert
 * who has not scored may be replaced. Java acts on them; it holds none of the values.
 */
public record ReviewRules(int minPanel, int maxPanel, int trimFromSheets, List<String> formalChecks,
        int correctionDays, int maxCorrectionDays, int replaceOverdueDays) {

    /** The decision's key. */
    public static final String DECISION = "review-rules";

    public ReviewRules {
        formalChecks = List.copyOf(formalChecks);
    }

    /** The rules from the decision's single result. */
    static ReviewRules of(Map<String, Object> result) {
        return new ReviewRules(number(result, "minPanel"), number(result, "maxPanel"), number(result, "trimFromSheets"),
                Arrays.stream(String.valueOf(result.get("formalChecks")).split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList(),
                number(result, "correctionDays"), number(result, "maxCorrectionDays"),
                number(result, "replaceOverdueDays"));
    }

    private static int number(Map<String, Object> result, String name) {
        if (!(result.get(name) instanceof Number n)) {
            throw new IllegalStateException("decision " + DECISION + " gave no number " + name + ": " + result);
        }
        return n.intValue();
    }

    /** The panel score: the mean of the sheets' totals, without the highest and lowest from {@link #trimFromSheets} sheets on. */
    public BigDecimal panelScore(List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            return BigDecimal.ZERO;
        }
        List<BigDecimal> sorted = new ArrayList<>(totals);
        sorted.sort(null);
        if (sorted.size() >= trimFromSheets && sorted.size() > 2) {
            sorted = sorted.subList(1, sorted.size() - 1);
        }
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP);
    }

    public boolean panelSizeAllowed(int size) {
        return size >= minPanel && size <= maxPanel;
    }

    public boolean correctionDaysAllowed(int days) {
        return days >= 1 && days <= maxCorrectionDays;
    }
}
