package cn.kexie.capability.publicity;

import cn.kexie.capability.common.PlatformClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CAPTCHAs (验证码) of the public objection form, made here: a picture of five letters and digits
 * ({@link CaptchaImage}), its answer kept in the database (so any node of a cluster can check it,
 * sticky sessions or not) for ten minutes of the platform's clock, and used up by the first answer
 * given, right or wrong.
 */
@Component
class Captchas {

    static final int LENGTH = 5;
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** A challenge: its id, to send back with the answer, and its picture. */
    record Challenge(String id, byte[] png) {
    }

    private final JdbcClient jdbc;
    /** Its own transaction: a challenge stays used up even when the lodging it came with is refused. */
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();

    Captchas(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A new challenge; challenges past their time are cleared away on the way. */
    Challenge issue() {
        StringBuilder answer = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            answer.append(CaptchaImage.ALPHABET.charAt(random.nextInt(CaptchaImage.ALPHABET.length())));
        }
        String id = UUID.randomUUID().toString();
        Instant now = PlatformClock.now();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("delete from objection_captcha where expires_at < ?").param(Timestamp.from(now)).update();
            jdbc.sql("insert into objection_captcha (id, answer, expires_at) values (?, ?, ?)")
                    .params(id, answer.toString(), Timestamp.from(now.plus(LIFETIME))).update();
        });
        return new Challenge(id, CaptchaImage.png(answer.toString(), random));
    }

    /**
     * Whether {@code answer} answers the challenge, which must not have expired nor been used. The
     * challenge is used up either way, in a transaction of its own that commits at once: a refused
     * lodging rolls back, but must not give the challenge another try. Case, spaces and full-width
     * forms do not matter.
     */
    boolean use(String challengeId, String answer) {
        if (challengeId == null || answer == null) {
            return false;
        }
        Instant now = PlatformClock.now();
        Boolean right = ownTransaction.execute(status -> {
            String expected = jdbc.sql("select answer from objection_captcha where id = ? and expires_at >= ?")
                    .params(challengeId, Timestamp.from(now)).query(String.class).optional().orElse(null);
            // of two requests with the same challenge, only the one whose delete counts may pass
            int deleted = jdbc.sql("delete from objection_captcha where id = ?").param(challengeId).update();
            return expected != null && deleted == 1 && MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), normalise(answer).getBytes(StandardCharsets.US_ASCII));
        });
        return Boolean.TRUE.equals(right);
    }

    private static String normalise(String answer) {
        return Normalizer.normalize(answer, Normalizer.Form.NFKC).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
