package cn.kexie.capability.workflow;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelRows;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The task list: tasks assigned to me, and tasks offered to my groups (claim them); paged from
 * the engine, soonest due first; overdue tasks are flagged. 导出 Excel downloads the tab shown, as the
 * same engine query lists it for this user.
 */
@Route("tasks")
@Menu(order = 10, title = "nav.tasks")
@PermitAll
public class TaskListView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(PlatformClock.ZONE);
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final WorkflowTasks tasks;
    final Tabs tabs;
    final Tab mine = new Tab();
    final Tab groups = new Tab();
    final Grid<WorkItem> grid = new Grid<>(WorkItem.class, false);
    final ExcelDownload export;

    public TaskListView(WorkflowTasks tasks) {
        this.tasks = tasks;
        setSizeFull();
        tabs = new Tabs(mine, groups);
        grid.addColumn(WorkItem::name).setHeader(getTranslation("task.name")).setFlexGrow(1);
        grid.addColumn(WorkItem::businessKey).setHeader(getTranslation("task.application")).setAutoWidth(true);
        grid.addColumn(t -> MINUTE.format(t.created().toInstant())).setHeader(getTranslation("task.created")).setAutoWidth(true);
        grid.addComponentColumn(this::due).setHeader(getTranslation("task.due")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setSizeFull();
        grid.setId("task-grid");
        tabs.addSelectedChangeListener(change -> refresh());
        export = new ExcelDownload(getTranslation("tasks.export.file"), () -> {
            WorkflowTasks.Scope scope = scope();
            ExcelTable<WorkItem> table = table(getLocale(), scope);
            return workbook -> workbook.sheet(table, ExcelRows.paged((offset, limit) -> tasks.list(scope, offset, limit)));
        });
        HorizontalLayout bar = new HorizontalLayout(tabs, export);
        bar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        bar.setWidthFull();
        bar.setFlexGrow(1, tabs);
        add(bar, grid);
        refresh();
    }

    private WorkflowTasks.Scope scope() {
        return tabs.getSelectedTab() == groups ? WorkflowTasks.Scope.GROUPS : WorkflowTasks.Scope.MINE;
    }

    /** The exported list: the grid's columns, the due day and whether it has passed. */
    static ExcelTable<WorkItem> table(Locale locale, WorkflowTasks.Scope scope) {
        Date now = Date.from(PlatformClock.now());
        String tab = Messages.get(locale, scope == WorkflowTasks.Scope.MINE ? "tasks.export.mine" : "tasks.export.groups");
        return ExcelTable.<WorkItem>titled(Messages.get(locale, "tasks.export.title"))
                .subtitle(ExcelTable.filtersLine(locale, List.of(tab)))
                .text(Messages.get(locale, "task.name"), WorkItem::name)
                .text(Messages.get(locale, "task.application"), WorkItem::businessKey)
                .dateTime(Messages.get(locale, "task.created"), t -> t.created() == null ? null : t.created().toInstant())
                // a due instant of 24:00 is its own day, as the grid shows it
                .date(Messages.get(locale, "task.due"), t -> t.due() == null ? null
                        : LocalDate.ofInstant(t.due().toInstant().minusMillis(1), PlatformClock.ZONE))
                .text(Messages.get(locale, "tasks.export.overdue"), t -> t.due() == null ? null
                        : Messages.get(locale, t.overdue(now) ? "common.yes" : "common.no"));
    }

    void refresh() {
        WorkflowTasks.Scope scope = scope();
        mine.setLabel(getTranslation("task.mine", tasks.count(WorkflowTasks.Scope.MINE)));
        groups.setLabel(getTranslation("task.groups", tasks.count(WorkflowTasks.Scope.GROUPS)));
        grid.setItems(query -> tasks.list(scope, query.getOffset(), query.getLimit()).stream(),
                query -> (int) tasks.count(scope));
    }

    private Span due(WorkItem task) {
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

    private HorizontalLayout actions(WorkItem task) {
        Button open = new Button(getTranslation("task.open"), click -> open(task));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(open);
        if (task.assignee() == null) {
            Button claim = new Button(getTranslation("task.claim"), click -> {
                if (Notifications.run(() -> tasks.claim(task.id()))) {
                    refresh();
                }
            });
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(claim);
        }
        return actions;
    }

    void open(WorkItem task) {
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new RouteParameters("taskId", task.id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tasks");
    }

}
