package cn.kexie.capability.security;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed logins of one name that arrive at the same moment — on several nodes — are all counted:
 * the first one's insert may meet another's, and no count is lost, so the lock-out comes when it should.
 */
@PlatformTest
class LoginThrottleConcurrencyTest {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcClient jdbc;

    @Test
    void simultaneousFirstFailuresOfANameAreAllCounted() throws Exception {
        String name = "guess-" + UUID.randomUUID();
        int failures = 4;
        CyclicBarrier together = new CyclicBarrier(failures);
        ExecutorService pool = Executors.newFixedThreadPool(failures);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            results.add(pool.submit(() -> {
                together.await();
                return throttle.recordFailure(name);
            }));
        }
        try {
            for (Future<Boolean> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).as("four failures lock nothing yet").isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select failures from login_failure where username = ?").param(name).query(Integer.class)
                .single()).isEqualTo(failures);
        // the fifth locks the name
        assertThat(throttle.recordFailure(name)).isTrue();
        assertThat(throttle.lockedUntil(name)).isPresent();
    }
}
