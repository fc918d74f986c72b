package cn.kexie.capability.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.excel.ExcelWorkbook;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The register's Excel import: a filled-in template creates new codes and updates existing ones in
 * one go; every wrong row is listed with its number and nothing is saved; only the office and
 * administrators import, and only organisations of their cities; an exported register imports
 * again unchanged.
 */
@PlatformTest
class OrganisationImportTest {

    @Autowired IdentityService identity;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationService organisations;
    @Autowired OrganisationImport imports;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired CurrentUser currentUser;

    /** A prefix of this test's codes, so that no other test meets them. */
    String prefix;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
        prefix = "IMP" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(Locale.ROOT);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void theTemplateHasTheHeadersAnExampleRowAndTheRules() {
        byte[] template = template("office-xz", Messages.CHINESE);
        assertThat(ExcelFiles.sheetNames(template)).containsExactly("学会名录导入模板", "填写说明");
        ExcelFiles.ReadSheet sheet = ExcelFiles.sheet(template);
        assertThat(sheet.headers()).startsWith("单位代码", "单位名称", "所属城市", "单位类型", "评估等级", "团体会员", "秘书长", "联系人", "联系电话",
                "内部管理规范，组织领导有力，活动正常").hasSize(21);
        assertThat(sheet.subtitle()).contains("第4行（代码 EXAMPLE-01）是示例");
        Row example = sheet.rows().get(0);
        assertThat(example.getRowNum() + 1).isEqualTo(4);
        assertThat(sheet.text(example, "单位代码")).isEqualTo("EXAMPLE-01");
        // Xuzhou's office gets an example of its own city, and its cities only in the rules
        assertThat(sheet.text(example, "所属城市")).isEqualTo("徐州市");
        ExcelFiles.ReadSheet rules = ExcelFiles.sheet(template, 1);
        Row city = rules.rowWith("列", "所属城市 *").orElseThrow();
        assertThat(rules.text(city, "填写要求")).isEqualTo("徐州市");

        // left as it is, the template is refused for its example row
        assertThat(refusal("office-xz", template)).containsExactly(
                "第4行：这是模板中的示例行（代码 EXAMPLE-01），请改写为实际单位或删除。");
    }

    @Test
    void aFilledInTemplateCreatesNewCodesAndUpdatesExistingOnesInOneGo() {
        String existing = prefix + "-A";
        String created = prefix + "-B";
        Organisation before = new Organisation();
        before.setCode(existing);
        before.setName("导入前的名称");
        before.setCityCode("XUZHOU");
        before.setType(OrganisationType.MUNICIPAL_SOCIETY);
        before.setInspections(List.of(new Organisation.YearResult(2024, true)));
        as("office-xz", () -> organisations.save(before));

        byte[] file = filled(template("office-xz", Messages.CHINESE),
                // the existing code in lower case: the same organisation; a phone typed as a number
                row(existing.toLowerCase(Locale.ROOT), "徐州市导入测试学会", "徐州市", "市级学会/协会/研究会", "4A", "首批团体会员",
                        "王五", "赵六", 13800001111d, "是", "是", "是", "否", "", "是", "否", "否", "否", "否", "否", "否"),
                row(created, "徐州市新建学会", "XUZHOU", "高校科协", "", "", "", "", "", "是", "否", "是", "否", "否", "否", "否", "否",
                        "否", "否", "否", "是"));
        OrganisationImport.Result result = as("office-xz", () -> imports.importWorkbook(file, "名录.xlsx"));
        assertThat(result).isEqualTo(new OrganisationImport.Result(1, 1, 0));

        Organisation updated = organisations.findByCode(existing).orElseThrow();
        assertThat(updated.getCode()).isEqualTo(existing);
        assertThat(updated.getName()).isEqualTo("徐州市导入测试学会");
        assertThat(updated.getRating()).isEqualTo(4);
        assertThat(updated.getGroupMember()).isEqualTo(GroupMembership.FIRST_BATCH);
        assertThat(updated.getContactPhone()).isEqualTo("13800001111");
        assertThat(updated.isManagementStandard()).isTrue();
        assertThat(updated.isIndependentBankAccount()).isFalse();
        assertThat(updated.isDedicatedFinanceStaff()).isFalse();
        // its yearly records are the register's, not the sheet's: kept
        assertThat(updated.getInspections()).containsExactly(new Organisation.YearResult(2024, true));

        Organisation fresh = organisations.findByCode(created).orElseThrow();
        assertThat(fresh.getCityCode()).isEqualTo("XUZHOU");
        assertThat(fresh.getType()).isEqualTo(OrganisationType.UNIVERSITY_ASSOCIATION);
        assertThat(fresh.getRating()).isZero();
        assertThat(fresh.isFinanceSound()).isTrue();
        assertThat(fresh.isHasStation()).isTrue();
        assertThat(fresh.isHasSecretary()).isFalse();
        assertThat(fresh.getSecretaryGeneral()).isNull();

        // the same file again changes nothing
        assertThat(as("office-xz", () -> imports.importWorkbook(file, "名录.xlsx"))).isEqualTo(new OrganisationImport.Result(0, 0, 2));
    }

    @Test
    void everyWrongRowIsListedWithItsNumberAndNothingIsSaved() {
        String good = prefix + "-OK";
        byte[] file = filled(template("office-xz", Messages.CHINESE),
                row(good, "合格的学会", "徐州市", "市级学会/协会/研究会", "3A", "", "", "", "", "是"),
                row(prefix + "-C", "", "徐州市", "市级学会/协会/研究会", "6A", "", "", "", "电话123", "也许"),
                row(prefix + "-D", "郴州的学会", "郴州市", "市级学会/协会/研究会", "", "", "", "", "", ""),
                row(good.toLowerCase(Locale.ROOT), "重复的学会", "徐州市", "市级学会/协会/研究会", "", "", "", "", "", ""),
                row("EXAMPLE-01", "示例学会", "徐州市", "市级学会/协会/研究会", "", "", "", "", "", ""),
                row("CZ-MED", "冒名的学会", "徐州市", "市级学会/协会/研究会", "", "", "", "", "", ""),
                row(prefix + "-E", "名称CONTROL带控制字符", "南京市", "某种单位", "", "", "", "", "", ""));
        // as Excel stores a control character in a cell: the escape _x0000_, which readers turn back into the character
        file = replacedInParts(file, "名称CONTROL带控制字符", "名称_x0000_带控制字符");
        assertThat(refusal("office-xz", file)).containsExactly(
                "第5行：评估等级“6A”无效：请填写未评估或 1A-5A。",
                "第5行：“内部管理规范，组织领导有力，活动正常”须填“是”或“否”，不能填“也许”。",
                "第5行：请填写单位名称（不超过200字）。",
                "第5行：联系电话只能包含数字、空格、+ 和 -，5-40位。",
                "第6行：所属城市“郴州市”不在您负责的城市之内，只能导入本人负责城市的单位。",
                "第7行：单位代码 " + good.toLowerCase(Locale.ROOT) + " 在文件中重复（第4行已有）。",
                "第8行：这是模板中的示例行（代码 EXAMPLE-01），请改写为实际单位或删除。",
                "第9行：单位代码 CZ-MED 已被其他单位使用。",
                "第10行：“单位名称”含有不允许的控制字符（U+0000，第 3 个字符），可能是从其他文档复制时带入的。请删除该字符后重试，未保存任何内容。",
                "第10行：“所属城市”填写的“南京市”不是可选的值，请按“填写说明”工作表填写。",
                "第10行：“单位类型”填写的“某种单位”不是可选的值，请按“填写说明”工作表填写。");
        assertThat(organisations.findByCode(good)).isEmpty();
        assertThat(organisations.findByCode("CZ-MED").orElseThrow().getName()).isNotEqualTo("冒名的学会");
        assertThat(jdbc.sql("select count(*) from organisation where code like ?").param(prefix + "%").query(Integer.class).single())
                .isZero();
    }

    @Test
    void theFilesHeadersAreChecked() {
        byte[] renamed = headersChanged(template("office", Messages.CHINESE), "单位名称", "学会名称");
        assertThat(refusal("office", renamed)).containsExactly(
                "表头“学会名称”不是模板中的列，请使用下载的导入模板（或删除该列）。",
                "缺少必填列“单位名称”。");
        // a template in English imports as well
        byte[] english = filled(template("office", Messages.ENGLISH),
                row(prefix + "-EN", "Example Society", "Xuzhou", "University S&T association", "Not rated", "No", "", "", "",
                        "Yes", "No"));
        assertThat(as("office", () -> imports.importWorkbook(english, "register.xlsx")).created()).isEqualTo(1);
        assertThat(organisations.findByCode(prefix + "-EN").orElseThrow().isManagementStandard()).isTrue();
    }

    @Test
    void onlyTheOfficeAndAdministratorsImportAndOnlyTheirCitiesOrganisations() {
        byte[] file = filled(template("office", Messages.CHINESE),
                row(prefix + "-F", "某学会", "郴州市", "市级学会/协会/研究会", "", "", "", "", "", ""));
        for (String user : List.of("manager", "expert1", "cz-med", "party")) {
            assertThatThrownBy(() -> as(user, () -> imports.importWorkbook(file, "名录.xlsx"))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> template(user, Messages.CHINESE))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        // an existing Chenzhou society, by its code, is no business of Xuzhou's office either
        byte[] chenzhou = filled(template("office", Messages.CHINESE),
                row("cz-agri", "改名的农学会", "徐州市", "市级学会/协会/研究会", "", "", "", "", "", ""));
        assertThat(refusal("office-xz", chenzhou)).containsExactly("第4行：单位代码 cz-agri 已被其他单位使用。");
        assertThat(as("office", () -> imports.importWorkbook(file, "名录.xlsx")).created()).isEqualTo(1);
    }

    @Test
    void theRegistersExportHoldsTheListAsFilteredAndImportsAgainUnchanged() {
        for (String suffix : List.of("-X1", "-X2")) {
            Organisation org = new Organisation();
            org.setCode(prefix + suffix);
            org.setName("导出测试学会" + suffix);
            org.setCityCode("XUZHOU");
            org.setType(OrganisationType.ENTERPRISE_ASSOCIATION);
            org.setRating(2);
            org.setContactPhone("0516-8888 8888");
            org.setHasPartyBranch(true);
            as("office", () -> organisations.save(org));
        }
        byte[] exported = as("office-xz", () -> {
            OrganisationListView view = new OrganisationListView(organisations, catalogue, currentUser, imports);
            view.search.setValue(prefix);
            return view.export.content();
        });
        ExcelFiles.ReadSheet sheet = ExcelFiles.sheet(exported);
        assertThat(sheet.title()).isEqualTo("学会名录");
        assertThat(sheet.subtitle()).startsWith("筛选条件：“" + prefix + "”");
        assertThat(sheet.headers()).isEqualTo(ExcelFiles.sheet(template("office-xz", Messages.CHINESE)).headers());
        assertThat(sheet.texts("单位代码")).containsExactly(prefix + "-X1", prefix + "-X2");
        assertThat(sheet.texts("评估等级")).containsExactly("2A", "2A");
        assertThat(sheet.texts("建立党支部并按要求开展活动")).containsExactly("是", "是");
        assertThat(as("office-xz", () -> imports.importWorkbook(exported, "学会名录.xlsx")))
                .isEqualTo(new OrganisationImport.Result(0, 0, 2));

        // Xuzhou's office exports Xuzhou's register only
        ExcelFiles.ReadSheet all = ExcelFiles.sheet(as("office-xz", () ->
                new OrganisationListView(organisations, catalogue, currentUser, imports).export.content()));
        assertThat(all.texts("所属城市")).containsOnly("徐州市");
        assertThat(all.texts("单位代码")).doesNotContain("CZ-MED").hasSize(as("office-xz", () -> organisations.count(null, null)));
    }

    // ------------------------------------------------------------------ helpers

    private byte[] template(String user, Locale locale) {
        return as(user, () -> {
            try (ExcelWorkbook workbook = new ExcelWorkbook(locale)) {
                imports.template(workbook);
                return workbook.toBytes();
            }
        });
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** The template with its example row replaced by these rows (from row 4). */
    @SafeVarargs
    private static byte[] filled(byte[] template, List<Object>... rows) {
        try (XSSFWorkbook workbook = ExcelFiles.open(template); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.removeRow(sheet.getRow(ExcelFiles.HEADER_ROW + 1));
            int r = ExcelFiles.HEADER_ROW + 1;
            for (List<Object> cells : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (!"".equals(value)) {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with a text replaced in every part of it (the sheet and its shared strings). */
    private static byte[] replacedInParts(byte[] xlsx, String from, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith(".xml")) {
                    content = new String(content, java.nio.charset.StandardCharsets.UTF_8).replace(from, to)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] headersChanged(byte[] template, String from, String to) {
        try (XSSFWorkbook workbook = ExcelFiles.open(template); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row header = workbook.getSheetAt(0).getRow(ExcelFiles.HEADER_ROW);
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (from.equals(header.getCell(c).getStringCellValue())) {
                    // a new cell: the template's cells hold their text inline, which setCellValue leaves in place
                    header.removeCell(header.getCell(c));
                    header.createCell(c).setCellValue(to);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem the import finds in the file, as the user reads them. */
    private List<String> refusal(String user, byte[] file) {
        try {
            as(user, () -> imports.importWorkbook(file, "名录.xlsx"));
        } catch (UserError refused) {
            return new ArrayList<>(List.of(Messages.describe(Messages.CHINESE, refused).split("\n")));
        }
        throw new AssertionError("the file was imported");
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
