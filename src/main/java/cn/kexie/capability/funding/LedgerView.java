package cn.kexie.capability.funding;

import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.application.ApplicationDetailView;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelRows;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finance's ledger across programmes (资金台账): every entry of the user's cities, newest first,
 * filtered by programme, year, organisation and kind, with the sums by year and programme of what
 * the list shows. An application's entry opens its dossier.
 */
@Route("ledger")
@Menu(order = 40, title = "nav.ledger")
@RolesAllowed({Roles.FINANCE, Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.ADMIN})
public class LedgerView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<Programme> programme = new ComboBox<>();
    final ComboBox<Integer> year = new ComboBox<>();
    final TextField organisation = new TextField();
    final ComboBox<String> kind = new ComboBox<>();
    final Paragraph sum = new Paragraph();
    final Grid<YearTotals> totals = new Grid<>(YearTotals.class, false);
    final Grid<LedgerEntry> entries = new Grid<>(LedgerEntry.class, false);
    private final FundingLedger ledger;
    /** 导出 Excel: the entries as filtered, through the same search the list makes. */
    final ExcelDownload export;
    /** Names of who recorded the entries shown so far. */
    private final Map<String, String> names = new java.util.HashMap<>();

    public LedgerView(FundingLedger ledger, ProgrammeCatalogue catalogue) {
        this.ledger = ledger;
        setSizeFull();
        Map<String, Programme> programmes = catalogue.programmes().stream()
                .collect(Collectors.toMap(Programme::code, Function.identity()));
        programme.setPlaceholder(getTranslation("funding.filter.programme"));
        programme.setItems(catalogue.programmesOfMyCities());
        programme.setItemLabelGenerator(p -> p.name(getLocale()));
        programme.setClearButtonVisible(true);
        programme.setWidth("20em");
        year.setPlaceholder(getTranslation("funding.filter.year"));
        year.setItems(ledger.years());
        year.setItemLabelGenerator(y -> getTranslation("funding.yearLabel", String.valueOf(y)));
        year.setClearButtonVisible(true);
        year.setWidth("9em");
        organisation.setPlaceholder(getTranslation("funding.filter.organisation"));
        organisation.setValueChangeMode(ValueChangeMode.LAZY);
        organisation.setClearButtonVisible(true);
        kind.setPlaceholder(getTranslation("funding.filter.kind"));
        kind.setItems(LedgerEntry.KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("funding.kind." + k));
        kind.setClearButtonVisible(true);
        kind.setWidth("9em");
        programme.addValueChangeListener(change -> refresh());
        year.addValueChangeListener(change -> refresh());
        organisation.addValueChangeListener(change -> refresh());
        kind.addValueChangeListener(change -> refresh());

        totals.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        totals.setId("ledger-totals");
        totals.addColumn(t -> getTranslation("funding.yearLabel", String.valueOf(t.year())))
                .setHeader(getTranslation("funding.year")).setWidth("6em").setFlexGrow(0);
        totals.addColumn(t -> programmeName(programmes, t.programmeCode())).setHeader(getTranslation("funding.programme"))
                .setWidth("16em").setFlexGrow(1);
        totals.addColumn(t -> Yuan.format(t.money().approved())).setHeader(getTranslation("funding.approved"))
                .setTextAlign(ColumnTextAlign.END).setWidth("10em").setFlexGrow(0);
        totals.addColumn(t -> Yuan.format(t.money().paid())).setHeader(getTranslation("funding.paid"))
                .setTextAlign(ColumnTextAlign.END).setWidth("10em").setFlexGrow(0);
        totals.addColumn(t -> Yuan.format(t.money().recovered())).setHeader(getTranslation("funding.recovered"))
                .setTextAlign(ColumnTextAlign.END).setWidth("10em").setFlexGrow(0);
        totals.addColumn(t -> Yuan.format(t.money().netPaid())).setHeader(getTranslation("funding.netPaid"))
                .setTextAlign(ColumnTextAlign.END).setWidth("10em").setFlexGrow(0);
        totals.setAllRowsVisible(true);

        entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        entries.setId("ledger-entries");
        entries.addColumn(e -> e.entryDate().toString()).setHeader(getTranslation("funding.date")).setWidth("6.5em")
                .setFlexGrow(0);
        entries.addColumn(LedgerEntry::reference).setHeader(getTranslation("funding.reference")).setWidth("10em")
                .setFlexGrow(0);
        entries.addColumn(LedgerEntry::organisationName).setHeader(getTranslation("funding.organisation")).setWidth("7em")
                .setFlexGrow(1);
        entries.addColumn(e -> programmeName(programmes, e.programmeCode())).setHeader(getTranslation("funding.programme"))
                .setWidth("7em").setFlexGrow(1);
        entries.addColumn(e -> LedgerGrid.kind(this, e)).setHeader(getTranslation("funding.kind")).setWidth("4.5em")
                .setFlexGrow(0);
        entries.addColumn(e -> Yuan.format(e.amountYuan())).setHeader(getTranslation("funding.amount"))
                .setTextAlign(ColumnTextAlign.END).setWidth("7.5em").setFlexGrow(0);
        entries.addColumn(e -> e.voucherNo() == null ? "" : e.voucherNo()).setHeader(getTranslation("funding.voucher"))
                .setWidth("7.5em").setFlexGrow(1);
        entries.addColumn(LedgerGrid::account).setHeader(getTranslation("funding.account")).setWidth("9em").setFlexGrow(1);
        entries.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("funding.note")).setWidth("5em")
                .setFlexGrow(1);
        entries.addColumn(e -> LedgerGrid.recorder(this, e.recordedBy(), names)).setHeader(getTranslation("funding.recordedBy"))
                .setWidth("5em").setFlexGrow(0);
        entries.setItems(query -> {
            List<LedgerEntry> page = ledger.search(filter(), query.getOffset(), query.getLimit());
            names.putAll(ledger.names(page.stream().map(LedgerEntry::recordedBy).filter(id -> !names.containsKey(id)).toList()));
            return page.stream();
        }, query -> ledger.count(filter()));
        entries.addItemClickListener(click -> {
            Long applicationId = click.getItem().applicationId();
            if (applicationId != null) {
                getUI().ifPresent(ui -> ui.navigate(ApplicationDetailView.class,
                        new RouteParameters("id", String.valueOf(applicationId))));
            }
        });
        entries.setMinHeight("20em");
        entries.setSizeFull();

        sum.setId("ledger-sum");
        sum.getStyle().set("font-weight", "600");
        export = new ExcelDownload(getTranslation("funding.export.file"), () -> {
            LedgerFilter current = filter();
            java.util.Locale locale = getLocale();
            Map<String, String> recorders = new java.util.HashMap<>(names);
            ExcelTable<LedgerEntry> table = LedgerExcel.table(locale, describe(), code -> {
                Programme p = programmes.get(code);
                return p == null ? code : p.name(locale);
            }, id -> recorders.computeIfAbsent(id, missing -> ledger.names(List.of(missing)).getOrDefault(missing, missing)));
            return workbook -> workbook.sheet(table,
                    ExcelRows.paged((offset, limit) -> ledger.search(current, offset, limit)));
        });
        HorizontalLayout filters = new HorizontalLayout(programme, year, organisation, kind, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new Paragraph(getTranslation("funding.ledger.intro")), filters, sum,
                new H3(getTranslation("funding.ledger.byYear")), totals,
                new H3(getTranslation("funding.ledger.entries")), entries);
        refresh();
    }

    LedgerFilter filter() {
        return new LedgerFilter(programme.getValue() == null ? null : programme.getValue().code(), year.getValue(),
                organisation.getValue(), kind.getValue());
    }

    /** The filters as the line under the export's title. */
    private String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (programme.getValue() != null) {
            parts.add(getTranslation("funding.programme") + " " + programme.getValue().name(getLocale()));
        }
        if (year.getValue() != null) {
            parts.add(getTranslation("funding.yearLabel", String.valueOf(year.getValue())));
        }
        if (organisation.getValue() != null && !organisation.getValue().isBlank()) {
            parts.add(getTranslation("funding.organisation") + " “" + organisation.getValue().trim() + "”");
        }
        if (kind.getValue() != null) {
            parts.add(getTranslation("funding.kind") + " " + getTranslation("funding.kind." + kind.getValue()));
        }
        return ExcelTable.filtersLine(getLocale(), parts);
    }

    private void refresh() {
        LedgerFilter filter = filter();
        Money money = ledger.sum(filter);
        sum.setText(getTranslation("funding.ledger.sum", ledger.count(filter), Yuan.format(money.approved()),
                Yuan.format(money.paid()), Yuan.format(money.recovered()), Yuan.format(money.netPaid())));
        List<YearTotals> rows = ledger.totals(filter);
        totals.setItems(rows);
        entries.getDataProvider().refreshAll();
    }

    private String programmeName(Map<String, Programme> programmes, String code) {
        Programme p = programmes.get(code);
        return p == null ? code : p.name(getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.ledger");
    }
}
