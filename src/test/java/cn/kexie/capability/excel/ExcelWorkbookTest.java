package cn.kexie.capability.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The shared export: how a list lands in a sheet, read back with POI. */
class ExcelWorkbookTest {

    record Payment(String number, String organisation, BigDecimal amount, Integer count, BigDecimal score,
            LocalDate paidOn, Instant recordedAt) {
    }

    static final List<Payment> PAYMENTS = List.of(
            new Payment("CHENZHOU-2026-0001", "郴州市医学会", new BigDecimal("12345.6"), 3, new BigDecimal("86.255"),
                    LocalDate.of(2026, 11, 29), Instant.parse("2026-11-29T01:30:00Z")),
            new Payment("CHENZHOU-2026-0002", "郴州市农学会", new BigDecimal("1000000"), null, null, null, null));

    static ExcelTable<Payment> table() {
        return ExcelTable.<Payment>titled("拨付记录")
                .subtitle("筛选条件：计划 郴州市")
                .text("项目编号", Payment::number)
                .text("申报单位", Payment::organisation)
                .amount("金额（元）", Payment::amount)
                .integer("笔数", Payment::count)
                .score("得分", Payment::score)
                .date("拨付日期", Payment::paidOn)
                .dateTime("登记时间", Payment::recordedAt)
                .totals("合计");
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void aListBecomesASheetWithTitleFiltersHeadersAndRealNumberAndDateCells() {
        byte[] xlsx;
        try (ExcelWorkbook workbook = new ExcelWorkbook(Messages.CHINESE)) {
            xlsx = workbook.sheet(table(), PAYMENTS).toBytes();
        }
        ExcelFiles.ReadSheet sheet = ExcelFiles.sheet(xlsx);
        assertThat(sheet.sheet().getSheetName()).isEqualTo("拨付记录");
        assertThat(sheet.title()).isEqualTo("拨付记录");
        assertThat(sheet.subtitle()).startsWith("筛选条件：计划 郴州市").contains("导出时间：");
        assertThat(sheet.headers()).containsExactly("项目编号", "申报单位", "金额（元）", "笔数", "得分", "拨付日期", "登记时间");
        assertThat(sheet.rows()).hasSize(3);

        Row first = sheet.rows().get(0);
        assertThat(sheet.type(first, "项目编号")).isEqualTo(CellType.STRING);
        assertThat(sheet.cell(first, "金额（元）").getNumericCellValue()).isEqualTo(12345.60);
        assertThat(sheet.cell(first, "金额（元）").getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(sheet.text(first, "金额（元）")).isEqualTo("12,345.60");
        assertThat(sheet.cell(first, "笔数").getNumericCellValue()).isEqualTo(3);
        assertThat(sheet.cell(first, "得分").getNumericCellValue()).isEqualTo(86.26);
        assertThat(sheet.text(first, "得分")).isEqualTo("86.26");
        var paid = sheet.cell(first, "拨付日期");
        assertThat(paid.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(paid)).isTrue();
        assertThat(paid.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(sheet.text(first, "拨付日期")).isEqualTo("2026-11-29");
        // 01:30 UTC is 09:30 in Asia/Shanghai, whatever the server's zone
        var recorded = sheet.cell(first, "登记时间");
        assertThat(DateUtil.isCellDateFormatted(recorded)).isTrue();
        assertThat(recorded.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 29, 9, 30));
        assertThat(sheet.text(first, "登记时间")).isEqualTo("2026-11-29 09:30");

        Row second = sheet.rows().get(1);
        assertThat(sheet.type(second, "笔数")).isEqualTo(CellType.BLANK);
        assertThat(sheet.type(second, "拨付日期")).isEqualTo(CellType.BLANK);

        Row totals = sheet.rows().get(2);
        assertThat(sheet.text(totals, "项目编号")).isEqualTo("合计");
        assertThat(sheet.cell(totals, "金额（元）").getNumericCellValue()).isEqualTo(1_012_345.60);
        assertThat(sheet.cell(totals, "笔数").getNumericCellValue()).isEqualTo(3);
        assertThat(sheet.type(totals, "拨付日期")).isEqualTo(CellType.BLANK);
    }

    @Test
    void headersAreFrozenFilteredRepeatedWhenPrintedAndColumnsAreAsWideAsTheirText() {
        byte[] xlsx;
        try (ExcelWorkbook workbook = new ExcelWorkbook(Messages.CHINESE)) {
            xlsx = workbook.sheet(table(), PAYMENTS).toBytes();
        }
        try (XSSFWorkbook read = ExcelFiles.open(xlsx)) {
            XSSFSheet sheet = read.getSheetAt(0);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) (ExcelFiles.HEADER_ROW + 1));
            // the filter covers the headers and the items, not the totals
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:G5");
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(ExcelFiles.HEADER_ROW);
            assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(ExcelFiles.HEADER_ROW);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            // 申报单位's longest text is six Chinese characters: twelve widths, plus a margin
            assertThat(sheet.getColumnWidth(1)).isEqualTo((12 + 2) * 256);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(("CHENZHOU-2026-0001".length() + 2) * 256);
            assertThat(sheet.getMergedRegions()).extracting(r -> r.formatAsString()).contains("A1:G1", "A2:G2");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theWorkbooksOwnWordsFollowTheLanguageAndSheetNamesAreMadeSafeAndUnique() {
        byte[] xlsx;
        try (ExcelWorkbook workbook = new ExcelWorkbook(Messages.ENGLISH)) {
            ExcelTable<Payment> table = ExcelTable.<Payment>titled("Payments").text("Number", Payment::number);
            xlsx = workbook.sheet("a/b:c*d?[e]", table, PAYMENTS).sheet("a/b:c*d?[e]", table, PAYMENTS)
                    .sheet("Payments", table, List.of()).toBytes();
        }
        assertThat(ExcelFiles.sheetNames(xlsx)).containsExactly("a b c d  e ", "a b c d  e  (2)", "Payments");
        ExcelFiles.ReadSheet empty = ExcelFiles.sheet(xlsx, 2);
        assertThat(empty.subtitle()).startsWith("Exported: ");
        assertThat(empty.headers()).containsExactly("Number");
        assertThat(empty.rows()).isEmpty();
    }

    @Test
    void aListLongerThanASheetHoldsIsRefusedWithAMessage() {
        try (ExcelWorkbook workbook = new ExcelWorkbook(Messages.CHINESE, 1)) {
            assertThatThrownBy(() -> workbook.sheet(table(), PAYMENTS))
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(Messages.describe(Messages.CHINESE, e))
                            .isEqualTo("列表超过 1 行，无法导出到一张 Excel 工作表，请先缩小筛选范围。"));
        }
    }

    @Test
    void pagedRowsAskTheSourceUntilAShortPage() {
        List<int[]> asked = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < ExcelRows.PAGE * 2 + 3; i++) {
            all.add(i);
        }
        List<Integer> seen = new ArrayList<>();
        ExcelRows.<Integer>paged((offset, limit) -> {
            asked.add(new int[] {offset, limit});
            return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        }).forEach(seen::add);
        assertThat(seen).isEqualTo(all);
        assertThat(asked).extracting(a -> a[0]).containsExactly(0, ExcelRows.PAGE, ExcelRows.PAGE * 2);
    }

    @Test
    void theDownloadIsNamedForTheDayAndARefusalIsAnsweredWithoutAFile() throws Exception {
        VaadinTestUi.open(new Messages());
        ExcelDownload download = new ExcelDownload("申报列表", () -> workbook -> workbook.sheet(table(), PAYMENTS));
        assertThat(download.fileName()).matches("申报列表-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
        assertThat(download.button.getText()).isEqualTo("导出 Excel");
        assertThat(download.isDownload()).isTrue();

        DownloadEvent event = mock(DownloadEvent.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(event.getOutputStream()).thenReturn(body);
        handler(download).handleDownloadRequest(event);
        verify(event).setFileName(download.fileName());
        verify(event).setContentType(ExcelWorkbook.CONTENT_TYPE);
        assertThat(ExcelFiles.sheet(body.toByteArray()).rows()).hasSize(3);

        ExcelDownload refused = new ExcelDownload("申报列表", () -> workbook -> {
            throw new AccessDeniedException("not yours");
        });
        DownloadEvent denied = mock(DownloadEvent.class);
        VaadinResponse response = mock(VaadinResponse.class);
        when(denied.getResponse()).thenReturn(response);
        handler(refused).handleDownloadRequest(denied);
        verify(response).setStatus(403);
        verify(denied, org.mockito.Mockito.never()).getOutputStream();
        assertThatThrownBy(refused::content).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDownloadReadsTheViewWithItsUiCurrentSoTextsComeInTheUisLanguage() throws Exception {
        com.vaadin.flow.component.UI english = VaadinTestUi.open(new Messages(), Messages.ENGLISH);
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        ExcelDownload download = new ExcelDownload("applications", () -> {
            com.vaadin.flow.component.UI current = com.vaadin.flow.component.UI.getCurrent();
            seen.set(current == null ? "no UI" : current.getLocale().getLanguage());
            return workbook -> workbook.sheet(table(), PAYMENTS);
        });
        // the download request's thread: no UI is current there
        com.vaadin.flow.component.UI.setCurrent(null);
        DownloadEvent event = mock(DownloadEvent.class);
        when(event.getUI()).thenReturn(english);
        when(event.getOutputStream()).thenReturn(new ByteArrayOutputStream());
        handler(download).handleDownloadRequest(event);
        assertThat(seen.get()).isEqualTo("en");
        assertThat(com.vaadin.flow.component.UI.getCurrent()).isNull();
    }

    /** The handler the anchor's href stands for. */
    private static DownloadHandler handler(ExcelDownload download) throws ReflectiveOperationException {
        for (Class<?> inner : ExcelDownload.class.getDeclaredClasses()) {
            if (DownloadHandler.class.isAssignableFrom(inner)) {
                var constructor = inner.getDeclaredConstructor(ExcelDownload.class);
                constructor.setAccessible(true);
                return (DownloadHandler) constructor.newInstance(download);
            }
        }
        throw new AssertionError("no handler");
    }

}
