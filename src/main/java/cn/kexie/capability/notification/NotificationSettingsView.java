package cn.kexie.capability.notification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** 通知设置: every logged-in user chooses which notifications also come by e-mail. */
@Route("notification-settings")
@PermitAll
public class NotificationSettingsView extends VerticalLayout implements HasDynamicTitle {

    private final Map<NotificationKind, Checkbox> boxes = new EnumMap<>(NotificationKind.class);

    public NotificationSettingsView(NotificationService notifications) {
        setMaxWidth("800px");
        add(new H2(getTranslation("notification.settings.title")));
        if (!notifications.mailConfigured()) {
            add(new Paragraph(getTranslation("notification.settings.mailOff")));
        }
        add(new Paragraph(notifications.myAddress()
                .map(address -> getTranslation("notification.settings.address", address))
                .orElse(getTranslation("notification.settings.noAddress"))));
        add(new Paragraph(getTranslation("notification.settings.intro")));
        notifications.mailChoices().forEach((kind, mailed) -> {
            Checkbox box = new Checkbox(getTranslation("notification.kind." + kind.name()), mailed);
            box.setId("mail-" + kind.name());
            boxes.put(kind, box);
            add(box);
        });
        Button save = new Button(getTranslation("notification.settings.save"), click -> {
            Set<NotificationKind> mailed = EnumSet.noneOf(NotificationKind.class);
            boxes.forEach((kind, box) -> {
                if (box.getValue()) {
                    mailed.add(kind);
                }
            });
            notifications.saveMailChoices(mailed);
            Notification.show(getTranslation("notification.settings.saved"), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.setId("notification-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.settings.title");
    }
}
