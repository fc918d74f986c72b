package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApprovedAmount;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approved amount (核定金额) that documents print, from the ledger: what the deciding group
 * approved; before that, what the office proposed; failing both, what the amount table gives (for an
 * award, the catalogue's amount). Documents render in read-only transactions, so the table is
 * evaluated in a transaction of its own: an evaluation writes the decision's history.
 */
@Component
class LedgerApprovedAmount implements ApprovedAmount {

    private final FundingLedger ledger;
    private final TransactionTemplate readWrite;

    LedgerApprovedAmount(FundingLedger ledger, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.readWrite = new TransactionTemplate(transactions);
        this.readWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public BigDecimal of(Application app) {
        BigDecimal approved = ledger.moneyOf(app.id()).approved();
        if (approved != null && approved.signum() > 0) {
            return approved;
        }
        BigDecimal proposed = ledger.proposedAmount(app);
        if (proposed != null) {
            return proposed;
        }
        return readWrite.execute(status -> ledger.tableAmount(app));
    }
}
