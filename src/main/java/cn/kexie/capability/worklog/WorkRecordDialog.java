package cn.kexie.capability.worklog;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Adds or changes one work record: the common fields, the facts the chosen type asks for, and
 * evidence files, which are saved with the record in one go (nothing is stored before "save").
 */
class WorkRecordDialog extends Dialog {

    private final WorkRecordService records;
    private final WorkRecord existing;
    private final int year;
    private final Runnable onSaved;

    final Select<Category> type = new Select<>();
    final TextField title = new TextField();
    final DatePicker heldOn = new DatePicker();
    final TextArea description = new TextArea();
    final IntegerField participants = new IntegerField();
    final IntegerField otherProvinces = new IntegerField();
    final IntegerField countries = new IntegerField();
    final Checkbox forums = new Checkbox();
    final Checkbox materials = new Checkbox();
    final Checkbox publicEvent = new Checkbox();
    final Checkbox publishedInJournal = new Checkbox();
    final Checkbox leaderSignedOff = new Checkbox();
    final Checkbox adoptedAsPolicy = new Checkbox();
    final Checkbox problemSolved = new Checkbox();
    final Checkbox specialReport = new Checkbox();
    final Checkbox motionOrProposal = new Checkbox();
    final VerticalLayout exchange = new VerticalLayout();
    final VerticalLayout research = new VerticalLayout();
    /** The facts the chosen type asks for ({@link WorkRecordField}), rebuilt when the type changes. */
    final VerticalLayout facts = new VerticalLayout();
    /** The components of {@link #facts}, by fact name, for reading their values and for tests. */
    final java.util.Map<String, com.vaadin.flow.component.HasValue<?, ?>> factFields = new java.util.LinkedHashMap<>();
    final List<EvidenceFiles.Upload> pending = new ArrayList<>();
    final List<Long> removed = new ArrayList<>();
    private final Div storedFiles = new Div();
    private final Span pendingFiles = new Span();
    final Button save = new Button();

    WorkRecordDialog(WorkRecordService records, List<Category> types, int year, WorkRecord existing, Runnable onSaved) {
        this.records = records;
        this.existing = existing;
        this.year = year;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(existing == null ? "worklog.dialog.new" : "worklog.dialog.edit", String.valueOf(year)));
        setWidth("min(900px, 95vw)");

        type.setLabel(getTranslation("worklog.type"));
        type.setItems(types);
        type.setItemLabelGenerator(c -> c.name(getLocale()));
        type.addValueChangeListener(change -> showSections());
        title.setLabel(getTranslation("worklog.field.title"));
        title.setMaxLength(WorkRecordService.MAX_TITLE);
        title.setRequired(true);
        heldOn.setLabel(getTranslation("worklog.field.heldOn"));
        heldOn.setMin(LocalDate.of(year, 1, 1));
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        LocalDate today = PlatformClock.today();
        heldOn.setMax(lastDay.isAfter(today) ? today : lastDay);
        heldOn.setRequired(true);
        cn.kexie.capability.common.DateFields.localised(this, heldOn);
        description.setLabel(getTranslation("worklog.field.description"));
        description.setMaxLength(WorkRecordService.MAX_DESCRIPTION);
        description.setWidthFull();
        FormLayout common = new FormLayout(type, heldOn, title, description);
        common.setColspan(title, 2);
        common.setColspan(description, 2);

        participants.setLabel(getTranslation("worklog.field.participants"));
        participants.setMin(1);
        participants.setMax(WorkRecordService.MAX_PARTICIPANTS);
        otherProvinces.setLabel(getTranslation("worklog.field.otherProvinces"));
        otherProvinces.setMin(0);
        otherProvinces.setMax(WorkRecordService.MAX_OTHER_PROVINCES);
        otherProvinces.setValue(0);
        countries.setLabel(getTranslation("worklog.field.countries"));
        countries.setMin(1);
        countries.setMax(WorkRecordService.MAX_COUNTRIES);
        countries.setValue(1);
        forums.setLabel(getTranslation("worklog.field.forums"));
        materials.setLabel(getTranslation("worklog.field.materials"));
        publicEvent.setLabel(getTranslation("worklog.field.publicEvent"));
        exchange.setPadding(false);
        exchange.add(new H4(getTranslation("worklog.section.exchange")),
                new FormLayout(participants, otherProvinces, countries), forums, materials, publicEvent);

        publishedInJournal.setLabel(getTranslation("worklog.field.publishedInJournal"));
        leaderSignedOff.setLabel(getTranslation("worklog.field.leaderSignedOff"));
        adoptedAsPolicy.setLabel(getTranslation("worklog.field.adoptedAsPolicy"));
        problemSolved.setLabel(getTranslation("worklog.field.problemSolved"));
        specialReport.setLabel(getTranslation("worklog.field.specialReport"));
        motionOrProposal.setLabel(getTranslation("worklog.field.motionOrProposal"));
        research.setPadding(false);
        research.setSpacing(false);
        research.add(new H4(getTranslation("worklog.section.research")), publishedInJournal, leaderSignedOff,
                adoptedAsPolicy, problemSolved, specialReport, motionOrProposal);

        Paragraph help = new Paragraph(getTranslation("worklog.help.classification"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        facts.setPadding(false);
        facts.setSpacing(false);
        VerticalLayout body = new VerticalLayout(common, exchange, research, facts, files(), help);
        body.setPadding(false);
        add(body);

        if (existing != null) {
            fill(existing);
        }
        showSections();

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    private VerticalLayout files() {
        MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", ".doc", ".docx", ".xls", ".xlsx");
        upload.setMaxFileSize(EvidenceFiles.MAX_BYTES);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("worklog.files.upload"))
                .setMany(getTranslation("worklog.files.upload")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("worklog.files.drop"))
                .setMany(getTranslation("worklog.files.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("worklog.files.tooBig", EvidenceFiles.MAX_BYTES / 1024 / 1024))
                .setIncorrectFileType(getTranslation("worklog.files.wrongType")));
        upload.setI18n(i18n);
        upload.addSucceededListener(event -> {
            try (InputStream in = buffer.getInputStream(event.getFileName())) {
                pending.add(new EvidenceFiles.Upload(event.getFileName(), in.readAllBytes()));
                showPending();
            } catch (IOException e) {
                Notifications.error(getTranslation("common.error.unexpected"));
            }
        });
        upload.addFileRejectedListener(event -> Notifications.error(event.getErrorMessage()));
        upload.addFileRemovedListener(event -> {
            pending.stream().filter(f -> f.fileName().equals(event.getFileName())).findFirst().ifPresent(pending::remove);
            showPending();
        });
        Paragraph hint = new Paragraph(getTranslation("worklog.files.hint", EvidenceFiles.MAX_BYTES / 1024 / 1024,
                EvidenceFiles.MAX_PER_RECORD));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        showStored();
        showPending();
        VerticalLayout section = new VerticalLayout(new H4(getTranslation("worklog.files")), hint, storedFiles, upload,
                pendingFiles);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private void showStored() {
        storedFiles.removeAll();
        if (existing == null) {
            return;
        }
        for (EvidenceFiles.Stored file : records.files(existing.id())) {
            StreamResource resource = new StreamResource(file.fileName(),
                    () -> new ByteArrayInputStream(records.fileContent(existing.id(), file.id())));
            resource.setContentType(file.contentType());
            Anchor link = new Anchor(resource, file.fileName());
            link.getElement().setAttribute("download", true);
            boolean gone = removed.contains(file.id());
            if (gone) {
                link.getStyle().set("text-decoration", "line-through");
            }
            Button toggle = new Button(getTranslation(gone ? "worklog.files.undo" : "worklog.files.remove"), click -> {
                if (removed.contains(file.id())) {
                    removed.remove(file.id());
                } else {
                    removed.add(file.id());
                }
                showStored();
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Span meta = new Span(" " + (file.sizeBytes() / 1024 + 1) + " KB · SHA-256 " + file.sha256().substring(0, 12) + "… ");
            meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            storedFiles.add(new Div(link, meta, toggle));
        }
    }

    private void showPending() {
        pendingFiles.setText(pending.isEmpty() ? "" : getTranslation("worklog.files.pending",
                String.join("、", pending.stream().map(EvidenceFiles.Upload::fileName).toList())));
    }

    private void fill(WorkRecord r) {
        type.getListDataView().getItems().filter(c -> c.code().equals(r.workType())).findFirst().ifPresent(type::setValue);
        title.setValue(r.title());
        heldOn.setValue(r.heldOn());
        description.setValue(r.description() == null ? "" : r.description());
        if (r.participants() != null) {
            participants.setValue(r.participants());
        }
        if (r.otherProvinces() != null) {
            otherProvinces.setValue(r.otherProvinces());
        }
        if (r.countries() != null) {
            countries.setValue(r.countries());
        }
        forums.setValue(Boolean.TRUE.equals(r.forums()));
        materials.setValue(Boolean.TRUE.equals(r.materials()));
        publicEvent.setValue(Boolean.TRUE.equals(r.publicEvent()));
        publishedInJournal.setValue(Boolean.TRUE.equals(r.publishedInJournal()));
        leaderSignedOff.setValue(Boolean.TRUE.equals(r.leaderSignedOff()));
        adoptedAsPolicy.setValue(Boolean.TRUE.equals(r.adoptedAsPolicy()));
        problemSolved.setValue(Boolean.TRUE.equals(r.problemSolved()));
        specialReport.setValue(Boolean.TRUE.equals(r.specialReport()));
        motionOrProposal.setValue(Boolean.TRUE.equals(r.motionOrProposal()));
    }

    private void showSections() {
        String code = type.getValue() == null ? null : type.getValue().code();
        exchange.setVisible(WorkClassifier.ACADEMIC_EXCHANGE.equals(code));
        research.setVisible(WorkClassifier.RESEARCH_ADVICE.equals(code));
        showFacts(code);
    }

    /** The type's own facts: a box, a number or a choice each, filled from the record being changed. */
    private void showFacts(String code) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        factFields.forEach((name, field) -> values.put(name, field.getValue()));
        if (existing != null && existing.workType().equals(code)) {
            existing.facts().forEach(values::putIfAbsent);
        }
        facts.removeAll();
        factFields.clear();
        List<WorkRecordField> fields = code == null ? List.of() : records.myFields(code);
        if (fields.isEmpty()) {
            facts.setVisible(false);
            return;
        }
        FormLayout numbers = new FormLayout();
        VerticalLayout boxes = new VerticalLayout();
        boxes.setPadding(false);
        boxes.setSpacing(false);
        for (WorkRecordField field : fields) {
            Object value = values.get(field.name());
            String label = field.label(getLocale());
            switch (field.type()) {
                case BOOLEAN -> {
                    Checkbox box = new Checkbox(label, Boolean.TRUE.equals(value));
                    factFields.put(field.name(), box);
                    boxes.add(box);
                }
                case INTEGER -> {
                    IntegerField number = new IntegerField(label);
                    if (field.min() != null) {
                        number.setMin(field.min());
                    }
                    if (field.max() != null) {
                        number.setMax(field.max());
                    }
                    number.setRequiredIndicatorVisible(field.required());
                    if (value instanceof Number n) {
                        number.setValue(n.intValue());
                    }
                    factFields.put(field.name(), number);
                    numbers.add(number);
                    // the seed's wording is long: the whole row, so that the label is not cut
                    numbers.setColspan(number, 2);
                }
                case CHOICE -> {
                    Select<String> choice = new Select<>();
                    choice.setLabel(label);
                    choice.setItems(field.choices().stream().map(WorkRecordField.Choice::code).toList());
                    choice.setItemLabelGenerator(c -> field.choice(c).map(x -> x.label(getLocale())).orElse(c));
                    choice.setRequiredIndicatorVisible(field.required());
                    if (value != null && field.choice(value).isPresent()) {
                        choice.setValue(String.valueOf(value));
                    }
                    factFields.put(field.name(), choice);
                    numbers.add(choice);
                }
            }
        }
        facts.add(new H4(getTranslation("worklog.section.facts")), numbers, boxes);
        facts.setVisible(true);
    }

    WorkRecordDraft draft() {
        WorkRecordDraft d = existing == null ? new WorkRecordDraft() : WorkRecordDraft.of(existing);
        d.setYear(year);
        d.setWorkType(type.getValue() == null ? null : type.getValue().code());
        d.setTitle(title.getValue());
        d.setHeldOn(heldOn.getValue());
        d.setDescription(description.getValue());
        d.exchange(participants.getValue(), otherProvinces.getValue(), countries.getValue(), forums.getValue(),
                materials.getValue(), publicEvent.getValue());
        d.setPublishedInJournal(publishedInJournal.getValue());
        d.setLeaderSignedOff(leaderSignedOff.getValue());
        d.setAdoptedAsPolicy(adoptedAsPolicy.getValue());
        d.setProblemSolved(problemSolved.getValue());
        d.setSpecialReport(specialReport.getValue());
        d.setMotionOrProposal(motionOrProposal.getValue());
        d.getFacts().clear();
        factFields.forEach((name, field) -> d.fact(name, field.getValue()));
        return d;
    }

    void save() {
        AtomicReference<WorkRecord> saved = new AtomicReference<>();
        if (Notifications.run(() -> saved.set(records.save(draft(), List.copyOf(pending), List.copyOf(removed))))) {
            Notifications.success(getTranslation("worklog.saved", WorkRecordGrid.classLabel(this, saved.get().workClass())));
            close();
            onSaved.run();
        }
    }
}
