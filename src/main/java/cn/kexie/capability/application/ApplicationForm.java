package cn.kexie.capability.application;

import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 申报书 form (form key {@code platform:application}): the applicant fills it, uploads its
 * materials and submits; a returned application comes back here with the office's reasons.
 */
@org.springframework.stereotype.Component
class ApplicationForm implements TaskForm {

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final DossierPanel dossier;
    private final CurrentUser currentUser;

    ApplicationForm(ApplicationService applications, AttachmentService attachments, DossierPanel dossier,
            CurrentUser currentUser) {
        this.applications = applications;
        this.attachments = attachments;
        this.dossier = dossier;
        this.currentUser = currentUser;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.APPLICATION;
    }

    @Override
    public com.vaadin.flow.component.Component create(WorkItem task, Runnable done) {
        return new Editor(task.applicationId(), done);
    }

    /**
     * The last day of a correction period, in Beijing: the deadline is stored as the instant the
     * period ends (24:00 of its last working day, Asia/Shanghai), which read raw is a UTC time of the
     * previous evening.
     */
    static String lastDayOf(Object deadline) {
        if (deadline == null || String.valueOf(deadline).isBlank()) {
            return "";
        }
        java.time.Instant end = java.time.Instant.parse(String.valueOf(deadline));
        return java.time.LocalDate.ofInstant(end.minusMillis(1), cn.kexie.capability.common.PlatformClock.ZONE).toString();
    }

    /** The editor itself; package-private so that tests can drive its fields. */
    class Editor extends VerticalLayout {

        final long applicationId;
        final TextField title = new TextField();
        final TextArea aims = new TextArea();
        final TextArea content = new TextArea();
        final TextArea schedule = new TextArea();
        final TextArea expectedResults = new TextArea();
        final Grid<Application.BudgetLine> budgetGrid = new Grid<>(Application.BudgetLine.class, false);
        final List<Application.BudgetLine> budget = new ArrayList<>();
        final TextField budgetItem = new TextField();
        final BigDecimalField budgetAmount = new BigDecimalField();
        final TextField budgetNote = new TextField();
        final VerticalLayout files = new VerticalLayout();
        final Map<String, com.vaadin.flow.component.HasValue<?, ?>> declared = new java.util.LinkedHashMap<>();
        final TextField leadName;
        final TextField leadPosition;
        final TextField contactName;
        final TextField contactPhone;
        final com.vaadin.flow.component.datepicker.DatePicker startsOn;
        final com.vaadin.flow.component.datepicker.DatePicker endsOn;
        final BigDecimalField ownFunds;
        final Button save = new Button();
        final Button submit = new Button();
        /** The fields a refused save or submit marks, by the label keys the service's problems cite. */
        final FieldsAtFault atFault = new FieldsAtFault(this);
        private int version;

        Editor(long applicationId, Runnable done) {
            this.applicationId = applicationId;
            setPadding(false);
            Application app = applications.requireOwn(applicationId);
            version = app.version();
            if (ApplicationStatus.RETURNED.is(app.status())) {
                applications.events(applicationId).stream()
                        .filter(e -> "formalReview".equals(e.step()) && ProjectProcess.RETURN.equals(e.outcome()))
                        .reduce((a, b) -> b)
                        .ifPresent(e -> {
                            Paragraph returned = new Paragraph(getTranslation("applicationForm.returned",
                                    e.comment(), lastDayOf(e.data().get("correctionDeadline"))));
                            returned.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
                            add(returned);
                        });
            }
            title.setLabel(getTranslation("application.field.title"));
            title.setMaxLength(ApplicationService.MAX_TITLE);
            title.setRequired(true);
            title.setWidthFull();
            configure(aims, "aims", ApplicationService.MAX_SHORT);
            configure(content, "content", ApplicationService.MAX_CONTENT);
            configure(schedule, "schedule", ApplicationService.MAX_SHORT);
            configure(expectedResults, "expectedResults", ApplicationService.MAX_SHORT);
            content.setMinHeight("12em");
            title.setValue(app.title());
            aims.setValue(nz(app.aims()));
            content.setValue(nz(app.content()));
            schedule.setValue(nz(app.schedule()));
            expectedResults.setValue(nz(app.expectedResults()));
            FormLayout fields = new FormLayout(title, aims, content, schedule, expectedResults);
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
            ProjectParticulars given = applications.particulars(applicationId);
            boolean project = applications.fundsProjects(app);
            leadName = FormFields.text(this, "application.field.leadName", ProjectParticulars.MAX_NAME, true);
            leadPosition = FormFields.text(this, "application.field.leadPosition", ProjectParticulars.MAX_POSITION, false);
            contactName = FormFields.text(this, "application.field.contactName", ProjectParticulars.MAX_NAME, true);
            contactPhone = FormFields.text(this, "application.field.contactPhone", 30, true);
            contactPhone.setHelperText(getTranslation("application.particulars.phoneHelp"));
            startsOn = cn.kexie.capability.common.DateFields.localised(this,
                    new com.vaadin.flow.component.datepicker.DatePicker(getTranslation("application.field.startsOn")));
            endsOn = cn.kexie.capability.common.DateFields.localised(this,
                    new com.vaadin.flow.component.datepicker.DatePicker(getTranslation("application.field.endsOn")));
            startsOn.setRequired(project);
            endsOn.setRequired(project);
            ownFunds = FormFields.yuan(this, "application.field.ownFunds");
            ownFunds.setRequiredIndicatorVisible(false);
            ownFunds.setHelperText(getTranslation("application.particulars.ownFundsHelp"));
            leadName.setValue(nz(given.leadName()));
            leadPosition.setValue(nz(given.leadPosition()));
            contactName.setValue(nz(given.contactName()));
            contactPhone.setValue(nz(given.contactPhone()));
            startsOn.setValue(given.startsOn());
            endsOn.setValue(given.endsOn());
            ownFunds.setValue(given.ownFundsYuan());
            FormLayout particulars = new FormLayout(leadName, leadPosition, contactName, contactPhone);
            if (project) {
                particulars.add(startsOn, endsOn, ownFunds);
            }
            particulars.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            FormLayout declaredFields = new FormLayout();
            for (cn.kexie.capability.programme.DeclaredField field : applications.declaredFields(app)) {
                Object value = app.declared().get(field.name());
                String label = field.label(getLocale()) + (field.required() ? " *" : "");
                switch (field.type()) {
                    case BOOLEAN -> {
                        com.vaadin.flow.component.checkbox.Checkbox box = new com.vaadin.flow.component.checkbox.Checkbox(label);
                        box.setValue(Boolean.TRUE.equals(value));
                        declared.put(field.name(), box);
                        atFault.name(ApplicationService.DECLARED + field.name(), box);
                        declaredFields.add(box);
                    }
                    case INTEGER -> {
                        com.vaadin.flow.component.textfield.IntegerField number = new com.vaadin.flow.component.textfield.IntegerField(label);
                        number.setMin(0);
                        number.setMax(100_000);
                        number.setStepButtonsVisible(true);
                        number.setValue(value instanceof Number n ? n.intValue() : null);
                        declared.put(field.name(), number);
                        atFault.name(ApplicationService.DECLARED + field.name(), number);
                        declaredFields.add(number);
                    }
                    case COUNTY -> {
                        // the counties of the application's city, by name; the value kept is the county's code
                        com.vaadin.flow.component.select.Select<String> county = new com.vaadin.flow.component.select.Select<>();
                        county.setLabel(label);
                        Map<String, String> names = new java.util.LinkedHashMap<>();
                        applications.counties(app).forEach(c -> names.put(c.code(), c.name(getLocale())));
                        county.setItems(names.keySet());
                        county.setItemLabelGenerator(code -> names.getOrDefault(code, ""));
                        county.setEmptySelectionAllowed(true);
                        county.setEmptySelectionCaption(getTranslation("application.declared.chooseCounty"));
                        county.setValue(value instanceof String code && names.containsKey(code) ? code : null);
                        declared.put(field.name(), county);
                        declaredFields.add(county);
                    }
                    case DATE -> {
                        com.vaadin.flow.component.datepicker.DatePicker date = new com.vaadin.flow.component.datepicker.DatePicker(label);
                        date.setMin(java.time.LocalDate.of(1900, 1, 1));
                        date.setMax(java.time.LocalDate.of(2100, 12, 31));
                        cn.kexie.capability.common.DateFields.localised(this, date);
                        date.setValue(ApplicationService.declaredDate(value));
                        declared.put(field.name(), date);
                        declaredFields.add(date);
                    }
                    case TEXT -> {
                        TextField text = new TextField(label);
                        text.setMaxLength(200);
                        text.setValue(value == null ? "" : String.valueOf(value));
                        declared.put(field.name(), text);
                        atFault.name(ApplicationService.DECLARED + field.name(), text);
                        declaredFields.add(text);
                    }
                }
            }

            atFault.name("application.field.title", title);
            atFault.name("application.field.aims", aims);
            atFault.name("application.field.content", content);
            atFault.name("application.field.schedule", schedule);
            atFault.name("application.field.expectedResults", expectedResults);
            atFault.name("application.field.startsOn", startsOn);
            atFault.name("application.field.endsOn", endsOn);
            atFault.name("application.budget.item", budgetItem);

            budget.addAll(app.budget());
            budgetGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
            budgetGrid.addColumn(Application.BudgetLine::item).setHeader(getTranslation("application.budget.item"));
            budgetGrid.addColumn(b -> cn.kexie.capability.common.Yuan.format(b.amountYuan())).setHeader(getTranslation("application.budget.amount"));
            budgetGrid.addColumn(b -> b.note() == null ? "" : b.note()).setHeader(getTranslation("application.budget.note"));
            budgetGrid.addComponentColumn(b -> {
                Button remove = new Button(getTranslation("common.remove"), click -> {
                    budget.remove(b);
                    budgetGrid.setItems(budget);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            });
            budgetGrid.setAllRowsVisible(true);
            budgetGrid.setItems(budget);
            budgetItem.setLabel(getTranslation("application.budget.item"));
            budgetItem.setMaxLength(200);
            budgetAmount.setLabel(getTranslation("application.budget.amount"));
            budgetNote.setLabel(getTranslation("application.budget.note"));
            budgetNote.setMaxLength(500);
            Button addLine = new Button(getTranslation("common.add"), click -> addBudgetLine());
            HorizontalLayout budgetInputs = new HorizontalLayout(budgetItem, budgetAmount, budgetNote, addLine);
            budgetInputs.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

            Upload upload = AttachmentUpload.create(this, (fileName, bytes) -> {
                if (Notifications.run(() -> attachments.store(applicationId, Attachment.Kind.APPLICATION,
                        fileName, bytes, currentUser.requireId()))) {
                    showFiles();
                }
            });
            files.setPadding(false);
            files.setSpacing(false);
            showFiles();

            save.setText(getTranslation("applicationForm.save"));
            save.addClickListener(click -> {
                if (saveDraft()) {
                    Notifications.success(getTranslation("common.saved"));
                }
            });
            submit.setText(getTranslation("applicationForm.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> {
                if (saveDraft() && Notifications.run(marking(() -> applications.submit(applicationId)))) {
                    done.run();
                }
            });
            Paragraph hint = new Paragraph(getTranslation("applicationForm.hint"));
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(dossier.create(applicationId, false), new H3(getTranslation("application.particulars")), particulars,
                    new H3(getTranslation("dossier.applicationForm")), fields);
            if (!declared.isEmpty()) {
                add(new H3(getTranslation("dossier.declared")), declaredFields);
            }
            add(
                    new H3(getTranslation("application.field.budget")), budgetGrid, budgetInputs,
                    new H3(getTranslation("application.attachments")), new Span(getTranslation("applicationForm.files")),
                    files, upload, hint, new HorizontalLayout(save, submit));
        }

        private void configure(TextArea area, String field, int max) {
            area.setLabel(getTranslation("application.field." + field));
            area.setMaxLength(max);
            area.setWidthFull();
            area.setHelperText(getTranslation("applicationForm.max", max));
        }

        void addBudgetLine() {
            if (budgetItem.isEmpty() || budgetAmount.getValue() == null || budgetAmount.getValue().signum() <= 0) {
                Notifications.error(getTranslation("application.error.budgetLine"));
                return;
            }
            budget.add(new Application.BudgetLine(budgetItem.getValue().trim(), budgetAmount.getValue(),
                    budgetNote.isEmpty() ? null : budgetNote.getValue().trim()));
            budgetGrid.setItems(budget);
            budgetItem.clear();
            budgetAmount.clear();
            budgetNote.clear();
        }

        boolean saveDraft() {
            ApplicationDraft draft = new ApplicationDraft();
            draft.setTitle(title.getValue());
            draft.setAims(aims.getValue());
            draft.setContent(content.getValue());
            draft.setSchedule(schedule.getValue());
            draft.setExpectedResults(expectedResults.getValue());
            draft.setBudget(budget);
            draft.setParticulars(new ProjectParticulars(leadName.getValue(), leadPosition.getValue(), contactName.getValue(),
                    contactPhone.getValue(), startsOn.getValue(), endsOn.getValue(), ownFunds.getValue()));
            Map<String, Object> values = new java.util.LinkedHashMap<>(applications.load(applicationId).declared());
            declared.forEach((name, input) -> {
                Object value = input.getValue();
                if (input instanceof com.vaadin.flow.component.textfield.IntegerField number && FormFields.unreadable(number)) {
                    // a number too large to read goes to the service as typed, which refuses it by name
                    value = number.getElement().getProperty("value", "");
                }
                if (value instanceof java.time.LocalDate date) {
                    // kept as ISO text, as the tables read it
                    value = date.toString();
                }
                if (value == null || value instanceof String text && text.isBlank()) {
                    values.remove(name);
                } else {
                    values.put(name, value instanceof String text ? text.trim() : value);
                }
            });
            draft.setDeclared(values);
            return Notifications.run(marking(() -> {
                Application saved = applications.saveDraft(applicationId, version, draft);
                version = saved.version();
            }));
        }

        /** The action, clearing the marks of an earlier refusal first and marking the fields at fault of its own. */
        private Runnable marking(Runnable action) {
            return () -> {
                atFault.clear();
                try {
                    action.run();
                } catch (cn.kexie.capability.common.UserError refused) {
                    atFault.mark(getLocale(), refused);
                    throw refused;
                }
            };
        }

        void showFiles() {
            files.removeAll();
            Application app = applications.requireOwn(applicationId);
            for (Attachment a : attachments.list(applicationId, Attachment.Kind.APPLICATION)) {
                Button remove = new Button(getTranslation("common.remove"), click -> {
                    if (Notifications.run(() -> attachments.delete(applicationId, a.id()))) {
                        showFiles();
                    }
                });
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setEnabled(app.editable());
                HorizontalLayout line = new HorizontalLayout(new Span(a.fileName() + "（" + (a.sizeBytes() / 1024 + 1) + " KB）"), remove);
                line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
                files.add(line);
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
