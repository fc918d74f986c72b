package cn.kexie.capability.excel;

import cn.kexie.capability.common.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of one exported list: a title, an optional line under it (the filters that made the
 * list), and per column a header and how to read its cell from a row. Each kind of column is written
 * as a real Excel cell of that kind: text, whole numbers, amounts of money (two decimals, thousands
 * separated), scores (two decimals), days (yyyy-MM-dd) and moments (yyyy-MM-dd HH:mm, Asia/Shanghai).
 * A value of null leaves the cell empty.
 *
 * <pre>{@code
 * ExcelTable<Payment> table = ExcelTable.<Payment>titled("拨付记录")
 *         .subtitle("计划：郴州市学会服务能力提升计划")
 *         .text("项目编号", Payment::number)
 *         .amount("金额（元）", Payment::amount)
 *         .date("拨付日期", Payment::paidOn)
 *         .totals("合计");
 * }</pre>
 *
 * @param <T> the type of the list's rows
 */
public final class ExcelTable<T> {

    /** How a column's cells are written. */
    public enum Kind {
        TEXT, INTEGER, AMOUNT, SCORE, DATE, DATE_TIME
    }

    /** One column: its header, kind and value. */
    record Column<T>(String header, Kind kind, Function<? super T, ?> value) {
    }

    private final String title;
    private String subtitle;
    private String totalsLabel;
    private final List<Column<T>> columns = new ArrayList<>();

    private ExcelTable(String title) {
        this.title = title == null ? "" : title;
    }

    /** A table under this title (the first row of its sheet). */
    public static <T> ExcelTable<T> titled(String title) {
        return new ExcelTable<>(title);
    }

    /** A line under the title, such as the filters the list was made with. */
    public ExcelTable<T> subtitle(String text) {
        this.subtitle = text == null || text.isBlank() ? null : text;
        return this;
    }

    /**
     * A last row that adds up the amount, score and whole-number columns, with this label in the first
     * text column (the sums are written as values, so every reader sees them without calculating).
     */
    public ExcelTable<T> totals(String label) {
        this.totalsLabel = label;
        return this;
    }

    public ExcelTable<T> text(String header, Function<? super T, ?> value) {
        return add(header, Kind.TEXT, value);
    }

    public ExcelTable<T> integer(String header, Function<? super T, ? extends Number> value) {
        return add(header, Kind.INTEGER, value);
    }

    /** Yuan with two decimals: {@code #,##0.00}. */
    public ExcelTable<T> amount(String header, Function<? super T, ? extends BigDecimal> value) {
        return add(header, Kind.AMOUNT, value);
    }

    /** Points with two decimals: {@code 0.00}. */
    public ExcelTable<T> score(String header, Function<? super T, ? extends Number> value) {
        return add(header, Kind.SCORE, value);
    }

    public ExcelTable<T> date(String header, Function<? super T, LocalDate> value) {
        return add(header, Kind.DATE, value);
    }

    /** A moment, shown as its day and minute in Asia/Shanghai. */
    public ExcelTable<T> dateTime(String header, Function<? super T, Instant> value) {
        return add(header, Kind.DATE_TIME, value);
    }

    private ExcelTable<T> add(String header, Kind kind, Function<? super T, ?> value) {
        columns.add(new Column<>(header == null ? "" : header, kind, value));
        return this;
    }

    /**
     * The line that says which filters made a list: 筛选条件：计划 郴州市……；状态 公示中, or 筛选条件：全部
     * when there are none (in English: Filters: ...; ...).
     */
    public static String filtersLine(Locale locale, List<String> parts) {
        String joined = parts.isEmpty() ? Messages.get(locale, "excel.allRows")
                : String.join(Messages.isEnglish(locale) ? "; " : "；", parts);
        return Messages.get(locale, "excel.filters", joined);
    }

    public String title() {
        return title;
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    String subtitleText() {
        return subtitle;
    }

    String totalsLabel() {
        return totalsLabel;
    }

    List<Column<T>> columns() {
        return columns;
    }
}
