package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Application numbers stay unique when several submissions — on several nodes — ask for the first
 * and the following numbers of a programme-year at the same moment, each in its own transaction.
 */
@PlatformTest
class NumberingConcurrencyTest {

    static final int SUBMISSIONS = 8;
    /** Programme-years tried, each a new race for its first number. */
    static final int ROUNDS = 15;

    @Autowired
    ApplicationRepository repository;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void simultaneousFirstApplicationsOfAYearAllGetNumbersAndNoneRepeats() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            race();
        }
    }

    private void race() throws Exception {
        String programme = "RACE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        CyclicBarrier together = new CyclicBarrier(SUBMISSIONS);
        ExecutorService pool = Executors.newFixedThreadPool(SUBMISSIONS);
        List<Future<String>> numbers = new ArrayList<>();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < SUBMISSIONS; i++) {
            numbers.add(pool.submit(() -> {
                together.await();
                return tx.execute(status -> repository.nextNumber(programme, 2031));
            }));
        }
        List<String> got = new ArrayList<>();
        try {
            for (Future<String> n : numbers) {
                got.add(n.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= SUBMISSIONS; n++) {
            expected.add(String.format("%s-2031-%04d", programme, n));
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }
}
