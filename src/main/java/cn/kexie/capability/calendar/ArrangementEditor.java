package cn.kexie.capability.calendar;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Enter or import one year's arrangement: paste or upload a holiday-cn JSON file, or enter the days
 * one by one. Saving checks everything and stores all of it or nothing.
 */
class ArrangementEditor extends VerticalLayout {

    /** Fired after a year's arrangement was saved. */
    static class SavedEvent extends ComponentEvent<ArrangementEditor> {
        private final int year;

        SavedEvent(ArrangementEditor source, int year) {
            super(source, false);
            this.year = year;
        }

        int year() {
            return year;
        }
    }

    private final WorkingCalendarService service;

    final IntegerField year = new IntegerField();
    final Checkbox replace = new Checkbox();
    final TextArea json = new TextArea();
    final Button importJson = new Button();
    final DatePicker date = new DatePicker();
    final Select<DayKind> kind = new Select<>();
    final TextField name = new TextField();
    final Button addDay = new Button();
    final Grid<CalendarDay> draftGrid = new Grid<>();
    final TextArea papers = new TextArea();
    final Button saveDays = new Button();
    final Div problems = new Div();
    private final List<CalendarDay> draft = new ArrayList<>();

    ArrangementEditor(WorkingCalendarService service, int suggestedYear) {
        this.service = service;
        setPadding(false);

        year.setId("calendar-edit-year");
        year.setLabel(getTranslation("calendar.edit.year"));
        year.setMin(ArrangementRules.FIRST_YEAR);
        year.setMax(ArrangementRules.LAST_YEAR);
        year.setStepButtonsVisible(true);
        year.setValue(suggestedYear);
        replace.setId("calendar-edit-replace");
        replace.setLabel(getTranslation("calendar.edit.replace"));
        Button loadExisting = new Button(getTranslation("calendar.edit.loadExisting"), click -> loadExisting());
        loadExisting.setId("calendar-edit-load");
        HorizontalLayout yearRow = new HorizontalLayout(year, replace, loadExisting);
        yearRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        problems.setId("calendar-edit-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");

        add(yearRow, problems, importSection(), entrySection());
    }

    Registration addSavedListener(ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }

    /** Opens a stored year for editing: its days in the list, as JSON in the text box, replace ticked. */
    void edit(int shownYear) {
        year.setValue(shownYear);
        loadExisting();
    }

    private VerticalLayout importSection() {
        Paragraph help = new Paragraph(getTranslation("calendar.edit.jsonHelp"));
        json.setId("calendar-edit-json");
        json.setLabel(getTranslation("calendar.edit.json"));
        json.setWidthFull();
        json.setHeight("14em");
        json.setPlaceholder("{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}]}");
        json.setMaxLength(HolidayCnJson.MAX_LENGTH);

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            json.setValue(new String(bytes, StandardCharsets.UTF_8));
            problems.setText("");
        }));
        upload.setId("calendar-edit-upload");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(HolidayCnJson.MAX_LENGTH * 3);
        upload.setI18n(uploadI18n());

        importJson.setText(getTranslation("calendar.edit.import"));
        importJson.setId("calendar-edit-import");
        importJson.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importJson.addClickListener(click -> importJson());
        Button toJson = new Button(getTranslation("calendar.edit.toJson"),
                click -> json.setValue(HolidayCnJson.write(arrangementFromList())));
        toJson.setId("calendar-edit-to-json");

        VerticalLayout section = new VerticalLayout(new H3(getTranslation("calendar.edit.importTitle")), help, upload,
                json, new HorizontalLayout(importJson, toJson));
        section.setPadding(false);
        return section;
    }

    private VerticalLayout entrySection() {
        date.setId("calendar-edit-date");
        date.setLabel(getTranslation("calendar.edit.date"));
        cn.kexie.capability.common.DateFields.localised(this, date);
        kind.setId("calendar-edit-kind");
        kind.setLabel(getTranslation("calendar.edit.kind"));
        kind.setItems(DayKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("calendar.kind." + k.name()));
        name.setId("calendar-edit-name");
        name.setLabel(getTranslation("calendar.edit.name"));
        name.setPlaceholder(getTranslation("calendar.edit.namePlaceholder"));
        name.setMaxLength(ArrangementRules.MAX_NAME_LENGTH);
        addDay.setText(getTranslation("calendar.edit.addDay"));
        addDay.setId("calendar-edit-add-day");
        addDay.addClickListener(click -> addDay());
        HorizontalLayout entryRow = new HorizontalLayout(date, kind, name, addDay);
        entryRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        entryRow.setWrap(true);

        draftGrid.setId("calendar-edit-days");
        draftGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        draftGrid.addColumn(day -> day.date().toString()).setHeader(getTranslation("calendar.edit.date"))
                .setAutoWidth(true);
        draftGrid.addColumn(day -> getTranslation("calendar.weekday." + day.date().getDayOfWeek().getValue()))
                .setHeader(getTranslation("calendar.edit.weekday")).setAutoWidth(true);
        draftGrid.addColumn(day -> getTranslation("calendar.kind." + day.kind().name()))
                .setHeader(getTranslation("calendar.edit.kind")).setAutoWidth(true);
        draftGrid.addColumn(CalendarDay::name).setHeader(getTranslation("calendar.edit.name")).setFlexGrow(1);
        draftGrid.addComponentColumn(day -> {
            Button remove = new Button(getTranslation("common.remove"), click -> {
                draft.remove(day);
                draftGrid.setItems(draft);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        draftGrid.setAllRowsVisible(true);
        draftGrid.setItems(draft);

        papers.setId("calendar-edit-papers");
        papers.setLabel(getTranslation("calendar.edit.papers"));
        papers.setPlaceholder("https://www.gov.cn/zhengce/content/...");
        papers.setWidthFull();
        saveDays.setText(getTranslation("calendar.edit.save"));
        saveDays.setId("calendar-edit-save");
        saveDays.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveDays.addClickListener(click -> saveList());

        VerticalLayout section = new VerticalLayout(new H3(getTranslation("calendar.edit.entryTitle")),
                new Paragraph(getTranslation("calendar.edit.entryHelp")), entryRow, draftGrid, papers, saveDays);
        section.setPadding(false);
        return section;
    }

    void importJson() {
        Integer chosen = chosenYear();
        if (chosen == null) {
            return;
        }
        try {
            service.importJson(chosen, json.getValue(), replace.getValue());
            saved(chosen);
        } catch (UserError refused) {
            showProblems(refused);
        }
    }

    void addDay() {
        List<String> missing = new ArrayList<>();
        if (date.getValue() == null) {
            missing.add(getTranslation("calendar.edit.date"));
        }
        if (kind.getValue() == null) {
            missing.add(getTranslation("calendar.edit.kind"));
        }
        if (name.getValue().isBlank()) {
            missing.add(getTranslation("calendar.edit.name"));
        }
        if (!missing.isEmpty()) {
            problems.setText(getTranslation("calendar.edit.fillIn", String.join(getTranslation("calendar.edit.listSeparator"), missing)));
            return;
        }
        LocalDate day = date.getValue();
        if (draft.stream().anyMatch(d -> d.date().equals(day))) {
            problems.setText(getTranslation("calendar.edit.inListAlready", day.toString()));
            return;
        }
        draft.add(new CalendarDay(day, kind.getValue(), name.getValue().trim()));
        draft.sort(Comparator.comparing(CalendarDay::date));
        draftGrid.setItems(draft);
        problems.setText("");
        date.setValue(day.plusDays(1));
    }

    void saveList() {
        Integer chosen = chosenYear();
        if (chosen == null) {
            return;
        }
        try {
            service.save(arrangementFromList(), replace.getValue());
            saved(chosen);
        } catch (UserError refused) {
            showProblems(refused);
        }
    }

    private Arrangement arrangementFromList() {
        Integer chosen = year.getValue();
        List<String> paperLines = Arrays.stream(papers.getValue().split("\\R"))
                .map(String::trim).filter(line -> !line.isEmpty()).toList();
        return new Arrangement(chosen == null ? 0 : chosen, paperLines, draft);
    }

    private void loadExisting() {
        Integer chosen = chosenYear();
        if (chosen == null) {
            return;
        }
        Arrangement stored = service.arrangement(chosen);
        draft.clear();
        draft.addAll(stored.days());
        draftGrid.setItems(draft);
        papers.setValue(String.join("\n", stored.papers()));
        json.setValue(stored.days().isEmpty() ? "" : HolidayCnJson.write(stored));
        replace.setValue(!stored.days().isEmpty());
        problems.setText(stored.days().isEmpty() ? getTranslation("calendar.edit.nothingStored", String.valueOf(chosen)) : "");
    }

    private Integer chosenYear() {
        Integer chosen = year.getValue();
        if (chosen == null || year.isInvalid()) {
            problems.setText(getTranslation("calendar.error.year", String.valueOf(ArrangementRules.FIRST_YEAR),
                    String.valueOf(ArrangementRules.LAST_YEAR)));
            return null;
        }
        return chosen;
    }

    private void saved(int savedYear) {
        problems.setText("");
        draft.clear();
        draftGrid.setItems(draft);
        json.clear();
        papers.clear();
        replace.setValue(false);
        Notification.show(getTranslation("calendar.edit.saved", String.valueOf(savedYear)), 5000,
                        Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        fireEvent(new SavedEvent(this, savedYear));
    }

    private void showProblems(UserError refused) {
        problems.setText(getTranslation("calendar.edit.refused") + "\n" + Messages.describe(getLocale(), refused));
    }

    private UploadI18N uploadI18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("calendar.edit.uploadButton")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("calendar.edit.uploadDrop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("calendar.error.json.tooLong", String.valueOf(HolidayCnJson.MAX_LENGTH / 1000)))
                .setIncorrectFileType(getTranslation("calendar.edit.uploadType"))
                .setTooManyFiles(getTranslation("calendar.edit.uploadOne")));
        return i18n;
    }
}
