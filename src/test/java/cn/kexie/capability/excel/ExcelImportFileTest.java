package cn.kexie.capability.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;

/** Reading an uploaded sheet: what is read, and every kind of file that is refused, with what to do. */
class ExcelImportFileTest {

    static final Set<String> MARKERS = Set.of("单位代码", "Code");

    @Test
    void theHeaderRowIsFoundBelowATitleAndEveryCellIsReadAsText() {
        byte[] xlsx = workbook(XSSFWorkbookType.XLSX, sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("学会名录");
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("单位代码");
            header.createCell(1).setCellValue("联系电话");
            header.createCell(2).setCellValue("评估等级");
            header.createCell(3).setCellValue("成立日期");
            header.createCell(4).setCellValue("是否");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("  CZ-TEST  ");
            row.createCell(1).setCellValue(13800001111d);
            row.createCell(2).setCellValue(3d);
            var date = row.createCell(3);
            date.setCellValue(LocalDate.of(1990, 5, 4));
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
            date.setCellStyle(style);
            row.createCell(4).setCellValue(true);
            sheet.createRow(4); // an empty row is no row
            sheet.createRow(5).createCell(0).setCellValue("XZ-TEST");
        });
        ExcelImportFile.Table table = ExcelImportFile.read(xlsx, "名录.xlsx", MARKERS, 10);
        assertThat(table.headers()).containsExactly("单位代码", "联系电话", "评估等级", "成立日期", "是否");
        assertThat(table.rows()).hasSize(2);
        ExcelImportFile.ImportedRow first = table.rows().get(0);
        assertThat(first.number()).isEqualTo(4);
        assertThat(first.get("单位代码")).isEqualTo("CZ-TEST");
        assertThat(first.get("联系电话")).isEqualTo("13800001111");
        assertThat(first.get("评估等级")).isEqualTo("3");
        assertThat(first.get("成立日期")).isEqualTo("1990-05-04");
        assertThat(first.get("是否")).isEqualTo("TRUE");
        assertThat(table.rows().get(1).number()).isEqualTo(6);
        assertThat(table.rows().get(1).get("联系电话")).isEmpty();
    }

    @Test
    void formulasAreRefusedNamingTheirCells() {
        byte[] xlsx = workbook(XSSFWorkbookType.XLSX, sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("单位代码");
            sheet.createRow(1).createCell(0).setCellFormula("\"CZ-\"&\"MED\"");
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("CZ-X");
            row.createCell(1).setCellFormula("1+1");
        });
        assertThat(problems(xlsx, "名录.xlsx", 10))
                .containsExactly("单元格 A2、B3 是公式（共 2 个）。导入只接受直接填写的值：请复制这些单元格后“选择性粘贴→数值”，再上传。");
    }

    @Test
    void aFileThatIsNoXlsxIsRefusedSayingWhatToDo() throws IOException {
        assertThat(problems(new byte[0], "空.xlsx", 10)).containsExactly("文件“空.xlsx”是空的，请选择填好的 Excel 工作簿（.xlsx）。");
        assertThat(problems("单位代码,单位名称\nCZ-X,某学会\n".getBytes(StandardCharsets.UTF_8), "名录.csv", 10))
                .containsExactly("文件“名录.csv”不是 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx），再上传。");
        byte[] xls;
        try (HSSFWorkbook old = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            old.createSheet().createRow(0).createCell(0).setCellValue("单位代码");
            old.write(out);
            xls = out.toByteArray();
        }
        assertThat(problems(xls, "名录.xls", 10)).singleElement().asString().contains("旧版 Excel 格式（.xls）");
        byte[] zipButNoWorkbook = zip("word/document.xml", "<w:document/>");
        assertThat(problems(zipButNoWorkbook, "名录.xlsx", 10)).singleElement().asString()
                .satisfiesAnyOf(p -> assertThat(p).contains("不是 Excel 工作簿"), p -> assertThat(p).contains("无法读取"));
        assertThat(problems(new byte[ExcelImportFile.MAX_BYTES + 1], "大.xlsx", 10))
                .containsExactly("文件“大.xlsx”超过 2 MB，请拆分为几个文件分别导入。");
    }

    @Test
    void aWorkbookWithMacrosIsRefused() {
        byte[] xlsm = workbook(XSSFWorkbookType.XLSM, sheet -> sheet.createRow(0).createCell(0).setCellValue("单位代码"));
        assertThat(problems(xlsm, "名录.xlsm", 10))
                .containsExactly("文件“名录.xlsm”含有宏，出于安全考虑不予接收。请“另存为”不含宏的 Excel 工作簿（.xlsx）后再上传。");
    }

    @Test
    void aPartThatUnpacksAtASuspiciousRatioIsRefusedAsAZipBomb() {
        // a real workbook whose sheet ends in 20 MB of blanks (still well-formed XML): without POI's
        // ratio guard it would be read, and refused only for want of a header row
        byte[] plain = workbook(XSSFWorkbookType.XLSX, sheet -> sheet.createRow(0).createCell(0).setCellValue("名称"));
        byte[] bomb = replaced(plain, "xl/worksheets/sheet1.xml", xml -> xml + " ".repeat(20 * 1024 * 1024));
        assertThat(bomb.length).isLessThan(ExcelImportFile.MAX_BYTES);
        assertThat(problems(bomb, "炸弹.xlsx", 10)).singleElement().asString().contains("无法读取文件“炸弹.xlsx”");
        assertThat(problems(plain, "名录.xlsx", 10)).singleElement().asString().contains("找不到表头行");
    }

    @Test
    void aPartThatUnpacksBeyondTheLimitIsRefusedEvenAtAnOrdinaryRatio() {
        // some 40 MB of rows that compress like ordinary sheets do (not beyond POI's ratio guard): refused by
        // the size limit of a part; without it, the rows would be read and refused only for their number
        StringBuilder rows = new StringBuilder();
        String filler = "学会名录导入测试用的一段较长文字，内容重复但行号不同。".repeat(8);
        for (int r = 2; rows.length() < 40 * 1024 * 1024 / 3; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>")
                    .append(r).append(filler).append("</t></is></c></row>");
        }
        byte[] plain = workbook(XSSFWorkbookType.XLSX, sheet -> sheet.createRow(0).createCell(0).setCellValue("单位代码"));
        byte[] big = replaced(plain, "xl/worksheets/sheet1.xml", xml -> xml.replace("</sheetData>", rows + "</sheetData>"));
        long unpacked = unpackedSize(big, "xl/worksheets/sheet1.xml");
        assertThat(unpacked).isGreaterThan(ExcelImportFile.MAX_UNPACKED_BYTES);
        assertThat((double) big.length / unpacked).as("the ratio POI's guard accepts").isGreaterThan(0.01);
        assertThat(big.length).isLessThan(ExcelImportFile.MAX_BYTES);
        assertThat(problems(big, "大表.xlsx", 10)).singleElement().asString().contains("无法读取文件“大表.xlsx”");
    }

    @Test
    void noHeaderRowAndTooManyRowsAreRefused() {
        byte[] noHeader = workbook(XSSFWorkbookType.XLSX, sheet -> sheet.createRow(0).createCell(0).setCellValue("名称"));
        assertThat(problems(noHeader, "名录.xlsx", 10)).singleElement().asString().contains("找不到表头行");
        byte[] many = workbook(XSSFWorkbookType.XLSX, sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Code");
            for (int r = 1; r <= 4; r++) {
                sheet.createRow(r).createCell(0).setCellValue("X-" + r);
            }
        });
        assertThat(problems(many, "名录.xlsx", 3)).containsExactly("一次最多导入 3 行，本文件有 4 行，请拆分为几个文件分别导入。");
        assertThat(ExcelImportFile.read(many, "名录.xlsx", MARKERS, 4).rows()).hasSize(4);
    }

    private static List<String> problems(byte[] content, String name, int maxRows) {
        try {
            ExcelImportFile.read(content, name, MARKERS, maxRows);
        } catch (UserError refused) {
            return List.of(Messages.describe(Messages.CHINESE, refused).split("\n"));
        }
        throw new AssertionError("not refused");
    }

    static byte[] workbook(XSSFWorkbookType type, Consumer<XSSFSheet> fill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(type); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook.createSheet("Sheet1"));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The workbook with one part's text changed. */
    static byte[] replaced(byte[] xlsx, String part, java.util.function.UnaryOperator<String> change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static long unpackedSize(byte[] xlsx, String part) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(part)) {
                    return in.readAllBytes().length;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no part " + part);
    }

    static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
