package cn.kexie.capability.notification;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The e-mail queue ({@code notification_mail}). Mails are queued in the transaction of their
 * notification and sent after it commits, so a rolled-back step sends nothing; a crash before sending
 * leaves the row for the next run of {@link #sendPending()} (every minute, and after each commit).
 * A node claims a row before sending it, so two nodes never send the same row; the row records the
 * sending, or the attempts (at most {@code notification.mail.max-attempts}) and the last failure.
 *
 * <p>Active only when {@code spring.mail.host} is set (Spring Boot then provides the
 * {@link JavaMailSender}); without it nothing is queued.
 */
@Component
class MailOutbox implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String baseUrl;
    private final int maxAttempts;
    private final boolean async;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "notification-mail");
        thread.setDaemon(true);
        return thread;
    });

    MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender,
            @Value("${notification.mail.from:platform@kexie.cn}") String from,
            @Value("${notification.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${notification.mail.max-attempts:5}") int maxAttempts,
            @Value("${notification.mail.async:true}") boolean async) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.maxAttempts = maxAttempts;
        this.async = async;
    }

    /** A sender that tests put in place of the configured one (null: the configured one, if any). */
    private volatile JavaMailSender testSender;

    /** For tests in the shared context: sends through this sender (null: back to the configured one). */
    void useSender(JavaMailSender sender) {
        this.testSender = sender;
    }

    private JavaMailSender sender() {
        JavaMailSender test = testSender;
        return test != null ? test : sender.getIfAvailable();
    }

    /** Whether e-mail is configured ({@code spring.mail.host}). */
    boolean enabled() {
        return sender() != null;
    }

    /** Called where a mail was queued: sends the queue once the transaction has committed. */
    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof SendAfterCommit) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new SendAfterCommit());
    }

    private final class SendAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            if (async) {
                executor.submit(MailOutbox.this::sendPendingQuietly);
            } else {
                sendPendingQuietly();
            }
        }
    }

    private void sendPendingQuietly() {
        try {
            sendPending();
        } catch (RuntimeException e) {
            LOG.warn("notification mails not sent now, the next run retries: {}", e.toString());
        }
    }

    record Pending(long id, String address, String kind, String textKey, String textArgs, String link) {
    }

    /** Sends what waits in the queue; returns how many mails went out. */
    int sendPending() {
        JavaMailSender mail = sender();
        if (mail == null) {
            return 0;
        }
        Instant now = PlatformClock.now();
        List<Pending> pending = jdbc.sql("""
                select m.id, m.address, n.kind, n.text_key, n.text_args, n.link
                from notification_mail m join notification n on n.id = m.notification_id
                where m.sent_at is null and m.attempts < ? and (m.claimed_until is null or m.claimed_until < ?)
                order by m.id fetch first 100 rows only""")
                .params(maxAttempts, Timestamp.from(now)).query(Pending.class).list();
        int sent = 0;
        for (Pending p : pending) {
            int claimed = jdbc.sql("""
                    update notification_mail set claimed_until = ?
                    where id = ? and sent_at is null and (claimed_until is null or claimed_until < ?)""")
                    .params(Timestamp.from(now.plus(CLAIM)), p.id(), Timestamp.from(now)).update();
            if (claimed == 0) {
                continue; // another node took it
            }
            try {
                mail.send(message(mail, p));
                jdbc.sql("update notification_mail set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                        .params(Timestamp.from(PlatformClock.now()), p.id()).update();
                sent++;
            } catch (Exception e) {
                String error = String.valueOf(e.getMessage());
                LOG.warn("notification mail {} to {} failed: {}", p.id(), p.address(), error);
                // retried after a pause that grows with the attempts
                jdbc.sql("""
                        update notification_mail set attempts = attempts + 1, last_error = ?, claimed_until = ?
                        where id = ?""")
                        .params(error.length() > 500 ? error.substring(0, 500) : error,
                                Timestamp.from(PlatformClock.now().plus(Duration.ofMinutes(2)).plusSeconds(0)), p.id())
                        .update();
            }
        }
        return sent;
    }

    private MimeMessage message(JavaMailSender mail, Pending p) throws Exception {
        String text = NotificationWriter.render(Messages.CHINESE, p.textKey(), p.textArgs());
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(p.address());
        helper.setSubject(Messages.get(Messages.CHINESE, "notification.mail.subject", text));
        String open = p.link() == null ? "" : Messages.get(Messages.CHINESE, "notification.mail.open", baseUrl + "/" + p.link());
        helper.setText(Messages.get(Messages.CHINESE, "notification.mail.body", text, open));
        return message;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
