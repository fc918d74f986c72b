package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.DossierSection;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The panel on the dossier, for the programme office of the application's city only ({@link
 * PanelDraw#panel}): how it was chosen, each expert and where his sheet stands, with 重新抽取 for one
 * who declined and 逾期更换 for one late beyond the review rules' days. Nobody else sees the names.
 */
@org.springframework.stereotype.Component
class PanelOnDossier implements DossierSection {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(PlatformClock.ZONE);

    private final PanelDraw draws;

    PanelOnDossier(PanelDraw draws) {
        this.draws = draws;
    }

    @Override
    public Optional<Component> create(Component ui, Application app) {
        Optional<PanelDraw.Panel> found = draws.panel(app);
        if (found.isEmpty() || found.get().seats().isEmpty()) {
            return Optional.empty();
        }
        PanelDraw.Panel panel = found.get();
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setWidthFull();
        if (panel.method() != null) {
            String how = ui.getTranslation(ReviewService.PanelMethod.RANDOM.name().equals(panel.method())
                    ? "form.assignPanel.random" : "form.assignPanel.manual")
                    + (panel.specialties().isEmpty() ? "" : "（" + String.join("、", panel.specialties()) + "）");
            content.add(new Paragraph(ui.getTranslation("review.panel.method", how) + " "
                    + ui.getTranslation("review.panel.replaceAfter", String.valueOf(panel.replaceAfterDays()))));
        }
        Grid<PanelDraw.Seat> grid = new Grid<>(PanelDraw.Seat.class, false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(PanelDraw.Seat::expertName).setHeader(ui.getTranslation("review.panel.expert")).setAutoWidth(true);
        grid.addColumn(seat -> ui.getTranslation("review.panel.state." + seat.state().name().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(ui.getTranslation("review.panel.state")).setAutoWidth(true);
        grid.addColumn(seat -> seat.due() == null ? "" : DAY.format(seat.due().toInstant()))
                .setHeader(ui.getTranslation("review.panel.due")).setAutoWidth(true);
        grid.addComponentColumn(seat -> {
            if (seat.state() == PanelDraw.State.DECLINED) {
                return action(ui, "review.panel.redraw", seat, false);
            }
            if (draws.replaceableNow(seat)) {
                return action(ui, "review.panel.replaceOverdue", seat, true);
            }
            return new Div();
        }).setAutoWidth(true);
        grid.setItems(panel.seats());
        content.add(grid);
        Details details = new Details(ui.getTranslation("review.panel.title", String.valueOf(panel.seats().size())), content);
        details.setId("dossier-panel");
        details.setWidthFull();
        details.setOpened(panel.seats().stream().anyMatch(s -> s.state() == PanelDraw.State.DECLINED || draws.replaceableNow(s)));
        return Optional.of(details);
    }

    private Button action(Component ui, String key, PanelDraw.Seat seat, boolean overdue) {
        Button button = new Button(ui.getTranslation(key), click -> confirm(ui, key, seat, overdue));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId((overdue ? "replace-overdue-" : "redraw-") + seat.expertId());
        return button;
    }

    /** Asks for the reason, then draws; the page reloads to show the new panel. */
    private void confirm(Component ui, String key, PanelDraw.Seat seat, boolean overdue) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(ui.getTranslation(key) + "：" + seat.expertName());
        TextField reason = new TextField(ui.getTranslation("review.panel.reason"));
        reason.setValue(ui.getTranslation("review.draw.reason"));
        reason.setWidthFull();
        Div problems = new Div();
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        dialog.add(reason, problems);
        Button ok = new Button(ui.getTranslation("review.panel.confirm"), click -> {
            try {
                String drawn = overdue ? draws.replaceOverdue(seat.taskId(), reason.getValue())
                        : draws.redraw(seat.taskId(), reason.getValue());
                dialog.close();
                Notifications.success(ui.getTranslation("review.panel.redrawn"));
                UI.getCurrent().getPage().reload();
            } catch (UserError refused) {
                problems.setText(Messages.describe(UI.getCurrent().getLocale(), refused));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new HorizontalLayout(new Button(ui.getTranslation("common.cancel"), c -> dialog.close()), ok));
        dialog.open();
    }
}
