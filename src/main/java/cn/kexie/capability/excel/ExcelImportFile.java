package cn.kexie.capability.excel;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of an uploaded Excel workbook, read defensively: only .xlsx is accepted (an old .xls,
 * a CSV or anything else is refused with a message that says what to do), no workbook with macros, no
 * file over {@link #MAX_BYTES}, no part that unpacks to more than {@link #MAX_UNPACKED_BYTES} or at a
 * suspicious ratio (POI's {@link ZipSecureFile} limits against zip bombs), and no formula anywhere in
 * the data (its value would be whatever Excel last computed; the person is asked to paste values). POI
 * parses the XML without external entities.
 *
 * <p>The header row is the first row (of the first 20) that holds one of the given marker headers, so a
 * title above it does no harm. Every row below it with any content becomes a {@link Row} keyed by header,
 * numbered as Excel numbers it (第N行). Every cell is read as text: numbers without a trailing ".0" or an
 * exponent, days as yyyy-MM-dd, TRUE/FALSE as such.
 */
public final class ExcelImportFile {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The largest any one part of the file may unpack to. */
    public static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;
    /** How far down the header row is looked for. */
    static final int HEADER_SEARCH_ROWS = 20;
    /** How many cells a problem names before it says "…". */
    static final int MAX_NAMED_CELLS = 10;
    private static final Pattern MACRO_PART = Pattern.compile("/xl/vbaProject\\.bin", Pattern.CASE_INSENSITIVE);

    static {
        // POI's guards against zip bombs apply to every workbook the platform opens
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_BYTES);
    }

    private ExcelImportFile() {
    }

    /** The headers of the sheet, in its order, and its rows with content. */
    public record Table(List<String> headers, List<ImportedRow> rows) {
    }

    /** One row: its number as Excel shows it (1 for the first) and its cells' texts by header (blank cells absent). */
    public record ImportedRow(int number, Map<String, String> cells) {

        /** The cell's text, trimmed; empty if the cell is blank. */
        public String get(String header) {
            String value = cells.get(header);
            return value == null ? "" : value;
        }
    }

    /**
     * Reads the first sheet. Refuses the file with every problem found at once (a {@link UserError}):
     * not an .xlsx, too large, with macros, unreadable, no header row, formulas (each cell named), more
     * than {@code maxRows} rows with content.
     *
     * @param markers headers of which the header row holds at least one (in any of the UI's languages)
     */
    public static Table read(byte[] content, String fileName, Collection<String> markers, int maxRows) {
        String name = fileName == null ? "" : fileName;
        if (content == null || content.length == 0) {
            throw new UserError("excel.import.error.empty", name);
        }
        if (content.length > MAX_BYTES) {
            throw new UserError("excel.import.error.tooLarge", name, MAX_BYTES / 1024 / 1024);
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException unreadable) {
            throw new UserError("excel.import.error.notXlsx", name);
        }
        if (magic == FileMagic.OLE2) {
            throw new UserError("excel.import.error.oldXls", name);
        }
        if (magic != FileMagic.OOXML) {
            throw new UserError("excel.import.error.notXlsx", name);
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            if (!pkg.getPartsByName(MACRO_PART).isEmpty() || isMacroEnabled(pkg)) {
                throw new UserError("excel.import.error.macros", name);
            }
            if (pkg.getPartsByContentType(XSSFRelation.WORKBOOK.getContentType()).isEmpty()
                    && pkg.getPartsByContentType(XSSFRelation.TEMPLATE_WORKBOOK.getContentType()).isEmpty()) {
                throw new UserError("excel.import.error.notXlsx", name);
            }
            XSSFWorkbook workbook = new XSSFWorkbook(pkg);
            if (workbook.getNumberOfSheets() == 0) {
                throw new UserError("excel.import.error.noHeader", name, markers.iterator().next());
            }
            return table(workbook.getSheetAt(0), name, markers, maxRows);
        } catch (UserError refused) {
            throw refused;
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException unreadable) {
            // a damaged zip, a part that unpacks too far (POI: "Zip bomb detected"), XML that is no workbook
            throw new UserError("excel.import.error.unreadable", name);
        } finally {
            if (pkg != null) {
                // closes without writing anything back
                pkg.revert();
            }
        }
    }

    private static boolean isMacroEnabled(OPCPackage pkg) {
        return !pkg.getPartsByContentType(XSSFRelation.MACROS_WORKBOOK.getContentType()).isEmpty()
                || !pkg.getPartsByContentType(XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType()).isEmpty()
                || !pkg.getPartsByContentType(XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType()).isEmpty();
    }

    private static Table table(Sheet sheet, String name, Collection<String> markers, int maxRows) {
        List<Problem> problems = new ArrayList<>();
        Row headerRow = null;
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum() && r < HEADER_SEARCH_ROWS; r++) {
            Row row = sheet.getRow(r);
            if (row != null && texts(row, new ArrayList<>(), new ArrayList<>()).values().stream().anyMatch(markers::contains)) {
                headerRow = row;
                break;
            }
        }
        if (headerRow == null) {
            throw new UserError("excel.import.error.noHeader", name, markers.iterator().next());
        }
        List<String> formulas = new ArrayList<>();
        Map<Integer, String> headers = texts(headerRow, problems, formulas);
        List<ImportedRow> rows = new ArrayList<>();
        int withContent = 0;
        for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<Integer, String> texts = texts(row, problems, formulas);
            if (texts.values().stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (++withContent > maxRows) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            texts.forEach((column, text) -> {
                String header = headers.get(column);
                if (!text.isEmpty()) {
                    cells.put(header == null ? "" : header, text);
                }
            });
            rows.add(new ImportedRow(r + 1, cells));
        }
        if (!formulas.isEmpty()) {
            String shown = String.join("、", formulas.subList(0, Math.min(formulas.size(), MAX_NAMED_CELLS)))
                    + (formulas.size() > MAX_NAMED_CELLS ? "…" : "");
            problems.add(new Problem("excel.import.error.formula", shown, formulas.size()));
        }
        if (withContent > maxRows) {
            problems.add(new Problem("excel.import.error.tooManyRows", maxRows, withContent));
        }
        UserError.throwIfAny(problems);
        return new Table(headers.values().stream().filter(h -> !h.isEmpty()).toList(), rows);
    }

    /** The texts of a row's cells by column; formulas are noted, error values become problems. */
    private static Map<Integer, String> texts(Row row, List<Problem> problems, List<String> formulas) {
        Map<Integer, String> texts = new LinkedHashMap<>();
        for (Cell cell : row) {
            String at = new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false);
            CellType type = cell.getCellType();
            if (type == CellType.FORMULA) {
                formulas.add(at);
                continue;
            }
            if (type == CellType.ERROR) {
                problems.add(new Problem("excel.import.error.cellError", at));
                continue;
            }
            texts.put(cell.getColumnIndex(), text(cell, type));
        }
        return texts;
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            default -> "";
        };
    }
}
