package cn.kexie.capability.notification;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.ui.HeaderItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import java.time.format.DateTimeFormatter;

/**
 * The bell in the header: the count of my unread notifications, and on a click the list of my newest
 * ones (Beijing times); a click on one marks it read and opens its task or dossier. 全部已读 marks
 * them all read; 通知设置 opens the choice of e-mails.
 */
@org.springframework.stereotype.Component
class NotificationBell implements HeaderItem {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final NotificationService notifications;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new Bell(notifications);
    }

    /** One layout's bell. */
    static final class Bell extends Div implements AfterNavigationObserver {

        private final NotificationService notifications;
        private final Button button = new Button(VaadinIcon.BELL.create());
        private final Span badge = new Span();

        Bell(NotificationService notifications) {
            this.notifications = notifications;
            setId("notification-bell");
            getStyle().set("position", "relative").set("display", "inline-flex");
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            button.setAriaLabel(getTranslation("notification.bell"));
            button.setTooltipText(getTranslation("notification.bell"));
            button.addClickListener(click -> open());
            badge.setId("notification-unread");
            badge.getElement().getThemeList().add("badge error primary small pill");
            badge.getStyle().set("position", "absolute").set("top", "0").set("right", "0")
                    .set("pointer-events", "none");
            add(button, badge);
            refresh();
        }

        long unread() {
            return notifications.unreadCount();
        }

        void refresh() {
            long unread = unread();
            badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
            badge.setVisible(unread > 0);
            button.setTooltipText(unread > 0 ? getTranslation("notification.bell.unread", unread)
                    : getTranslation("notification.bell"));
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            refresh();
        }

        Dialog open() {
            Dialog dialog = new Dialog();
            dialog.setId("notification-dialog");
            dialog.setHeaderTitle(getTranslation("notification.title"));
            dialog.setWidth("560px");
            VerticalLayout list = new VerticalLayout();
            list.setPadding(false);
            list.setSpacing(false);
            fill(list, dialog);
            dialog.add(list);
            Button allRead = new Button(getTranslation("notification.markAllRead"), click -> {
                notifications.markAllRead();
                fill(list, dialog);
                refresh();
            });
            allRead.setId("notification-all-read");
            Button settings = new Button(getTranslation("notification.openSettings"), click -> {
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(NotificationSettingsView.class));
            });
            settings.setId("notification-settings");
            Button close = new Button(getTranslation("notification.close"), click -> dialog.close());
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().add(settings, allRead, close);
            dialog.open();
            return dialog;
        }

        private void fill(VerticalLayout list, Dialog dialog) {
            list.removeAll();
            var mine = notifications.mine(getLocale());
            if (mine.isEmpty()) {
                list.add(new Span(getTranslation("notification.none")));
                return;
            }
            for (NotificationService.Notification n : mine) {
                Div item = new Div();
                item.addClassName("notification-item");
                Span text = new Span(n.text());
                Span when = new Span(WHEN.format(n.createdAt()));
                when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                item.add(text, new Div(when));
                item.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("cursor", "pointer")
                        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("width", "100%")
                        .set("box-sizing", "border-box");
                if (!n.read()) {
                    text.getStyle().set("font-weight", "600");
                    item.getStyle().set("background", "var(--lumo-primary-color-10pct)");
                }
                item.addClickListener(click -> {
                    notifications.markRead(n.id());
                    dialog.close();
                    refresh();
                    if (n.link() != null) {
                        getUI().ifPresent(ui -> ui.navigate(n.link()));
                    }
                });
                list.add(item);
            }
        }
    }
}
