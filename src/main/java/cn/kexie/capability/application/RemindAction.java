package cn.kexie.capability.application;

import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.TaskMoves;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * 催办 on a dossier's page: the programme office reminds whoever holds a waiting step of the
 * application (or, while nobody has claimed it, the group it is offered to). {@link TaskMoves}
 * checks the role and the city again.
 */
@org.springframework.stereotype.Component
class RemindAction implements ApplicationDetailView.DossierAction {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(cn.kexie.capability.common.PlatformClock.ZONE);

    private final TaskMoves moves;

    RemindAction(TaskMoves moves) {
        this.moves = moves;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(Application app) {
        List<TaskMoves.Waiting> waiting = moves.waiting(app.processInstanceId());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Button remind = new Button();
        remind.setText(remind.getTranslation("task.remind"));
        remind.setId("dossier-remind");
        remind.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        remind.addClickListener(click -> dialog(remind, waiting).open());
        return Optional.of(remind);
    }

    private Dialog dialog(com.vaadin.flow.component.Component ui, List<TaskMoves.Waiting> waiting) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(ui.getTranslation("task.remind"));
        ComboBox<TaskMoves.Waiting> task = new ComboBox<>(ui.getTranslation("task.remind.task"));
        task.setItems(waiting);
        task.setItemLabelGenerator(w -> label(ui, w));
        task.setWidthFull();
        task.setValue(waiting.get(0));
        task.setId("remind-task");
        TextArea note = new TextArea(ui.getTranslation("task.remind.note"));
        note.setWidthFull();
        note.setMaxLength(500);
        note.setId("remind-note");
        VerticalLayout body = new VerticalLayout(task, note);
        body.setPadding(false);
        body.setWidth("30em");
        dialog.add(body);
        Button send = new Button(ui.getTranslation("task.remind.send"), click -> {
            String taskId = task.getValue() == null ? null : task.getValue().taskId();
            if (Notifications.run(() -> moves.remind(taskId, note.getValue()))) {
                dialog.close();
                Notifications.success(ui.getTranslation("task.remind.sent"));
            }
        });
        send.setId("remind-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.getTranslation("common.cancel"), click -> dialog.close()), send);
        return dialog;
    }

    static String label(com.vaadin.flow.component.Component ui, TaskMoves.Waiting w) {
        String holder = w.holder() != null ? w.holder()
                : ui.getTranslation("task.group." + (Roles.isOrganisationGroup(w.group()) ? "applicant" : w.group()));
        if (holder.startsWith("task.group.")) {
            holder = w.group();
        }
        String due = w.due() == null ? "" : ui.getTranslation("task.remind.due", DAY.format(w.due().toInstant().minusMillis(1)));
        return w.step() + " — " + holder + due;
    }
}
