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

/** How views tell people what happened: success briefly, refusals longer, until closed, or until put right. */
public final class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private Notifications() {
    }

    public static void success(String text) {
        closeErrors();
        Notification n = Notification.show(text, 3000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        // one line per problem: a component, since the notification's text lands in an overlay
        com.vaadin.flow.component.html.Div lines = new com.vaadin.flow.component.html.Div();
        for (String line : text.split("\n")) {
            lines.add(new com.vaadin.flow.component.html.Div(line));
        }
        Notification n = new Notification();
        com.vaadin.flow.component.button.Button close = new com.vaadin.flow.component.button.Button("✕", click -> n.close());
        close.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
        close.getElement().setAttribute("aria-label", UI.getCurrent() == null ? "关闭"
                : Messages.get(UI.getCurrent().getLocale(), "common.close"));
        com.vaadin.flow.component.orderedlayout.HorizontalLayout content =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(lines, close);
        content.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.START);
        n.add(content);
        // long enough to read several lines, closed at once with ✕, and gone as soon as the person's
        // next action succeeds: a refusal must neither outlive the attempt that put it right nor stay
        // over the fields being corrected
        n.setDuration(ERROR_MILLIS);
        n.setPosition(Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
        UI ui = UI.getCurrent();
        if (ui != null) {
            openErrors(ui).add(n);
            n.addOpenedChangeListener(change -> {
                if (!change.isOpened()) {
                    openErrors(ui).remove(n);
                }
            });
        }
    }

    /** The refusals shown in this UI that nobody has closed yet. */
    @SuppressWarnings("unchecked")
    static java.util.List<Notification> openErrors(UI ui) {
        Object held = com.vaadin.flow.component.ComponentUtil.getData(ui, OPEN_ERRORS);
        if (held == null) {
            held = new java.util.ArrayList<Notification>();
            com.vaadin.flow.component.ComponentUtil.setData(ui, OPEN_ERRORS, held);
        }
        return (java.util.List<Notification>) held;
    }

    private static final String OPEN_ERRORS = Notifications.class.getName() + ".openErrors";

    /** How long a refusal stays unless closed or put right. */
    static final int ERROR_MILLIS = 12_000;

    /** Closes the refusals still shown: what was refused has now been done. */
    static void closeErrors() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            new java.util.ArrayList<>(openErrors(ui)).forEach(Notification::close);
            openErrors(ui).clear();
        }
    }

    /**
     * Runs an action of the user's; a refusal is shown in the user's language, and since the
     * services are transactional, nothing of a refused action is saved.
     */
    public static boolean run(Runnable action) {
        Locale locale = UI.getCurrent() == null ? Messages.CHINESE : UI.getCurrent().getLocale();
        try {
            action.run();
            closeErrors();
            return true;
        } catch (UserError refused) {
            error(Messages.describe(locale, refused));
        } catch (AccessDeniedException denied) {
            error(Messages.get(locale, "common.error.forbidden"));
        } catch (RuntimeException unexpected) {
            log.error("Action failed", unexpected);
            error(unexpected(locale, unexpected));
        }
        return false;
    }

    /**
     * What a person is told of a failure that is not a refusal: that the database cannot be reached
     * (the connection was cut, or no new one is accepted; the step's transaction rolled back whole),
     * or else that the action failed. Nothing was saved in either case.
     */
    public static String unexpected(Locale locale, RuntimeException failure) {
        return Messages.get(locale, databaseUnreachable(failure) ? "common.error.databaseUnavailable" : "common.error.unexpected");
    }

    /** A JDBC connection failure (SQL state class 08) or an operator's intervention (57P: backend terminated, server shutting down or starting) anywhere in the causes. */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
            // the platform's JdbcTransactionManager turns a commit's failure into a DataAccessException and then
            // rolls back; on a cut connection the pool has closed the connection by then, and what is thrown is
            // the rollback's failure: a TransactionSystemException of an SQLException without SQL state
            // ("Connection is closed"), the commit's own failure only in the log
            if (t instanceof org.springframework.transaction.TransactionSystemException system
                    && (system.getCause() instanceof java.sql.SQLException sql && sql.getSQLState() == null
                            || system.getOriginalException() != null && system.getOriginalException() != t
                                    && databaseUnreachable(system.getOriginalException()))) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
