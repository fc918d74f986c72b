package cn.kexie.capability.notification;

import java.util.List;

/**
 * An extension point for further channels such as SMS (短信), none of which is built: a bean
 * implementing it would receive each notification after its transaction commits, with the user ids
 * it reaches, and deliver it as it sees fit (a text message through an operator's gateway, say). A
 * channel should keep a queue of its own, as the e-mail does ({@code notification_mail}), so that
 * a crash loses nothing and nothing is delivered twice.
 *
 * <p>No implementation exists and nothing calls it yet; wiring it means calling the beans from
 * {@link NotificationWriter} after commit, as {@link MailOutbox} is.
 */
public interface NotificationChannel {

    /** Delivers one notification's text (in Chinese) and link to these users. */
    void deliver(NotificationKind kind, String text, String link, List<String> userIds);
}
