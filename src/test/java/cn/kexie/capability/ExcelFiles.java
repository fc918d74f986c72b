package cn.kexie.capability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Exported workbooks read back with POI, as the export lays them out: the title in the first row,
 * the filters in the second, the headers in the third, one row per item below.
 */
public final class ExcelFiles {

    /** The row index of the headers in an exported sheet. */
    public static final int HEADER_ROW = 2;

    private ExcelFiles() {
    }

    public static XSSFWorkbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One exported sheet as read back. */
    public record ReadSheet(Sheet sheet, String title, String subtitle, List<String> headers, List<Row> rows) {

        public int column(String header) {
            int index = headers.indexOf(header);
            if (index < 0) {
                throw new AssertionError("no column " + header + " in " + headers);
            }
            return index;
        }

        /** The cell of the item row under the header (null if the cell is blank). */
        public Cell cell(Row row, String header) {
            return row.getCell(column(header));
        }

        /** The texts of a column, as Excel shows them. */
        public List<String> texts(String header) {
            int c = column(header);
            DataFormatter formatter = new DataFormatter();
            return rows.stream().map(r -> r.getCell(c) == null ? "" : formatter.formatCellValue(r.getCell(c))).toList();
        }

        /** The item row whose cell under the header shows this text. */
        public Optional<Row> rowWith(String header, String text) {
            int c = column(header);
            DataFormatter formatter = new DataFormatter();
            return rows.stream().filter(r -> r.getCell(c) != null && text.equals(formatter.formatCellValue(r.getCell(c))))
                    .findFirst();
        }

        /** The row's text under the header, as Excel shows it. */
        public String text(Row row, String header) {
            Cell cell = cell(row, header);
            return cell == null ? "" : new DataFormatter().formatCellValue(cell);
        }

        public CellType type(Row row, String header) {
            Cell cell = cell(row, header);
            return cell == null ? CellType.BLANK : cell.getCellType();
        }
    }

    public static ReadSheet sheet(byte[] xlsx, int index) {
        try (XSSFWorkbook workbook = open(xlsx)) {
            Sheet sheet = workbook.getSheetAt(index);
            List<String> headers = new ArrayList<>();
            Row header = sheet.getRow(HEADER_ROW);
            for (int c = 0; c < header.getLastCellNum(); c++) {
                headers.add(header.getCell(c) == null ? "" : header.getCell(c).getStringCellValue());
            }
            List<Row> rows = new ArrayList<>();
            for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r) != null) {
                    rows.add(sheet.getRow(r));
                }
            }
            return new ReadSheet(sheet, sheet.getRow(0).getCell(0).getStringCellValue(),
                    sheet.getRow(1).getCell(0).getStringCellValue(), headers, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReadSheet sheet(byte[] xlsx) {
        return sheet(xlsx, 0);
    }

    public static List<String> sheetNames(byte[] xlsx) {
        try (XSSFWorkbook workbook = open(xlsx)) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
