package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scoring criteria as the expert's and the office's forms read them. {@link ReviewService#criteria}
 * runs in a read-only transaction, yet evaluating the scoring decision writes the decision's history
 * (history level full), which PostgreSQL refuses in a read-only transaction. So the forms read the
 * criteria inside a read-write transaction, which the service's joins; once the service's own
 * transaction is read-write this class can go.
 */
@Component
class FormCriteria {

    private final ReviewService reviews;
    private final TransactionTemplate tx;

    FormCriteria(ReviewService reviews, PlatformTransactionManager transactionManager) {
        this.reviews = reviews;
        this.tx = new TransactionTemplate(transactionManager);
    }

    List<ReviewService.Criterion> of(Application app) {
        return tx.execute(status -> reviews.criteria(app));
    }
}
