package cn.kexie.capability.ui;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/** How views tell people what happened: success briefly, refusals until read. */
public final class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private Notifications() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        // one line per problem: a component, since the notification's text lands in an overlay
        com.vaadin.flow.component.html.Div lines = new com.vaadin.flow.component.html.Div();
        for (String line : text.split("\n")) {
            lines.add(new com.vaadin.flow.component.html.Div(line));
        }
        Notification n = new Notification(lines);
        n.setDuration(8000);
        n.setPosition(Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }

    /**
     * Runs an action of the user's; a refusal is shown in the user's language, and since the
     * services are transactional, nothing of a refused action is saved.
     */
    public static boolean run(Runnable action) {
        Locale locale = UI.getCurrent() == null ? Messages.CHINESE : UI.getCurrent().getLocale();
        try {
            action.run();
            return true;
        } catch (UserError refused) {
            error(Messages.describe(locale, refused));
        } catch (AccessDeniedException denied) {
            error(Messages.get(locale, "common.error.forbidden"));
        } catch (RuntimeException unexpected) {
            log.error("Action failed", unexpected);
            error(Messages.get(locale, "common.error.unexpected"));
        }
        return false;
    }
}
