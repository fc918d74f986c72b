package cn.kexie.capability.funding;

import java.math.BigDecimal;

/**
 * The money of a subject (an application, a Chengdu yearly evaluation) or of a set of them: the
 * approved amount (核定金额), what was paid (已拨付) and what was recovered (已收回).
 */
public record Money(BigDecimal approved, BigDecimal paid, BigDecimal recovered) {

    public static final Money NONE = new Money(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** What may still be paid: approved less paid (negative if more was paid than approved). */
    public BigDecimal unpaid() {
        return approved.subtract(paid);
    }

    /** What was paid and not recovered: the most a recovery may still take back. */
    public BigDecimal netPaid() {
        return paid.subtract(recovered);
    }
}
