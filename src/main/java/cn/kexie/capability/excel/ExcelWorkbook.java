package cn.kexie.capability.excel;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook (.xlsx) of one or more exported lists, written with Apache POI's streaming
 * workbook (SXSSF: only a window of rows is held in memory, the rest goes to a temporary file), so a
 * long list costs little memory. Each list becomes a sheet laid out the same way: its title, a line
 * with its filters and the moment of export, the headers (bold, frozen, with an auto filter, repeated
 * on every printed page), then one row per item with real number and date cells, columns as wide as
 * their contents (within limits), printed landscape and one page wide.
 *
 * <p>Always close it (try-with-resources): closing deletes the temporary files.
 */
public final class ExcelWorkbook implements Closeable {

    /** The media type of an .xlsx file. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** How many item rows one sheet may hold: Excel's limit less the title, filter and header rows. */
    public static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 4;
    /** Excel's limit for the text of one cell. */
    static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** Rows kept in memory while a sheet is written. */
    private static final int WINDOW = 200;
    /** Column widths, in characters of the default font (a Chinese character counts two). */
    static final int MIN_WIDTH = 6;
    static final int MAX_WIDTH = 60;
    /** How wide a header alone makes its column; a longer one wraps. */
    static final int HEADER_WIDTH = 20;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SXSSFWorkbook workbook;
    private final Locale locale;
    private final Styles styles;
    private final Set<String> sheetNames = new HashSet<>();
    private final int maxRows;

    /** An empty workbook whose own words (the moment of export) are in this language. */
    public ExcelWorkbook(Locale locale) {
        this(locale, MAX_ROWS);
    }

    /** As above, with a lower row limit (for tests). */
    ExcelWorkbook(Locale locale, int maxRows) {
        this.maxRows = maxRows;
        this.locale = locale == null ? Messages.CHINESE : locale;
        this.workbook = new SXSSFWorkbook(WINDOW);
        this.styles = new Styles(workbook);
    }

    public Locale locale() {
        return locale;
    }

    /** Adds the list as a sheet named after the table's title. */
    public <T> ExcelWorkbook sheet(ExcelTable<T> table, Iterable<? extends T> rows) {
        return sheet(table.title(), table, rows);
    }

    /**
     * Adds the list as a sheet of this name (shortened to Excel's 31 characters, characters Excel
     * refuses replaced, made unique in the workbook). Refuses a list longer than {@link #MAX_ROWS}
     * with a {@link UserError} that asks for a narrower filter.
     */
    public <T> ExcelWorkbook sheet(String sheetName, ExcelTable<T> table, Iterable<? extends T> rows) {
        List<ExcelTable.Column<T>> columns = table.columns();
        int lastColumn = Math.max(columns.size(), 1) - 1;
        SXSSFSheet sheet = workbook.createSheet(uniqueName(sheetName));
        int[] widths = new int[columns.size()];

        int r = 0;
        Row titleRow = sheet.createRow(r++);
        titleRow.setHeightInPoints(24);
        text(titleRow, 0, table.title(), styles.title);
        mergeAcross(sheet, titleRow.getRowNum(), lastColumn);

        String exportedAt = Messages.get(locale, "excel.exportedAt",
                MINUTE.format(LocalDateTime.ofInstant(PlatformClock.now(), PlatformClock.ZONE)));
        Row subtitleRow = sheet.createRow(r++);
        text(subtitleRow, 0, table.subtitleText() == null ? exportedAt : table.subtitleText() + "    " + exportedAt,
                styles.subtitle);
        mergeAcross(sheet, subtitleRow.getRowNum(), lastColumn);

        int headerRowIndex = r++;
        Row headerRow = sheet.createRow(headerRowIndex);
        int headerLines = 1;
        for (int c = 0; c < columns.size(); c++) {
            text(headerRow, c, columns.get(c).header(), styles.header);
            // a long header wraps rather than widening its column beyond HEADER_WIDTH
            int headerWidth = displayWidth(columns.get(c).header());
            widths[c] = Math.min(headerWidth, HEADER_WIDTH);
            headerLines = Math.max(headerLines, (headerWidth + HEADER_WIDTH - 1) / HEADER_WIDTH);
        }
        headerRow.setHeightInPoints(headerLines * 16f + 4);

        BigDecimal[] sums = new BigDecimal[columns.size()];
        int items = 0;
        for (T item : rows) {
            if (++items > maxRows) {
                throw new UserError("excel.error.tooManyRows", maxRows);
            }
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                ExcelTable.Column<T> column = columns.get(c);
                Object value = column.value().apply(item);
                widths[c] = Math.max(widths[c], write(row, c, column.kind(), value));
                if (value instanceof Number n && column.kind() != ExcelTable.Kind.TEXT) {
                    sums[c] = (sums[c] == null ? BigDecimal.ZERO : sums[c]).add(decimal(n));
                }
            }
        }
        int lastItemRow = r - 1;

        if (table.totalsLabel() != null) {
            Row totals = sheet.createRow(r++);
            int labelColumn = 0;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).kind() == ExcelTable.Kind.TEXT) {
                    labelColumn = c;
                    break;
                }
            }
            text(totals, labelColumn, table.totalsLabel(), styles.totalLabel);
            for (int c = 0; c < columns.size(); c++) {
                ExcelTable.Kind kind = columns.get(c).kind();
                if (kind == ExcelTable.Kind.AMOUNT || kind == ExcelTable.Kind.INTEGER || kind == ExcelTable.Kind.SCORE) {
                    Cell cell = totals.createCell(c);
                    cell.setCellValue((sums[c] == null ? BigDecimal.ZERO : sums[c]).doubleValue());
                    cell.setCellStyle(styles.total(kind));
                }
            }
        }

        sheet.createFreezePane(0, headerRowIndex + 1);
        if (!columns.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(headerRowIndex, Math.max(headerRowIndex, lastItemRow), 0, lastColumn));
            sheet.setRepeatingRows(new CellRangeAddress(headerRowIndex, headerRowIndex, -1, -1));
        }
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
        }
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        return this;
    }

    /** Writes the workbook as an .xlsx file. */
    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
        out.flush();
    }

    /** The workbook as the bytes of an .xlsx file. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        try {
            workbook.dispose();
            workbook.close();
        } catch (IOException ignored) {
            // the temporary files are gone; nothing else was written
        }
    }

    // ------------------------------------------------------------------ cells

    /** Writes the value as a cell of its column's kind; answers its display width. */
    private int write(Row row, int column, ExcelTable.Kind kind, Object value) {
        if (value == null) {
            return 0;
        }
        Cell cell = row.createCell(column);
        switch (kind) {
            case TEXT -> {
                String text = String.valueOf(value);
                if (text.length() > MAX_CELL_TEXT) {
                    text = text.substring(0, MAX_CELL_TEXT - 1) + "…";
                }
                cell.setCellValue(text);
                cell.setCellStyle(styles.text);
                return displayWidth(text);
            }
            case INTEGER -> {
                BigDecimal n = decimal((Number) value);
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(styles.integer);
                return n.setScale(0, RoundingMode.HALF_UP).toPlainString().length();
            }
            case AMOUNT -> {
                BigDecimal n = decimal((Number) value).setScale(2, RoundingMode.HALF_UP);
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(styles.amount);
                String shown = String.format(Locale.ROOT, "%,.2f", n);
                return shown.length();
            }
            case SCORE -> {
                BigDecimal n = decimal((Number) value).setScale(2, RoundingMode.HALF_UP);
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(styles.score);
                return n.toPlainString().length();
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.date);
                return 10;
            }
            case DATE_TIME -> {
                cell.setCellValue(LocalDateTime.ofInstant((Instant) value, PlatformClock.ZONE));
                cell.setCellStyle(styles.dateTime);
                return 16;
            }
            default -> throw new IllegalStateException("kind " + kind);
        }
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text == null ? "" : text);
        cell.setCellStyle(style);
    }

    private static void mergeAcross(SXSSFSheet sheet, int row, int lastColumn) {
        if (lastColumn > 0) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, lastColumn));
        }
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        return BigDecimal.valueOf(n.doubleValue());
    }

    /** The width of a text in characters of the default font: wide (CJK) characters count two; the longest line counts. */
    static int displayWidth(String text) {
        if (text == null) {
            return 0;
        }
        int widest = 0;
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                widest = Math.max(widest, width);
                width = 0;
            } else {
                width += cp >= 0x2E80 ? 2 : 1;
            }
        }
        return Math.max(widest, width);
    }

    private String uniqueName(String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted.trim());
        String name = base;
        for (int n = 2; sheetNames.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        sheetNames.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** The cell styles of a workbook, made once (Excel limits how many a file may hold). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle amount;
        final CellStyle score;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle totalLabel;
        final CellStyle totalInteger;
        final CellStyle totalAmount;
        final CellStyle totalScore;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setFontHeightInPoints((short) 10);

            title = wb.createCellStyle();
            title.setFont(big);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            subtitle = wb.createCellStyle();
            subtitle.setFont(grey);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            bordered(header);

            text = bordered(wb.createCellStyle());
            text.setVerticalAlignment(VerticalAlignment.TOP);
            text.setWrapText(true);
            integer = number(wb, "0");
            amount = number(wb, "#,##0.00");
            score = number(wb, "0.00");
            date = number(wb, "yyyy-mm-dd");
            dateTime = number(wb, "yyyy-mm-dd hh:mm");
            totalLabel = bordered(wb.createCellStyle());
            totalLabel.setFont(bold);
            totalInteger = number(wb, "0");
            totalInteger.setFont(bold);
            totalAmount = number(wb, "#,##0.00");
            totalAmount.setFont(bold);
            totalScore = number(wb, "0.00");
            totalScore.setFont(bold);
        }

        CellStyle total(ExcelTable.Kind kind) {
            return switch (kind) {
                case AMOUNT -> totalAmount;
                case SCORE -> totalScore;
                default -> totalInteger;
            };
        }

        private static CellStyle number(SXSSFWorkbook wb, String format) {
            CellStyle style = bordered(wb.createCellStyle());
            style.setDataFormat(wb.createDataFormat().getFormat(format));
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }

        private static CellStyle bordered(CellStyle style) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
