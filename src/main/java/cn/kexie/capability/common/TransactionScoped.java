package cn.kexie.capability.common;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the current transaction only and dropped when it ends: what a transaction has
 * already read, so that it need not read it again (issue 13). Outside a transaction nothing is kept.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The value under {@code key}, created on first use; {@code null} outside a transaction. */
    public static <T> T get(String key, Supplier<T> create) {
        T value = peek(key);
        if (value == null && TransactionSynchronizationManager.isSynchronizationActive()) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = created;
        }
        return value;
    }

    /** The value under {@code key} if this transaction holds one. */
    @SuppressWarnings("unchecked")
    public static <T> T peek(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return (T) TransactionSynchronizationManager.getResource(key);
    }
}
