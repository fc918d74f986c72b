package cn.kexie.capability.application;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The dossier of an application as every task form and the detail view show it: the 申报书, the
 * budget, the attachments (downloadable), the sections other features add ({@link DossierSection}: the
 * money), and the history with reasons and comments. Reading access is checked by {@link ApplicationService#get}.
 */
@org.springframework.stereotype.Component
public class DossierPanel {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final ProgrammeCatalogue catalogue;
    private final List<DossierSection> sections;
    private final DossierAccess access;
    private final ProcessProgressService progress;

    DossierPanel(ApplicationService applications, AttachmentService attachments, ProgrammeCatalogue catalogue,
            List<DossierSection> sections, DossierAccess access, ProcessProgressService progress) {
        this.access = access;
        this.progress = progress;
        this.applications = applications;
        this.attachments = attachments;
        this.catalogue = catalogue;
        this.sections = List.copyOf(sections);
    }

    /** The whole dossier; {@code open} shows the 申报书 unfolded. */
    public VerticalLayout create(long applicationId, boolean open) {
        Application app = applications.get(applicationId);
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.addClassName("dossier");
        panel.add(summary(panel, app));
        Details form = new Details(panel.getTranslation("dossier.applicationForm"), applicationForm(panel, app));
        form.setOpened(open);
        panel.add(form);
        panel.add(new Details(panel.getTranslation("application.attachments") + "（" + attachments.list(app.id()).size() + "）",
                attachmentList(panel, app)));
        for (DossierSection section : sections) {
            section.create(panel, app).ifPresent(panel::add);
        }
        Details history = new Details(panel.getTranslation("application.history"), history(panel, app));
        panel.add(history);
        // a folded section is as wide as the page, not as its content: the history grid squeezed to ~300 px
        panel.getChildren().filter(Details.class::isInstance).map(Details.class::cast).forEach(Details::setWidthFull);
        return panel;
    }

    /**
     * "Where it stands": the diagram of the application's process with the path taken and the current
     * steps, unfolded, for everyone who may read the dossier, applicants included (checked again by
     * {@link ProcessProgressService}); empty when the application has no process.
     */
    public java.util.Optional<Component> whereItStands(Component ui, long applicationId) {
        return progress.progress(applicationId).map(where -> {
            cn.kexie.capability.workflow.ProcessDiagram diagram = new cn.kexie.capability.workflow.ProcessDiagram();
            diagram.setId("process-diagram");
            diagram.show(where.xml(), where.completed(), where.active(), where.taken());
            Details details = new Details(ui.getTranslation("diagram.title"), diagram);
            details.setOpened(true);
            details.setWidthFull();
            return details;
        });
    }

    private Component summary(Component ui, Application app) {
        Div box = new Div();
        box.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "0.2em 1em");
        java.util.Locale locale = java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()).map(com.vaadin.flow.component.UI::getLocale)
                .orElse(cn.kexie.capability.common.Messages.CHINESE);
        String programme = catalogue.programme(app.programmeCode()).map(p -> p.name(locale)).orElse(app.programmeCode());
        String category = catalogue.category(app.programmeCode(), app.categoryCode()).map(c -> c.name(locale))
                .orElse(app.categoryCode());
        row(box, ui.getTranslation("application.number"), app.number());
        row(box, ui.getTranslation("application.field.title"), app.title());
        row(box, ui.getTranslation("application.organisation"), app.organisationName());
        row(box, ui.getTranslation("application.programme"), programme + " · " + app.callYear());
        row(box, ui.getTranslation("application.category"), category);
        row(box, ui.getTranslation("application.status"), statusLabel(ui, app.status()));
        if (app.panelScore() != null) {
            row(box, ui.getTranslation("application.panelScore"), app.panelScore().toPlainString());
        }
        return box;
    }

    private static void row(Div box, String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        box.add(l, new Span(value == null ? "" : value));
    }

    public static String statusLabel(Component ui, String status) {
        return ApplicationStatus.of(status).map(s -> ui.getTranslation("status." + s.name())).orElse(status == null ? "" : status);
    }

    private Component applicationForm(Component ui, Application app) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        ProjectParticulars p = applications.particulars(app.id());
        Div cover = new Div();
        cover.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "0.25em 1em");
        row(cover, ui.getTranslation("application.field.leadName"), join(p.leadName(), p.leadPosition()));
        row(cover, ui.getTranslation("application.field.contactName"), join(p.contactName(), p.contactPhone()));
        if (p.startsOn() != null || p.endsOn() != null) {
            row(cover, ui.getTranslation("application.field.period"),
                    day(p.startsOn()) + " 至 " + day(p.endsOn()));
        }
        row(cover, ui.getTranslation("application.particulars.requested"), cn.kexie.capability.common.Yuan.format(app.totalBudget()));
        if (p.ownFundsYuan() != null) {
            row(cover, ui.getTranslation("application.field.ownFunds"), cn.kexie.capability.common.Yuan.format(p.ownFundsYuan()));
        }
        form.add(cover);
        for (String[] field : new String[][] {{"aims", app.aims()}, {"content", app.content()},
                {"schedule", app.schedule()}, {"expectedResults", app.expectedResults()}}) {
            H3 heading = new H3(ui.getTranslation("application.field." + field[0]));
            heading.getStyle().set("font-size", "var(--lumo-font-size-m)").set("margin", "0.5em 0 0");
            Paragraph text = new Paragraph(field[1] == null || field[1].isBlank() ? "—" : field[1]);
            text.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            form.add(heading, text);
        }
        Grid<Application.BudgetLine> budget = new Grid<>(Application.BudgetLine.class, false);
        budget.addThemeVariants(GridVariant.LUMO_COMPACT);
        budget.addColumn(Application.BudgetLine::item).setHeader(ui.getTranslation("application.budget.item"))
                .setFooter(ui.getTranslation("application.budget.total"));
        budget.addColumn(b -> cn.kexie.capability.common.Yuan.format(b.amountYuan())).setHeader(ui.getTranslation("application.budget.amount"))
                .setFooter(cn.kexie.capability.common.Yuan.format(app.totalBudget()));
        budget.addColumn(b -> b.note() == null ? "" : b.note()).setHeader(ui.getTranslation("application.budget.note"));
        budget.setItems(app.budget());
        budget.setAllRowsVisible(true);
        form.add(new H3(ui.getTranslation("application.field.budget")), budget);
        if (!app.declared().isEmpty()) {
            form.add(new H3(ui.getTranslation("dossier.declared")));
            // the form's labels from the catalogue (programme_declared_field), so no field name shows
            Map<String, cn.kexie.capability.programme.DeclaredField> fields = new java.util.HashMap<>();
            catalogue.declaredFields(app.programmeCode(), app.categoryCode()).forEach(f -> fields.put(f.name(), f));
            app.declared().forEach((k, v) -> form.add(new Paragraph(declaredLabel(ui, fields.get(k), k) + "："
                    + declaredValue(ui, applications.declaredForReading(fields.get(k), v, com.vaadin.flow.component.UI.getCurrent() == null ? Messages.CHINESE : com.vaadin.flow.component.UI.getCurrent().getLocale())))));
        }
        return form;
    }

    private static String day(java.time.LocalDate d) {
        return d == null ? "—" : d.toString();
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second == null ? "—" : second;
        }
        return second == null ? first : first + "（" + second + "）";
    }

    static String declaredLabel(Component ui, cn.kexie.capability.programme.DeclaredField field, String key) {
        if (field != null) {
            com.vaadin.flow.component.UI current = com.vaadin.flow.component.UI.getCurrent();
            return field.label(current == null ? Messages.CHINESE : current.getLocale());
        }
        String label = ui.getTranslation("declared." + key);
        return label.startsWith("declared.") ? key : label;
    }

    static String declaredValue(Component ui, Object value) {
        if (value instanceof Boolean yes) {
            return ui.getTranslation(yes ? "common.yes" : "common.no");
        }
        return value == null ? "—" : String.valueOf(value);
    }

    /** The dossier's files as download links. */
    public Component attachmentList(Component ui, Application app) {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        List<Attachment> files = attachments.list(app.id());
        if (files.isEmpty()) {
            list.add(new Span("—"));
        }
        for (Attachment a : files) {
            StreamResource resource = new StreamResource(a.fileName(),
                    () -> new ByteArrayInputStream(downloadChecked(app.id(), a.id())));
            resource.setContentType(a.contentType());
            Anchor link = new Anchor(resource, a.fileName());
            link.getElement().setAttribute("download", true);
            Span meta = new Span("  " + ui.getTranslation("attachment.kind." + a.kind().name()) + " · "
                    + (a.sizeBytes() / 1024 + 1) + " KB · " + MINUTE.format(a.uploadedAt()) + " · SHA-256 "
                    + a.sha256().substring(0, 12) + "…");
            meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            list.add(new Div(link, meta));
        }
        return list;
    }

    private byte[] downloadChecked(long applicationId, long attachmentId) {
        applications.get(applicationId);
        return attachments.content(applicationId, attachmentId);
    }

    private Component history(Component ui, Application app) {
        Grid<ApplicationEvent> grid = new Grid<>(ApplicationEvent.class, false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> MINUTE.format(e.at())).setHeader(ui.getTranslation("dossier.when")).setAutoWidth(true);
        List<ApplicationEvent> events = applications.events(app.id());
        Map<String, String> names = access.names(events);
        grid.addColumn(e -> stepLabel(ui, e, names)).setHeader(ui.getTranslation("dossier.step")).setAutoWidth(true);
        grid.addColumn(e -> who(ui, e, names)).setHeader(ui.getTranslation("dossier.who")).setAutoWidth(true);
        grid.addColumn(e -> e.comment() == null ? "" : e.comment()).setHeader(ui.getTranslation("dossier.comment")).setFlexGrow(1);
        grid.setItems(events);
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** Who made the entry, by name: the platform itself for an automatic step, blank where withheld. */
    static String who(Component ui, ApplicationEvent e, Map<String, String> names) {
        return e.automatic() ? ui.getTranslation("dossier.who.automatic") : names.getOrDefault(e.userId(), e.userId());
    }

    /** The step's label, a move's colleague (转办 or 委派 to a user) by name rather than login id. */
    static String stepLabel(Component ui, ApplicationEvent e, Map<String, String> names) {
        String label = stepLabel(ui, e);
        Object to = e.data().get("to");
        if (e.outcome() != null && e.outcome().equals(to) && names.containsKey(e.outcome())) {
            String suffix = "：" + e.outcome();
            if (label.endsWith(suffix)) {
                return label.substring(0, label.length() - suffix.length()) + "：" + names.get(e.outcome());
            }
        }
        return label;
    }

    static String stepLabel(Component ui, ApplicationEvent e) {
        String label = plainStepLabel(ui, e);
        return Boolean.TRUE.equals(e.data().get(ApplicationRepository.WITHDRAWN))
                ? label + ui.getTranslation("moves.withdrawnMark") : label;
    }

    private static String plainStepLabel(Component ui, ApplicationEvent e) {
        if ("status".equals(e.step())) {
            return ui.getTranslation("dossier.statusChanged", statusLabel(ui, e.outcome()));
        }
        String step = ui.getTranslation("step." + e.step());
        if (step.startsWith("step.")) {
            step = e.step();
        }
        if (e.outcome() == null) {
            return step;
        }
        String outcome = ui.getTranslation("outcome." + e.outcome());
        return step + "：" + (outcome.startsWith("outcome.") ? e.outcome() : outcome);
    }
}
