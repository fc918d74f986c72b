package cn.kexie.capability.application;

import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The 撤回 and 退回 buttons on an application's page, each only where it applies to the current user
 * now ({@link ApplicationMoves#options}); the service checks again when it is pressed.
 */
@org.springframework.stereotype.Component
class MovesAction implements ApplicationDetailView.DossierAction {

    private final ApplicationMoves moves;

    MovesAction(ApplicationMoves moves) {
        this.moves = moves;
    }

    @Override
    public Optional<Component> create(Application app) {
        ApplicationMoves.Options options = moves.options(app.id());
        if (!options.any()) {
            return Optional.empty();
        }
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setId("dossier-moves");
        buttons.setPadding(false);
        if (options.withdrawSubmission()) {
            Button withdraw = new Button(buttons.getTranslation("moves.withdrawSubmission"));
            withdraw.setId("move-withdraw-submission");
            withdraw.addClickListener(click -> dialog(buttons.getTranslation("moves.withdrawSubmission"),
                    buttons.getTranslation("moves.withdrawSubmission.help"), null,
                    (reason) -> moves.withdrawSubmission(app.id(), reason), "moves.done.withdrawn"));
            buttons.add(withdraw);
        }
        if (options.withdrawableStep() != null) {
            String label = buttons.getTranslation("moves.withdrawStep", options.withdrawableStep());
            Button withdraw = new Button(label);
            withdraw.setId("move-withdraw-step");
            withdraw.addClickListener(click -> dialog(label,
                    buttons.getTranslation("moves.withdrawStep.help", options.withdrawableStep()), null,
                    (reason) -> moves.withdrawStep(app.id(), reason), "moves.done.withdrawn"));
            buttons.add(withdraw);
        }
        if (!options.returnTargets().isEmpty()) {
            Button back = new Button(buttons.getTranslation("moves.returnTo"));
            back.setId("move-return");
            back.addClickListener(click -> {
                Select<ApplicationMoves.Target> target = new Select<>();
                target.setLabel(back.getTranslation("moves.returnTo.target"));
                target.setItems(options.returnTargets());
                target.setItemLabelGenerator(ApplicationMoves.Target::name);
                target.setWidthFull();
                dialog(back.getTranslation("moves.returnTo"), back.getTranslation("moves.returnTo.help"), target,
                        (reason) -> {
                            if (target.getValue() == null) {
                                throw new cn.kexie.capability.common.UserError("moves.error.chooseTarget");
                            }
                            moves.returnTo(app.id(), target.getValue().activityId(), reason);
                        }, "moves.done.returned");
            });
            buttons.add(back);
        }
        return Optional.of(buttons);
    }

    private static void dialog(String title, String help, Select<ApplicationMoves.Target> target, Consumer<String> move,
            String doneKey) {
        Dialog dialog = new Dialog(title);
        dialog.setWidth("34em");
        TextArea reason = new TextArea(dialog.getTranslation("moves.reason"));
        reason.setId("move-reason");
        reason.setMaxLength(ApplicationMoves.MAX_REASON);
        reason.setWidthFull();
        reason.setRequired(true);
        dialog.add(new Paragraph(help));
        if (target != null) {
            dialog.add(target);
        }
        dialog.add(reason);
        Button confirm = new Button(dialog.getTranslation("moves.confirm"), click -> {
            if (Notifications.run(() -> move.accept(reason.getValue()))) {
                dialog.close();
                Notifications.success(dialog.getTranslation(doneKey,
                        target == null || target.getValue() == null ? "" : target.getValue().name()));
                UI.getCurrent().getPage().reload();
            }
        });
        confirm.setId("move-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(dialog.getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }
}
