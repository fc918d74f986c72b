package cn.kexie.capability.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A category as one call offers it: intake window, number of awards and amount of each.
 * {@code deadline} is the last day on which applications are accepted (Asia/Shanghai).
 */
public record CallCategory(long callId, String categoryCode, LocalDate opensOn, LocalDate deadline,
        Integer awardCount, BigDecimal amountYuan) {

    public boolean acceptsOn(LocalDate day) {
        return (opensOn == null || !day.isBefore(opensOn)) && !day.isAfter(deadline);
    }
}
