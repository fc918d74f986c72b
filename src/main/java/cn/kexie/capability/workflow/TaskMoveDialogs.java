package cn.kexie.capability.workflow;

import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;

/**
 * The task page's moves: 转办, 委派 and 退回任务池 / 谢绝任务 for the holder, 交回 for a delegate,
 * 更换专家 for the office on a declined task. Each asks who and why, and calls {@link TaskMoves},
 * which checks everything again on the server.
 */
class TaskMoveDialogs {

    private final TaskMoves moves;

    TaskMoveDialogs(TaskMoves moves) {
        this.moves = moves;
    }

    void addButtons(HorizontalLayout toolbar, WorkItem task, TaskMoves.State state, Runnable after) {
        if (state.mayTransfer()) {
            Button transfer = new Button(toolbar.getTranslation("task.move.transfer"),
                    click -> personDialog(toolbar, task, "task.move.transfer", "task.move.transferHint",
                            (to, reason) -> moves.transfer(task.id(), to, reason), after).open());
            transfer.setId("task-transfer");
            Button delegate = new Button(toolbar.getTranslation("task.move.delegate"),
                    click -> personDialog(toolbar, task, "task.move.delegate", "task.move.delegateHint",
                            (to, reason) -> moves.delegate(task.id(), to, reason), after).open());
            delegate.setId("task-delegate");
            transfer.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            delegate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            toolbar.add(transfer, delegate);
        }
        if (state.mayRelease()) {
            // a task with a candidate group goes back to it; one the diagram gave to me alone is declined
            String label = state.mayTransfer() ? "task.release" : "task.move.decline";
            Button release = new Button(toolbar.getTranslation(label), click -> reasonDialog(toolbar, label,
                    state.mayTransfer() ? "task.move.releaseHint" : "task.move.declineHint",
                    reason -> moves.release(task.id(), reason), after).open());
            release.setId("task-release");
            release.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            toolbar.add(release);
        }
    }

    /** A delegate's page: its comment, then back to whoever delegated the task. */
    Component resolvePanel(WorkItem task, TaskMoves.State state, Runnable after) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.add(new Paragraph(panel.getTranslation("task.move.delegatedToYou", state.delegatedBy())));
        TextArea comment = new TextArea(panel.getTranslation("task.move.resolveComment"));
        comment.setWidthFull();
        comment.setMaxLength(TaskMoves.MAX_REASON);
        comment.setId("task-resolve-comment");
        Button resolve = new Button(panel.getTranslation("task.move.resolve"), click -> {
            if (Notifications.run(() -> moves.resolve(task.id(), comment.getValue()))) {
                Notifications.success(panel.getTranslation("task.move.done.resolve"));
                after.run();
            }
        });
        resolve.setId("task-resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        panel.add(comment, resolve);
        return panel;
    }

    /** The office's page for a task an expert declined: who takes it over, and why. */
    Component replacePanel(WorkItem task, Runnable after) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.add(new Paragraph(panel.getTranslation("task.move.declinedInfo")));
        ComboBox<TaskMoves.Person> person = new ComboBox<>(panel.getTranslation("task.move.replacement"));
        List<TaskMoves.Person> people = moves.replacements(task.id());
        person.setItems(people);
        person.setItemLabelGenerator(TaskMoves.Person::name);
        person.setWidth("20em");
        person.setId("task-replacement");
        TextArea reason = new TextArea(panel.getTranslation("task.move.reason"));
        reason.setWidthFull();
        reason.setMaxLength(TaskMoves.MAX_REASON);
        Button replace = new Button(panel.getTranslation("task.move.replace"), click -> {
            String to = person.getValue() == null ? null : person.getValue().userId();
            if (Notifications.run(() -> moves.replace(task.id(), to, reason.getValue()))) {
                Notifications.success(panel.getTranslation("task.move.done.replace"));
                after.run();
            }
        });
        replace.setId("task-replace");
        replace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        panel.add(person, reason, replace);
        return panel;
    }

    interface PersonMove {
        void move(String to, String reason);
    }

    interface ReasonMove {
        void move(String reason);
    }

    private Dialog personDialog(Component ui, WorkItem task, String titleKey, String hintKey, PersonMove move, Runnable after) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(ui.getTranslation(titleKey));
        ComboBox<TaskMoves.Person> person = new ComboBox<>(ui.getTranslation("task.move.to"));
        person.setItems(moves.colleagues(task.id()));
        person.setItemLabelGenerator(p -> p.name() + "（" + p.userId() + "）");
        person.setWidthFull();
        person.setId("task-move-person");
        TextArea reason = new TextArea(ui.getTranslation("task.move.reason"));
        reason.setWidthFull();
        reason.setMaxLength(TaskMoves.MAX_REASON);
        reason.setId("task-move-reason");
        VerticalLayout body = new VerticalLayout(new Paragraph(ui.getTranslation(hintKey)), person, reason);
        body.setPadding(false);
        body.setWidth("28em");
        dialog.add(body);
        Button ok = new Button(ui.getTranslation("task.move.confirm"), click -> {
            String to = person.getValue() == null ? null : person.getValue().userId();
            if (Notifications.run(() -> move.move(to, reason.getValue()))) {
                dialog.close();
                Notifications.success(ui.getTranslation("task.move.done"));
                after.run();
            }
        });
        ok.setId("task-move-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.getTranslation("task.move.cancel"), click -> dialog.close()), ok);
        return dialog;
    }

    private Dialog reasonDialog(Component ui, String titleKey, String hintKey, ReasonMove move, Runnable after) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(ui.getTranslation(titleKey));
        TextArea reason = new TextArea(ui.getTranslation("task.move.reason"));
        reason.setWidthFull();
        reason.setMaxLength(TaskMoves.MAX_REASON);
        reason.setId("task-move-reason");
        VerticalLayout body = new VerticalLayout(new Paragraph(ui.getTranslation(hintKey)), reason);
        body.setPadding(false);
        body.setWidth("28em");
        dialog.add(body);
        Button ok = new Button(ui.getTranslation("task.move.confirm"), click -> {
            if (Notifications.run(() -> move.move(reason.getValue()))) {
                dialog.close();
                Notifications.success(ui.getTranslation("task.move.done"));
                after.run();
            }
        });
        ok.setId("task-move-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.getTranslation("task.move.cancel"), click -> dialog.close()), ok);
        return dialog;
    }
}
