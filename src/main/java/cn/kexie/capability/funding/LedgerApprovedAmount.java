package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApprovedAmount;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The approved amount (核定金额) that documents print, from the ledger: what the deciding group
 * approved; before that, what the office proposes (for an award, the catalogue's amount).
 */
@Component
class LedgerApprovedAmount implements ApprovedAmount {

    private final FundingLedger ledger;

    LedgerApprovedAmount(FundingLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public BigDecimal of(Application app) {
        BigDecimal approved = ledger.moneyOf(app.id()).approved();
        if (approved != null && approved.signum() > 0) {
            return approved;
        }
        return ledger.proposedAmount(app);
    }
}
