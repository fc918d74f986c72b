package cn.kexie.capability.common;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first row of a key that concurrent transactions may insert at the same moment (the first
 * application of a programme-year, the first failed login of a name). The insert runs in a
 * savepoint of the caller's transaction: when another transaction inserted the key first, only the
 * savepoint is rolled back and the caller's transaction goes on — PostgreSQL refuses every further
 * statement of a transaction whose own statement failed.
 */
@Component
public class NestedInsert {

    private final TransactionTemplate savepoint;

    NestedInsert(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the insert; false when the key was inserted by another transaction first. */
    public boolean tryInsert(Runnable insert) {
        try {
            savepoint.executeWithoutResult(status -> insert.run());
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }
}
