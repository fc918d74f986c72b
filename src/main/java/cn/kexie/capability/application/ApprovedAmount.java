package cn.kexie.capability.application;

import java.math.BigDecimal;

/**
 * The approved amount (核定金额) of an application, as the documents print it: the 项目责任书, the
 * public notice and the result list. The funding feature provides it from its ledger: the amount the
 * deciding group approved, or before that the office's proposal (for an award, the catalogue's amount).
 */
public interface ApprovedAmount {

    /** The approved amount in yuan, or null when none can be told. */
    BigDecimal of(Application app);
}
