package cn.kexie.capability.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the sweeps and the mail queue run. Every node ticks, but each period's sweep runs on one node
 * only ({@link NotificationSweep#claim}) and each mail is claimed by one node ({@link MailOutbox}).
 * Off with {@code notification.schedule.enabled=false} (the tests run the sweeps themselves).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "notification.schedule.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSchedule.class);

    private final NotificationSweep sweep;
    private final MailOutbox outbox;

    NotificationSchedule(NotificationSweep sweep, MailOutbox outbox) {
        this.sweep = sweep;
        this.outbox = outbox;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${notification.schedule.every:PT10M}")
    void sweep() {
        try {
            sweep.sweepTasks();
            sweep.digest();
        } catch (RuntimeException e) {
            LOG.warn("notification sweep failed, the next period tries again: {}", e.toString());
        }
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void mail() {
        try {
            outbox.sendPending();
        } catch (RuntimeException e) {
            LOG.warn("notification mails not sent now: {}", e.toString());
        }
    }
}
