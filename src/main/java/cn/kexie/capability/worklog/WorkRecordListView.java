package cn.kexie.capability.worklog;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelRows;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every Chengdu society's work records, filtered by year, type, class and society; paged from the
 * database. The programme office starts a year's evaluation here, and sees how far each society's
 * evaluation has gone. 导出 Excel downloads the records as filtered, through the same search.
 */
@Route("work-records/all")
@Menu(order = 35, title = "nav.workRecordsAll")
@RolesAllowed({Roles.PROGRAMME_OFFICE, Roles.ADMIN, Roles.MANAGER})
public class WorkRecordListView extends VerticalLayout implements HasDynamicTitle {

    private final WorkEvaluationService evaluations;
    /** The work-record programme of the user's cities whose records, cut-off and evaluations are shown. */
    final ComboBox<Programme> programme = new ComboBox<>();
    final ComboBox<Integer> year = new ComboBox<>();
    final ComboBox<Category> type = new ComboBox<>();
    final ComboBox<String> workClass = new ComboBox<>();
    final ComboBox<Organisation> society = new ComboBox<>();
    final WorkRecordGrid grid;
    final Button startEvaluation = new Button();
    /** The selected year's evaluation cut-off (成果形成日期以当年评估截止日期为准), set by the office. */
    final com.vaadin.flow.component.datepicker.DatePicker cutoff = new com.vaadin.flow.component.datepicker.DatePicker();
    final Button saveCutoff = new Button();
    private final WorkRecordService records;
    final Grid<WorkEvaluation> progress = new Grid<>(WorkEvaluation.class, false);
    /** The money of the evaluations shown, by evaluation id. */
    private java.util.Map<Long, Money> paid = java.util.Map.of();
    final Paragraph noEvaluations = new Paragraph();
    final ExcelDownload export;

    public WorkRecordListView(WorkRecordService records, WorkEvaluationService evaluations,
            OrganisationService organisations, CurrentUser currentUser) {
        this.evaluations = evaluations;
        this.records = records;
        List<Programme> programmes = records.myProgrammes();
        programme.setItems(programmes);
        programme.setItemLabelGenerator(p -> p.name(getLocale()));
        programme.setPlaceholder(getTranslation("worklog.programme"));
        programme.setVisible(programmes.size() > 1);
        programme.setWidth("18em");
        if (!programmes.isEmpty()) {
            programme.setValue(programmes.get(0));
        }
        List<Category> types = programmes.stream().flatMap(p -> records.workTypes(p.code()).stream()).toList();
        grid = new WorkRecordGrid(types, true);
        setSizeFull();

        int thisYear = PlatformClock.today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y >= WorkRecordService.FIRST_YEAR && y > thisYear - 10; y--) {
            years.add(y);
        }
        year.setPlaceholder(getTranslation("worklog.year"));
        year.setItems(years);
        year.setItemLabelGenerator(String::valueOf);
        year.setClearButtonVisible(true);
        year.setWidth("8em");
        type.setPlaceholder(getTranslation("worklog.type"));
        type.setItems(types);
        type.setItemLabelGenerator(c -> c.name(getLocale()));
        type.setClearButtonVisible(true);
        List<String> classes = new ArrayList<>(WorkClassifier.ACTIVITY_CLASSES);
        classes.add(WorkClassifier.OUTCOME);
        classes.add(WorkClassifier.NO_OUTCOME);
        classes.addAll(WorkClassifier.KEY_WORK_CLASSES);
        workClass.setPlaceholder(getTranslation("worklog.class"));
        workClass.setItems(classes);
        workClass.setItemLabelGenerator(c -> WorkRecordGrid.classLabel(this, c));
        workClass.setClearButtonVisible(true);
        workClass.setWidth("14em");
        society.setPlaceholder(getTranslation("worklog.organisation"));
        society.setItems(programmes.stream().flatMap(p -> organisations.search(p.cityCode(), null, 0, 1000).stream()).toList());
        society.setItemLabelGenerator(Organisation::getName);
        society.setClearButtonVisible(true);
        year.addValueChangeListener(change -> refresh());
        programme.addValueChangeListener(change -> refresh());
        type.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        workClass.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        society.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.setItems(query -> records.search(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> records.count(filter()));
        grid.setWidthFull();
        grid.setHeight("55vh");

        startEvaluation.setText(getTranslation("worklog.list.startEvaluation"));
        startEvaluation.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        startEvaluation.setVisible(currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN));
        startEvaluation.addClickListener(click -> confirmStart());
        boolean office = currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN);
        cutoff.setLabel(getTranslation("worklog.cutoff.label"));
        cutoff.setHelperText(getTranslation("worklog.cutoff.help"));
        cutoff.setI18n(new com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        cutoff.setVisible(office);
        saveCutoff.setText(getTranslation("worklog.cutoff.save"));
        saveCutoff.setVisible(office);
        saveCutoff.addClickListener(click -> {
            if (year.getValue() != null && programme.getValue() != null && cn.kexie.capability.ui.Notifications.run(
                    () -> records.setCutoff(programme.getValue().code(), year.getValue(), cutoff.getValue()))) {
                cn.kexie.capability.ui.Notifications.success(getTranslation("worklog.cutoff.saved", String.valueOf(year.getValue())));
            }
        });

        progress.addThemeVariants(GridVariant.LUMO_COMPACT);
        progress.addColumn(WorkEvaluation::organisationName).setHeader(getTranslation("worklog.organisation")).setAutoWidth(true);
        progress.addColumn(WorkEvaluation::businessKey).setHeader("").setAutoWidth(true);
        progress.addColumn(e -> statusLabel(e.status())).setHeader(getTranslation("worklog.evaluation.status")).setAutoWidth(true);
        progress.addColumn(e -> e.confirmedAt() == null ? "" : getTranslation("common.yes"))
                .setHeader(getTranslation("worklog.evaluation.confirmed")).setAutoWidth(true);
        progress.addColumn(e -> e.tier() == null ? "" : WorkRecordGrid.tierLabel(this, e.tier()))
                .setHeader(getTranslation("worklog.evaluation.tier")).setAutoWidth(true);
        progress.addColumn(e -> e.subsidyYuan() == null ? "" : Yuan.format(e.subsidyYuan()))
                .setHeader(getTranslation("worklog.evaluation.subsidy")).setAutoWidth(true);
        progress.addColumn(e -> paid.containsKey(e.id()) ? Yuan.format(paid.get(e.id()).paid()) : "")
                .setHeader(getTranslation("worklog.evaluation.paid")).setAutoWidth(true);
        progress.setAllRowsVisible(true);
        noEvaluations.setText(getTranslation("worklog.list.noEvaluations"));

        export = new ExcelDownload(getTranslation("worklog.export.file"), () -> {
            WorkRecordRepository.Filter current = filter();
            var table = WorkRecordSheet.table(getLocale(), types, true, getTranslation("worklog.export.allTitle"),
                    describe());
            return workbook -> workbook.sheet(table, ExcelRows.paged((offset, limit) -> records.search(current, offset, limit)));
        });
        HorizontalLayout filters = new HorizontalLayout(programme, year, type, workClass, society, startEvaluation, export,
                cutoff, saveCutoff);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, grid, new H3(getTranslation("worklog.list.evaluations")), noEvaluations, progress);
        year.setValue(thisYear);
    }

    WorkRecordRepository.Filter filter() {
        return new WorkRecordRepository.Filter(year.getValue(), type.getValue() == null ? null : type.getValue().code(),
                workClass.getValue(), society.getValue() == null ? null : society.getValue().getId());
    }

    /** The filters as the line under the export's title. */
    private String describe() {
        List<String> parts = new ArrayList<>();
        if (year.getValue() != null) {
            parts.add(getTranslation("worklog.year") + " " + year.getValue());
        }
        if (type.getValue() != null) {
            parts.add(getTranslation("worklog.type") + " " + type.getValue().name(getLocale()));
        }
        if (workClass.getValue() != null) {
            parts.add(getTranslation("worklog.class") + " " + WorkRecordGrid.classLabel(this, workClass.getValue()));
        }
        if (society.getValue() != null) {
            parts.add(getTranslation("worklog.organisation") + " " + society.getValue().getName());
        }
        return ExcelTable.filtersLine(getLocale(), parts);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        List<WorkEvaluation> ofYear = year.getValue() == null || programme.getValue() == null ? List.of()
                : evaluations.ofYear(programme.getValue().code(), year.getValue());
        paid = evaluations.money(ofYear);
        progress.setItems(ofYear);
        progress.setVisible(!ofYear.isEmpty());
        noEvaluations.setVisible(ofYear.isEmpty());
        if (cutoff.isVisible()) {
            cutoff.setValue(year.getValue() == null || programme.getValue() == null ? null
                    : records.cutoff(programme.getValue().code(), year.getValue()).orElse(null));
            cutoff.setEnabled(year.getValue() != null);
            saveCutoff.setEnabled(year.getValue() != null);
            if (year.getValue() != null) {
                cutoff.setMin(java.time.LocalDate.of(year.getValue(), 1, 1));
                cutoff.setMax(java.time.LocalDate.of(year.getValue(), 12, 31));
            }
        }
    }

    private void confirmStart() {
        Integer selected = year.getValue();
        if (selected == null || programme.getValue() == null) {
            Notifications.error(getTranslation("worklog.list.chooseYear"));
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("worklog.list.startEvaluation"));
        confirm.setText(getTranslation("worklog.list.startConfirm", String.valueOf(selected)));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("worklog.list.startEvaluation"));
        confirm.addConfirmListener(event -> start(selected));
        confirm.open();
    }

    void start(int selected) {
        AtomicReference<WorkEvaluationService.StartResult> result = new AtomicReference<>();
        String programmeCode = programme.getValue() == null ? null : programme.getValue().code();
        if (Notifications.run(() -> result.set(evaluations.startYear(programmeCode, selected)))) {
            Notifications.success(getTranslation("worklog.list.started", String.valueOf(selected),
                    result.get().started(), result.get().alreadyStarted()));
            refresh();
        }
    }

    private String statusLabel(String status) {
        String label = getTranslation("worklog.evaluationStatus." + status);
        return label.startsWith("worklog.") ? status : label;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.workRecordsAll");
    }
}
