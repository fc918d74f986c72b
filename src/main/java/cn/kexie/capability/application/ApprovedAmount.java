package cn.kexie.capability.application;

import java.math.BigDecimal;

/**
 * The approved amount (核定金额) of an application, as the documents print it: the 项目责任书, the
 * public notice and the result list. The funding feature provides it (today from what the platform
 * holds: the call's award amount for the category, or the application's budget total), so that the
 * documents change nothing when the money ledger provides the amount instead.
 */
public interface ApprovedAmount {

    /** The approved amount in yuan, or null when none can be told. */
    BigDecimal of(Application app);
}
