package cn.kexie.capability.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A refusal does not outlive the attempt that succeeds. */
class NotificationsTest {

    final Messages messages = new Messages();

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void aRefusalClosesWhenTheNextActionSucceeds() {
        UI ui = VaadinTestUi.open(messages);
        assertThat(Notifications.run(() -> {
            throw new UserError("common.error.changedMeanwhile");
        })).isFalse();
        List<Notification> shown = List.copyOf(Notifications.openErrors(ui));
        assertThat(shown).hasSize(1);
        Notification refusal = shown.get(0);
        assertThat(refusal.isOpened()).isTrue();
        assertThat(refusal.getDuration()).as("long enough to read").isEqualTo(Notifications.ERROR_MILLIS);

        // a second refusal joins the first; a successful attempt closes both
        Notifications.run(() -> {
            throw new UserError("common.error.changedMeanwhile");
        });
        assertThat(Notifications.openErrors(ui)).hasSize(2);
        assertThat(Notifications.run(() -> { })).isTrue();
        assertThat(Notifications.openErrors(ui)).isEmpty();
        assertThat(refusal.isOpened()).isFalse();
    }

    @Test
    void aSuccessMessageClosesTheRefusalsToo() {
        UI ui = VaadinTestUi.open(messages);
        Notifications.error("请填写理由。");
        Notification refusal = Notifications.openErrors(ui).get(0);
        Notifications.success("已保存");
        assertThat(refusal.isOpened()).isFalse();
        assertThat(Notifications.openErrors(ui)).isEmpty();
    }
}
