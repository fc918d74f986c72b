package cn.kexie.capability.dashboard;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDetailView;
import cn.kexie.capability.application.ApplicationFilter;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.ApplicationStatus;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelRows;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.LedgerEntry;
import cn.kexie.capability.funding.LedgerExcel;
import cn.kexie.capability.funding.LedgerFilter;
import cn.kexie.capability.funding.YearTotals;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The leadership's overview (数据看板): Apache ECharts charts of applications by programme, year,
 * category and status, money approved, paid and recovered, the steps where work waits longest and
 * the overdue tasks by step and holder; a click on a bar or slice lists what is behind it below the
 * charts, and every such list exports to Excel. Figures and lists come from services that hold the
 * caller to its cities.
 */
@Route("dashboard")
@Menu(order = 5, title = "nav.dashboard")
@RolesAllowed({Roles.MANAGER, Roles.PROGRAMME_OFFICE, Roles.ADMIN})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);
    /** Bars a chart of steps shows at most. */
    static final int TOP = 12;

    private final DashboardService dashboard;
    private final ApplicationService applications;
    private final FundingLedger ledger;
    private final ProgrammeCatalogue catalogue;
    private final Map<String, Programme> programmes;

    final EChart byProgramme = new EChart("chart-programme");
    final EChart byYear = new EChart("chart-year");
    final EChart byCategory = new EChart("chart-category");
    final EChart byStatus = new EChart("chart-status");
    final EChart money = new EChart("chart-money");
    final EChart waits = new EChart("chart-waits");
    final EChart overdue = new EChart("chart-overdue");
    /** The list behind the bar or slice clicked last, with its export. */
    final VerticalLayout drill = new VerticalLayout();
    /** The export of the list shown in {@link #drill} (null before a click). */
    ExcelDownload drillExport;
    /** The list shown in {@link #drill} (null before a click). */
    Grid<?> drillGrid;

    public DashboardView(DashboardService dashboard, ApplicationService applications, FundingLedger ledger,
            ProgrammeCatalogue catalogue) {
        this.dashboard = dashboard;
        this.applications = applications;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.programmes = catalogue.programmes().stream().collect(Collectors.toMap(Programme::code, Function.identity()));
        add(new Paragraph(getTranslation("dashboard.intro")));
        DashboardService.Totals totals = dashboard.totals();
        add(new Paragraph(getTranslation("dashboard.totals", totals.applications(), totals.open(), totals.overdueTasks(),
                Yuan.format(totals.money().approved()), Yuan.format(totals.disbursed()), Yuan.format(totals.recovered()))));
        Paragraph hint = new Paragraph(getTranslation("dashboard.clickHint"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(hint);

        List<DashboardService.Cell> cells = dashboard.applicationCells();
        programmeChart(cells);
        yearChart(cells);
        categoryChart(cells);
        statusChart(cells);
        moneyChart(dashboard.money());
        waitsChart(dashboard.waits());
        overdueChart(dashboard.overdue());

        FlexLayout charts = new FlexLayout(
                card("dashboard.chart.programme", byProgramme), card("dashboard.chart.year", byYear),
                card("dashboard.chart.category", byCategory), card("dashboard.chart.status", byStatus),
                card("dashboard.chart.money", money), card("dashboard.chart.waits", waits),
                card("dashboard.chart.overdue", overdue));
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        charts.setWidthFull();
        drill.setId("dashboard-drill");
        drill.setPadding(false);
        drill.setVisible(false);
        Anchor cockpit = new Anchor("camunda/app/cockpit/default/", getTranslation("dashboard.cockpit"));
        cockpit.setTarget("_blank");
        add(charts, drill, cockpit);
    }

    private Component card(String titleKey, EChart chart) {
        Div card = new Div(new H4(getTranslation(titleKey)), chart);
        card.getStyle().set("flex", "1 1 30em").set("min-width", "22em").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        return card;
    }

    // ================================================================ applications

    private void programmeChart(List<DashboardService.Cell> cells) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cells.forEach(c -> counts.merge(c.programmeCode(), c.count(), Integer::sum));
        List<String> codes = new ArrayList<>(counts.keySet());
        byProgramme.setOption(horizontalBars(codes.stream().map(this::programmeName).toList(),
                List.of(series(getTranslation("dashboard.applications"), codes.stream().map(counts::get).toList()))));
        byProgramme.onClick((series, index) -> showApplications(
                new ApplicationFilter(codes.get(index), null, null, null, null), programmeName(codes.get(index))));
    }

    /** The year chart's series (programme codes) and bars (years), as its clicks index them. */
    private List<String> yearCodes = List.of();
    private List<Integer> yearYears = List.of();

    List<String> yearCodes() {
        return yearCodes;
    }

    List<Integer> yearYears() {
        return yearYears;
    }

    private void yearChart(List<DashboardService.Cell> cells) {
        List<Integer> years = cells.stream().map(DashboardService.Cell::year).distinct().sorted().toList();
        List<String> codes = cells.stream().map(DashboardService.Cell::programmeCode).distinct().toList();
        yearCodes = codes;
        yearYears = years;
        List<Map<String, Object>> series = new ArrayList<>();
        for (String code : codes) {
            List<Integer> data = years.stream().map(y -> cells.stream()
                    .filter(c -> c.programmeCode().equals(code) && c.year() == y)
                    .mapToInt(DashboardService.Cell::count).sum()).toList();
            Map<String, Object> s = series(programmeName(code), data);
            s.put("stack", "all");
            series.add(s);
        }
        Map<String, Object> option = base(years.isEmpty());
        option.put("legend", Map.of("type", "scroll", "top", 0));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("xAxis", Map.of("type", "category", "data", years.stream().map(String::valueOf).toList()));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", series);
        byYear.setOption(option);
        byYear.onClick((s, index) -> {
            String code = codes.get(s);
            int year = years.get(index);
            // a programme without a call that year: a call no application has, so the list is empty as the bar is
            long callId = catalogue.call(code, year).map(Call::id).orElse(-1L);
            showApplications(new ApplicationFilter(code, callId, null, null, null),
                    programmeName(code) + " · " + getTranslation("dashboard.yearLabel", String.valueOf(year)));
        });
    }

    private void categoryChart(List<DashboardService.Cell> cells) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        cells.forEach(c -> counts.merge(List.of(c.programmeCode(), c.categoryCode()), c.count(), Integer::sum));
        List<List<String>> keys = new ArrayList<>(counts.keySet());
        boolean severalProgrammes = keys.stream().map(k -> k.get(0)).distinct().count() > 1;
        List<String> labels = keys.stream().map(k -> categoryName(k.get(0), k.get(1))
                + (severalProgrammes ? getTranslation("dashboard.ofCity", cityName(k.get(0))) : "")).toList();
        byCategory.setOption(horizontalBars(labels,
                List.of(series(getTranslation("dashboard.applications"), keys.stream().map(counts::get).toList()))));
        byCategory.onClick((s, index) -> {
            List<String> key = keys.get(index);
            showApplications(new ApplicationFilter(key.get(0), null, key.get(1), null, null),
                    programmeName(key.get(0)) + " · " + categoryName(key.get(0), key.get(1)));
        });
    }

    private void statusChart(List<DashboardService.Cell> cells) {
        Map<String, Integer> counts = new TreeMap<>();
        cells.forEach(c -> counts.merge(c.status(), c.count(), Integer::sum));
        List<String> statuses = new ArrayList<>(counts.keySet());
        Map<String, Object> option = base(statuses.isEmpty());
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"), "center", List.of("50%", "45%"),
                "data", statuses.stream().map(s -> Map.of("name", DossierPanel.statusLabel(this, s), "value", counts.get(s)))
                        .toList())));
        byStatus.setOption(option);
        byStatus.onClick((s, index) -> showApplications(new ApplicationFilter(null, null, null, statuses.get(index), null),
                DossierPanel.statusLabel(this, statuses.get(index))));
    }

    private void showApplications(ApplicationFilter filter, String what) {
        Grid<Application> grid = new Grid<>(Application.class, false);
        grid.addColumn(Application::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
        grid.addColumn(Application::organisationName).setHeader(getTranslation("application.organisation")).setAutoWidth(true);
        grid.addColumn(Application::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
        grid.addColumn(a -> programmeName(a.programmeCode())).setHeader(getTranslation("application.programme")).setAutoWidth(true);
        grid.addColumn(Application::callYear).setHeader(getTranslation("catalogue.year")).setAutoWidth(true);
        grid.addColumn(a -> categoryName(a.programmeCode(), a.categoryCode())).setHeader(getTranslation("application.category"))
                .setAutoWidth(true);
        grid.addColumn(a -> DossierPanel.statusLabel(this, a.status())).setHeader(getTranslation("application.status"))
                .setAutoWidth(true);
        grid.setItems(query -> applications.search(filter, query.getOffset(), query.getLimit()).stream(),
                query -> applications.count(filter));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ApplicationDetailView.class,
                new RouteParameters("id", String.valueOf(click.getItem().id())))));
        ExcelDownload export = new ExcelDownload(getTranslation("dashboard.export.applications"), () -> {
            Locale locale = getLocale();
            ExcelTable<Application> table = ExcelTable.<Application>titled(Messages.get(locale, "dashboard.export.applications"))
                    .subtitle(ExcelTable.filtersLine(locale, List.of(what)))
                    .text(Messages.get(locale, "application.number"), Application::number)
                    .text(Messages.get(locale, "application.programme"), a -> programmeName(a.programmeCode(), locale))
                    .integer(Messages.get(locale, "catalogue.year"), Application::callYear)
                    .text(Messages.get(locale, "application.category"), a -> catalogue.category(a.programmeCode(), a.categoryCode())
                            .map(c -> c.name(locale)).orElse(a.categoryCode()))
                    .text(Messages.get(locale, "application.organisation"), Application::organisationName)
                    .text(Messages.get(locale, "application.field.title"), Application::title)
                    .text(Messages.get(locale, "application.status"), a -> statusText(locale, a.status()))
                    .date(Messages.get(locale, "applications.export.submittedOn"),
                            a -> a.submittedAt() == null ? null : LocalDate.ofInstant(a.submittedAt(), PlatformClock.ZONE));
            return workbook -> workbook.sheet(table, ExcelRows.paged((offset, limit) -> applications.search(filter, offset, limit)));
        });
        showDrill(getTranslation("dashboard.drill.applications", what, applications.count(filter)), grid, export);
    }

    // ================================================================ money

    private void moneyChart(List<YearTotals> totals) {
        Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
        for (YearTotals t : totals) {
            BigDecimal[] sums = byYear.computeIfAbsent(t.year(), y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(t.money().approved());
            sums[1] = sums[1].add(t.money().paid());
            sums[2] = sums[2].add(t.money().recovered());
        }
        List<Integer> years = new ArrayList<>(byYear.keySet());
        List<String> kinds = LedgerEntry.KINDS;
        List<Map<String, Object>> series = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            int kind = k;
            series.add(series(getTranslation("dashboard.money." + kinds.get(k)),
                    years.stream().map(y -> byYear.get(y)[kind]).toList()));
        }
        Map<String, Object> option = base(years.isEmpty());
        option.put("legend", Map.of("top", 0));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category",
                "data", years.stream().map(y -> getTranslation("dashboard.yearLabel", String.valueOf(y))).toList()));
        option.put("yAxis", Map.of("type", "value", "name", getTranslation("dashboard.yuan")));
        option.put("series", series);
        money.setOption(option);
        money.onClick((s, index) -> showLedger(new LedgerFilter(null, years.get(index), null, kinds.get(s)),
                getTranslation("dashboard.yearLabel", String.valueOf(years.get(index))) + " · "
                        + getTranslation("dashboard.money." + kinds.get(s))));
    }

    private void showLedger(LedgerFilter filter, String what) {
        Map<String, String> names = new HashMap<>();
        Grid<LedgerEntry> grid = new Grid<>(LedgerEntry.class, false);
        grid.addColumn(e -> e.entryDate().toString()).setHeader(getTranslation("funding.date")).setAutoWidth(true);
        grid.addColumn(LedgerEntry::reference).setHeader(getTranslation("funding.reference")).setAutoWidth(true);
        grid.addColumn(LedgerEntry::organisationName).setHeader(getTranslation("funding.organisation")).setFlexGrow(1);
        grid.addColumn(e -> programmeName(e.programmeCode())).setHeader(getTranslation("funding.programme")).setFlexGrow(1);
        grid.addColumn(e -> LedgerExcel.kind(getLocale(), e)).setHeader(getTranslation("funding.kind")).setAutoWidth(true);
        grid.addColumn(e -> Yuan.format(e.amountYuan())).setHeader(getTranslation("funding.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(e -> e.voucherNo() == null ? "" : e.voucherNo()).setHeader(getTranslation("funding.voucher"))
                .setAutoWidth(true);
        grid.setItems(query -> ledger.search(filter, query.getOffset(), query.getLimit()).stream(),
                query -> ledger.count(filter));
        grid.addItemClickListener(click -> {
            Long id = click.getItem().applicationId();
            if (id != null) {
                getUI().ifPresent(ui -> ui.navigate(ApplicationDetailView.class, new RouteParameters("id", String.valueOf(id))));
            }
        });
        ExcelDownload export = new ExcelDownload(getTranslation("funding.export.file"), () -> {
            Locale locale = getLocale();
            ExcelTable<LedgerEntry> table = LedgerExcel.table(locale, ExcelTable.filtersLine(locale, List.of(what)),
                    code -> programmeName(code, locale),
                    id -> names.computeIfAbsent(id, missing -> ledger.names(List.of(missing)).getOrDefault(missing, missing)));
            return workbook -> workbook.sheet(table, ExcelRows.paged((offset, limit) -> ledger.search(filter, offset, limit)));
        });
        showDrill(getTranslation("dashboard.drill.ledger", what, ledger.count(filter)), grid, export);
    }

    // ================================================================ tasks

    private void waitsChart(List<DashboardService.Wait> all) {
        Instant now = PlatformClock.now();
        List<DashboardService.Wait> shown = all.stream().filter(w -> w.open() > 0).limit(TOP).toList();
        List<String> labels = shown.stream().map(DashboardService.Wait::name).toList();
        Map<String, Object> option = horizontalBars(labels, List.of(
                series(getTranslation("dashboard.waits.longest"), shown.stream().map(w -> w.longestWaitDays(now)).toList()),
                series(getTranslation("dashboard.waits.averageDone"),
                        shown.stream().map(DashboardService.Wait::averageDoneDays).toList())));
        option.put("legend", Map.of("top", 0));
        option.put("xAxis", Map.of("type", "value", "name", getTranslation("dashboard.days")));
        waits.setOption(option);
        waits.onClick((s, index) -> showTasks(DashboardService.TaskSelection.waitingAt(shown.get(index).step()),
                shown.get(index).name()));
    }

    private void overdueChart(List<DashboardService.Overdue> rows) {
        List<DashboardService.Overdue> shown = rows.stream().limit(TOP).toList();
        Map<String, String> names = dashboard.names(shown.stream().map(DashboardService.Overdue::assignee).toList());
        List<String> labels = shown.stream().map(o -> o.name() + " · " + holder(o.assignee(), names)).toList();
        overdue.setOption(horizontalBars(labels, List.of(series(getTranslation("dashboard.overdue.count"),
                shown.stream().map(DashboardService.Overdue::count).toList()))));
        overdue.onClick((s, index) -> {
            DashboardService.Overdue o = shown.get(index);
            showTasks(DashboardService.TaskSelection.overdue(o.step(), o.assignee()), labels.get(index));
        });
    }

    private void showTasks(DashboardService.TaskSelection selection, String what) {
        Map<String, String> names = new HashMap<>();
        Instant now = PlatformClock.now();
        Grid<DashboardService.TaskRow> grid = new Grid<>(DashboardService.TaskRow.class, false);
        grid.addColumn(t -> t.reference() == null ? "" : t.reference()).setHeader(getTranslation("task.application"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.organisation() == null ? "" : t.organisation()).setHeader(getTranslation("application.organisation"))
                .setFlexGrow(1);
        grid.addColumn(DashboardService.TaskRow::name).setHeader(getTranslation("task.name")).setFlexGrow(1);
        grid.addColumn(t -> holder(t.assignee(), names)).setHeader(getTranslation("dashboard.holder")).setAutoWidth(true);
        grid.addColumn(t -> MINUTE.format(t.created())).setHeader(getTranslation("task.created")).setAutoWidth(true);
        grid.addColumn(t -> t.due() == null ? "" : MINUTE.format(t.due())).setHeader(getTranslation("task.due")).setAutoWidth(true);
        grid.addColumn(t -> waitDays(t, now)).setHeader(getTranslation("dashboard.waitDays")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(query -> {
            List<DashboardService.TaskRow> page = dashboard.tasks(selection, query.getOffset(), query.getLimit());
            names.putAll(dashboard.names(page.stream().map(DashboardService.TaskRow::assignee)
                    .filter(id -> id != null && !names.containsKey(id)).toList()));
            return page.stream();
        }, query -> dashboard.countTasks(selection));
        grid.addItemClickListener(click -> {
            Long id = click.getItem().applicationId();
            if (id != null) {
                getUI().ifPresent(ui -> ui.navigate(ApplicationDetailView.class, new RouteParameters("id", String.valueOf(id))));
            }
        });
        ExcelDownload export = new ExcelDownload(getTranslation("dashboard.export.tasks"), () -> {
            Locale locale = getLocale();
            Instant at = PlatformClock.now();
            ExcelTable<DashboardService.TaskRow> table = ExcelTable.<DashboardService.TaskRow>titled(
                            Messages.get(locale, "dashboard.export.tasks"))
                    .subtitle(ExcelTable.filtersLine(locale, List.of(what)))
                    .text(Messages.get(locale, "task.application"), DashboardService.TaskRow::reference)
                    .text(Messages.get(locale, "application.organisation"), DashboardService.TaskRow::organisation)
                    .text(Messages.get(locale, "application.field.title"), DashboardService.TaskRow::title)
                    .text(Messages.get(locale, "task.name"), DashboardService.TaskRow::name)
                    .text(Messages.get(locale, "dashboard.holder"), t -> t.assignee() == null
                            ? Messages.get(locale, "dashboard.unclaimed")
                            : names.computeIfAbsent(t.assignee(), id -> dashboard.names(List.of(id)).get(id)))
                    .dateTime(Messages.get(locale, "task.created"), DashboardService.TaskRow::created)
                    .dateTime(Messages.get(locale, "task.due"), DashboardService.TaskRow::due)
                    .integer(Messages.get(locale, "dashboard.waitDays"), t -> waitDays(t, at));
            return workbook -> workbook.sheet(table,
                    ExcelRows.paged((offset, limit) -> dashboard.tasks(selection, offset, limit)));
        });
        showDrill(getTranslation("dashboard.drill.tasks", what, dashboard.countTasks(selection)), grid, export);
    }

    private static long waitDays(DashboardService.TaskRow t, Instant now) {
        return java.time.Duration.between(t.created(), now).toDays();
    }

    private String holder(String assignee, Map<String, String> names) {
        return assignee == null ? getTranslation("dashboard.unclaimed") : names.getOrDefault(assignee, assignee);
    }

    // ================================================================ the drill-down and chart options

    private void showDrill(String title, Grid<?> grid, ExcelDownload export) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("dashboard-drill-grid");
        grid.setWidthFull();
        grid.setHeight("28em");
        H3 heading = new H3(title);
        HorizontalLayout head = new HorizontalLayout(heading, export);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        head.setWidthFull();
        drill.removeAll();
        drill.add(head, grid);
        drill.setVisible(true);
        drillGrid = grid;
        drillExport = export;
        drill.getElement().executeJs("this.scrollIntoView({behavior: 'smooth', block: 'start'})");
    }

    private Map<String, Object> base(boolean empty) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("grid", Map.of("containLabel", true, "left", 8, "right", 24, "top", 40, "bottom", 8));
        option.put("animation", false);
        if (empty) {
            option.put("title", Map.of("text", getTranslation("dashboard.noData"), "left", "center", "top", "middle",
                    "textStyle", Map.of("color", "#888", "fontSize", 14, "fontWeight", "normal")));
        }
        return option;
    }

    /** Bars lying down, one row per label (labels read top to bottom in the order given). */
    private Map<String, Object> horizontalBars(List<String> labels, List<Map<String, Object>> series) {
        Map<String, Object> option = base(labels.isEmpty());
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("yAxis", Map.of("type", "category", "inverse", true, "data", labels,
                "axisLabel", Map.of("width", 180, "overflow", "truncate")));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> series(String name, List<?> data) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "bar");
        series.put("data", data);
        series.put("cursor", "pointer");
        return series;
    }

    private String programmeName(String code) {
        return programmeName(code, getLocale());
    }

    private String programmeName(String code, Locale locale) {
        Programme p = programmes.get(code);
        return p == null ? code : p.name(locale);
    }

    private String cityName(String programmeCode) {
        Programme p = programmes.get(programmeCode);
        return p == null ? programmeCode : catalogue.cities().stream().filter(c -> c.code().equals(p.cityCode()))
                .findFirst().map(c -> c.name(getLocale())).orElse(p.cityCode());
    }

    private String categoryName(String programmeCode, String categoryCode) {
        return catalogue.category(programmeCode, categoryCode).map(c -> c.name(getLocale())).orElse(categoryCode);
    }

    private static String statusText(Locale locale, String status) {
        return ApplicationStatus.label(locale, status);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
