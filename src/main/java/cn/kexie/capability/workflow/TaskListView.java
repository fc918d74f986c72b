package cn.kexie.capability.workflow;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelRows;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The task list: 我的任务 (assigned to me), 待签收 (offered to my groups: claim them), 已办 (tasks I
 * completed, each opening its dossier read-only) and, for applicants, 我发起的 (their organisation's
 * applications). Each line shows the application's number, title, applicant, programme and year, the
 * step, when it came and its due day (overdue in red). Search by number, title or applicant; filter by
 * programme, year, step and overdue; sort by the columns the engine sorts by; paged from the engine
 * ({@link TaskListQuery}). 导出 Excel downloads the tab shown with its filters, as the same query lists it.
 */
@Route("tasks")
@Menu(order = 10, title = "nav.tasks")
@PermitAll
public class TaskListView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(PlatformClock.ZONE);
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final WorkflowTasks tasks;
    private final TaskListQuery query;
    final Tabs tabs;
    final Tab mine = new Tab();
    final Tab groups = new Tab();
    final Tab done = new Tab();
    final Tab started = new Tab();
    final TextField search = new TextField();
    final ComboBox<Programme> programme = new ComboBox<>();
    final ComboBox<Integer> year = new ComboBox<>();
    final ComboBox<String> step = new ComboBox<>();
    final Checkbox overdue = new Checkbox();
    final Grid<TaskRow> grid = new Grid<>(TaskRow.class, false);
    final ExcelDownload export;
    private final HorizontalLayout filters;
    private final List<Grid.Column<TaskRow>> sortable = new ArrayList<>();
    private final Grid.Column<TaskRow> stepColumn;
    private final Grid.Column<TaskRow> receivedColumn;
    private final Grid.Column<TaskRow> dueColumn;
    private final Grid.Column<TaskRow> endedColumn;
    private final BatchDecision batchDecision;
    /** 批量审批 of the ticked lines: shown to those who decide for a meeting body, on 我的任务 and 待签收. */
    final Button batch = new Button();

    public TaskListView(WorkflowTasks tasks, TaskListQuery query) {
        this(tasks, query, (BatchDecision) null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public TaskListView(WorkflowTasks tasks, TaskListQuery query,
            org.springframework.beans.factory.ObjectProvider<BatchDecision> batchDecisions) {
        this(tasks, query, batchDecisions.getIfAvailable());
    }

    /**
     * @param batchDecision the batch decision (批量审批) the lines of a step that allows it may be ticked
     *        for, by a user who decides for a meeting body; null: no ticking
     */
    TaskListView(WorkflowTasks tasks, TaskListQuery query, BatchDecision batchDecision) {
        this.tasks = tasks;
        this.query = query;
        this.batchDecision = batchDecision != null && query.mayBatch() ? batchDecision : null;
        setSizeFull();
        tabs = new Tabs(mine, groups, done);
        done.setLabel(getTranslation("tasks.tab.done"));
        started.setLabel(getTranslation("tasks.tab.started"));
        if (query.startsApplications()) {
            tabs.add(started);
        }

        search.setPlaceholder(getTranslation("tasks.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.setWidth("18em");
        programme.setPlaceholder(getTranslation("tasks.filter.programme"));
        programme.setItems(query.programmes());
        programme.setItemLabelGenerator(p -> p.name(getLocale()));
        programme.setClearButtonVisible(true);
        programme.setWidth("14em");
        int thisYear = PlatformClock.today().getYear();
        year.setPlaceholder(getTranslation("tasks.filter.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 5, thisYear + 1).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        year.setItemLabelGenerator(String::valueOf);
        year.setClearButtonVisible(true);
        year.setWidth("8em");
        step.setPlaceholder(getTranslation("tasks.filter.step"));
        step.setItems(query.stepNames());
        step.setClearButtonVisible(true);
        step.setWidth("12em");
        overdue.setLabel(getTranslation("tasks.filter.overdue"));
        search.addValueChangeListener(e -> refresh());
        programme.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        step.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());

        grid.addColumn(TaskRow::number).setHeader(getTranslation("task.application")).setAutoWidth(true)
                .setSortable(true).setSortProperty(TaskListQuery.Sort.NUMBER.name());
        grid.addColumn(TaskRow::title).setHeader(getTranslation("tasks.column.title")).setFlexGrow(1)
                .setWidth("14em").setTooltipGenerator(TaskRow::title);
        grid.addColumn(TaskRow::organisation).setHeader(getTranslation("tasks.column.applicant")).setAutoWidth(true);
        grid.addColumn(t -> t.programme(getLocale())).setHeader(getTranslation("tasks.column.programme")).setWidth("11em")
                .setFlexGrow(0).setTooltipGenerator(t -> t.programme(getLocale())).setSortable(true).setSortProperty(TaskListQuery.Sort.PROGRAMME.name());
        grid.addColumn(t -> t.year() == null ? "" : String.valueOf(t.year())).setHeader(getTranslation("tasks.column.year"))
                .setAutoWidth(true).setSortable(true).setSortProperty(TaskListQuery.Sort.YEAR.name());
        stepColumn = grid.addColumn(this::stepText).setHeader(getTranslation("task.name")).setAutoWidth(true)
                .setSortable(true).setSortProperty(TaskListQuery.Sort.STEP.name());
        receivedColumn = grid.addColumn(t -> t.received() == null ? "" : MINUTE.format(t.received().toInstant()))
                .setHeader(getTranslation("tasks.column.received")).setAutoWidth(true)
                .setSortable(true).setSortProperty(TaskListQuery.Sort.RECEIVED.name());
        dueColumn = grid.addComponentColumn(this::due).setHeader(getTranslation("task.due")).setAutoWidth(true)
                .setSortable(true).setSortProperty(TaskListQuery.Sort.DUE.name());
        endedColumn = grid.addColumn(t -> t.ended() == null ? "" : MINUTE.format(t.ended().toInstant()))
                .setHeader(getTranslation("tasks.column.ended")).setAutoWidth(true)
                .setSortable(true).setSortProperty(TaskListQuery.Sort.ENDED.name());
        grid.getColumns().stream().filter(Grid.Column::isSortable).forEach(sortable::add);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setSizeFull();
        grid.setId("task-grid");
        grid.setMultiSort(false);
        tabs.addSelectedChangeListener(change -> refresh());
        export = new ExcelDownload(getTranslation("tasks.export.file"), () -> {
            TaskListQuery.Tab tab = tab();
            TaskListQuery.Filter filter = filter();
            ExcelTable<TaskRow> table = table(getLocale(), tab, filters(tab));
            return workbook -> workbook.sheet(table, ExcelRows.paged((offset, limit) ->
                    query.page(tab, filter, null, offset, limit)));
        });
        batch.setText(getTranslation("tasks.batch"));
        batch.setId("task-batch");
        batch.setTooltipText(getTranslation("tasks.batch.hint"));
        batch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        batch.setEnabled(false);
        batch.setVisible(false);
        batch.addClickListener(click -> openBatch());
        HorizontalLayout bar = new HorizontalLayout(tabs, batch, export);
        bar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        bar.setWidthFull();
        bar.setFlexGrow(1, tabs);
        filters = new HorizontalLayout(search, programme, year, step, overdue);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(bar, filters, grid);
        refresh();
    }

    TaskListQuery.Tab tab() {
        Tab selected = tabs.getSelectedTab();
        if (selected == groups) {
            return TaskListQuery.Tab.GROUPS;
        }
        if (selected == done) {
            return TaskListQuery.Tab.DONE;
        }
        if (selected == started) {
            return TaskListQuery.Tab.STARTED;
        }
        return TaskListQuery.Tab.MINE;
    }

    TaskListQuery.Filter filter() {
        return new TaskListQuery.Filter(search.getValue(), programme.getValue() == null ? null : programme.getValue().code(),
                year.getValue(), step.getValue(), overdue.getValue());
    }

    /** The filters line of the export: the tab and every filter set. */
    private List<String> filters(TaskListQuery.Tab tab) {
        List<String> parts = new ArrayList<>();
        parts.add(getTranslation(switch (tab) {
            case MINE -> "tasks.export.mine";
            case GROUPS -> "tasks.export.groups";
            case DONE -> "tasks.tab.done";
            case STARTED -> "tasks.tab.started";
        }));
        if (!search.getValue().isBlank()) {
            parts.add(getTranslation("tasks.export.search", search.getValue().trim()));
        }
        if (programme.getValue() != null) {
            parts.add(programme.getValue().name(getLocale()));
        }
        if (year.getValue() != null) {
            parts.add(getTranslation("tasks.export.year", String.valueOf(year.getValue())));
        }
        if (step.getValue() != null) {
            parts.add(step.getValue());
        }
        if (overdue.getValue() && tab != TaskListQuery.Tab.DONE) {
            parts.add(getTranslation("tasks.filter.overdue"));
        }
        return parts;
    }

    /** The exported list: the grid's columns, the due day and whether it has passed. */
    static ExcelTable<TaskRow> table(Locale locale, TaskListQuery.Tab tab, List<String> filters) {
        Date now = Date.from(PlatformClock.now());
        ExcelTable<TaskRow> table = ExcelTable.<TaskRow>titled(Messages.get(locale, "tasks.export.title"))
                .subtitle(ExcelTable.filtersLine(locale, filters))
                .text(Messages.get(locale, "task.name"), TaskRow::step)
                .text(Messages.get(locale, "task.application"), TaskRow::number)
                .text(Messages.get(locale, "tasks.column.title"), TaskRow::title)
                .text(Messages.get(locale, "tasks.column.applicant"), TaskRow::organisation)
                .text(Messages.get(locale, "tasks.column.programme"), t -> t.programme(locale))
                .text(Messages.get(locale, "tasks.column.year"), t -> t.year() == null ? null : String.valueOf(t.year()))
                .dateTime(Messages.get(locale, "task.created"), t -> t.received() == null ? null : t.received().toInstant())
                // a due instant of 24:00 is its own day, as the grid shows it
                .date(Messages.get(locale, "task.due"), t -> t.due() == null ? null
                        : LocalDate.ofInstant(t.due().toInstant().minusMillis(1), PlatformClock.ZONE));
        if (tab == TaskListQuery.Tab.DONE) {
            return table.dateTime(Messages.get(locale, "tasks.column.ended"), t -> t.ended() == null ? null : t.ended().toInstant());
        }
        return table.text(Messages.get(locale, "tasks.export.overdue"), t -> t.due() == null ? null
                : Messages.get(locale, t.overdue(now) ? "common.yes" : "common.no"));
    }

    void refresh() {
        TaskListQuery.Tab tab = tab();
        TaskListQuery.Filter filter = filter();
        mine.setLabel(getTranslation("task.mine", query.count(TaskListQuery.Tab.MINE, TaskListQuery.Filter.NONE)));
        groups.setLabel(getTranslation("task.groups", query.count(TaskListQuery.Tab.GROUPS, TaskListQuery.Filter.NONE)));
        boolean open = tab == TaskListQuery.Tab.MINE || tab == TaskListQuery.Tab.GROUPS;
        boolean applications = tab == TaskListQuery.Tab.STARTED;
        stepColumn.setHeader(getTranslation(applications ? "tasks.column.status" : "task.name"));
        // 我发起的 lists the organisation's applications newest first, without the engine's filters or sorting
        sortable.forEach(column -> column.setSortable(!applications));
        filters.setVisible(!applications);
        receivedColumn.setVisible(!applications);
        dueColumn.setVisible(open);
        endedColumn.setVisible(tab == TaskListQuery.Tab.DONE);
        overdue.setEnabled(open);
        export.setVisible(!applications);
        // tick several lines of a step that allows a batch decision (the diagram says which), on the open tabs
        boolean batches = batchDecision != null && open;
        if (batchDecision != null) {
            grid.setSelectionMode(batches ? Grid.SelectionMode.MULTI : Grid.SelectionMode.SINGLE);
            if (batches) {
                grid.setItemSelectableProvider(TaskRow::batch);
                // a listener belongs to the selection model, which setSelectionMode replaces
                grid.getSelectionModel().addSelectionListener(selection -> {
                    int n = selection.getAllSelectedItems().size();
                    batch.setEnabled(n > 0);
                    batch.setText(n > 0 ? getTranslation("tasks.batch.selected", n) : getTranslation("tasks.batch"));
                });
            }
        }
        batch.setVisible(batches);
        batch.setEnabled(false);
        batch.setText(getTranslation("tasks.batch"));
        grid.setItems(q -> query.page(tab, filter, order(q.getSortOrders()), q.getOffset(), q.getLimit()).stream(),
                q -> (int) query.count(tab, filter));
        // an empty list says so, and where to look instead
        boolean filtered = (filter.text() != null && !filter.text().isBlank()) || filter.programmeCode() != null
                || filter.year() != null || filter.step() != null || filter.overdueOnly();
        grid.setEmptyStateText(getTranslation(filtered && !applications ? "tasks.empty.filtered" : "tasks.empty." + tab.name()));
    }

    private static TaskListQuery.Order order(List<QuerySortOrder> sortOrders) {
        if (sortOrders.isEmpty()) {
            return null;
        }
        QuerySortOrder first = sortOrders.get(0);
        return new TaskListQuery.Order(TaskListQuery.Sort.valueOf(first.getSorted()),
                first.getDirection() == SortDirection.ASCENDING);
    }

    private String stepText(TaskRow row) {
        if (row.taskId() == null) {
            String label = getTranslation("status." + row.status());
            return label.startsWith("status.") ? String.valueOf(row.status()) : label;
        }
        return row.step();
    }

    private Span due(TaskRow task) {
        if (task.due() == null) {
            return new Span("");
        }
        // a due instant of 24:00 shows as its own day
        Span span = new Span(DAY.format(task.due().toInstant().minusMillis(1)));
        if (task.overdue(Date.from(PlatformClock.now()))) {
            span.setText(span.getText() + " " + getTranslation("task.overdue"));
            span.getElement().getThemeList().add("badge error");
            span.addClassName("overdue");
        }
        return span;
    }

    private HorizontalLayout actions(TaskRow task) {
        HorizontalLayout actions = new HorizontalLayout();
        if (task.taskId() == null || task.ended() != null) {
            if (task.applicationId() != null) {
                Button view = new Button(getTranslation("tasks.view"), click -> openDossier(task));
                view.addThemeVariants(ButtonVariant.LUMO_SMALL);
                actions.add(view);
            }
            return actions;
        }
        if (tab() == TaskListQuery.Tab.MINE && query.delegatedByMe(task)) {
            // delegated (委派): listed to me until the delegate hands it back; meanwhile it is the delegate's to work
            Span delegated = new Span(getTranslation("tasks.delegated"));
            delegated.getElement().getThemeList().add("badge contrast");
            delegated.addClassName("delegated");
            delegated.getElement().setAttribute("title", getTranslation("tasks.delegated.hint"));
            actions.add(delegated);
            if (task.applicationId() != null) {
                Button view = new Button(getTranslation("tasks.view"), click -> openDossier(task));
                view.addThemeVariants(ButtonVariant.LUMO_SMALL);
                actions.add(view);
            }
            return actions;
        }
        Button open = new Button(getTranslation("task.open"), click -> open(task));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        actions.add(open);
        if (task.assignee() == null) {
            Button claim = new Button(getTranslation("task.claim"), click -> {
                if (Notifications.run(() -> tasks.claim(task.taskId()))) {
                    refresh();
                }
            });
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(claim);
        }
        return actions;
    }

    /** The batch decision for the ticked lines; the list refreshes once it is closed. */
    void openBatch() {
        List<TaskRow> ticked = grid.getSelectedItems().stream().toList();
        if (batchDecision != null && !ticked.isEmpty()) {
            batchDecision.open(ticked, this::refresh);
        }
    }

    void open(TaskRow task) {
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new RouteParameters("taskId", task.taskId())));
    }

    /** The dossier, read-only: the application's page, which the dossier's own access rules guard. */
    void openDossier(TaskRow task) {
        getUI().ifPresent(ui -> ui.navigate("applications/" + task.applicationId()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tasks");
    }
}
