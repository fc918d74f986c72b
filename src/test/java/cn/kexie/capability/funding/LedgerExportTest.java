package cn.kexie.capability.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import com.vaadin.flow.data.provider.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Finance's ledger view exports what it shows: the entries its filters select, in the caller's cities
 * only, with real date and number cells, read back here with POI.
 */
@PlatformTest
class LedgerExportTest {

    @Autowired FundingLedger ledger;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;
    @Autowired ApplicationContext context;

    FormTasks forms;
    String organisation;
    String xzOrganisation;

    @BeforeEach
    void societiesOfTheirOwn() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        organisation = "台账导出测试学会" + suffix;
        xzOrganisation = "台账导出徐州学会" + suffix;
        jdbc.sql("insert into organisation (code, name, city_code, org_type) values (?, ?, 'CHENZHOU', 'MUNICIPAL_SOCIETY')")
                .params("LEDGER-X-" + suffix, organisation).update();
        jdbc.sql("insert into organisation (code, name, city_code, org_type) values (?, ?, 'XUZHOU', 'MUNICIPAL_SOCIETY')")
                .params("LEDGER-XZ-" + suffix, xzOrganisation).update();
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void paymentsAndRecoveriesExportAsTheListShowsThemWithRealCells() {
        long app = forms.application(organisationCode(organisation), "ACADEMIC_EXCHANGE", "IN_PROGRESS");
        String number = forms.number(app);
        entry(app, "CHENZHOU", "APPROVAL", "50000.00", LocalDate.of(2025, 3, 1), null);
        entry(app, "CHENZHOU", "DISBURSEMENT", "30000.50", LocalDate.of(2025, 4, 2), "郴财拨〔2025〕7号");
        entry(app, "CHENZHOU", "RECOVERY", "1000.25", LocalDate.of(2025, 12, 31), "郴财收〔2025〕1号");

        ExcelFiles.ReadSheet sheet = as("finance", () -> {
            LedgerView view = new LedgerView(ledger, catalogue);
            view.organisation.setValue(organisation);
            view.year.setValue(2025);
            List<LedgerEntry> shown = view.entries.getDataProvider().fetch(new Query<>()).toList();
            assertThat(shown).hasSize(3);
            assertThat(view.export.fileName()).startsWith("资金台账-").endsWith(".xlsx");
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(sheet.title()).isEqualTo("资金台账");
        assertThat(sheet.subtitle()).startsWith("筛选条件：2025年；单位 “" + organisation + "”");
        assertThat(sheet.headers()).containsExactly("日期", "编号", "单位", "计划", "类别", "金额（元）", "凭证号／纪要文号",
                "收款账户", "说明", "登记人");
        // newest first, as the list
        assertThat(sheet.texts("类别")).containsExactly("收回", "拨付", "核定");
        assertThat(sheet.texts("编号")).containsOnly(number);
        Row recovery = sheet.rows().get(0);
        assertThat(sheet.type(recovery, "金额（元）")).isEqualTo(CellType.NUMERIC);
        assertThat(sheet.cell(recovery, "金额（元）").getNumericCellValue()).isEqualTo(1000.25);
        assertThat(DateUtil.isCellDateFormatted(sheet.cell(recovery, "日期"))).isTrue();
        assertThat(sheet.text(recovery, "日期")).isEqualTo("2025-12-31");
        assertThat(sheet.text(recovery, "凭证号／纪要文号")).isEqualTo("郴财收〔2025〕1号");
        assertThat(sheet.text(recovery, "登记人")).isEqualTo("孙财务");
        assertThat(sheet.cell(sheet.rows().get(1), "金额（元）").getNumericCellValue()).isEqualTo(30000.50);
        assertThat(sheet.text(sheet.rows().get(1), "计划")).isEqualTo("郴州市科协学会服务能力提升计划");

        // one kind only: the filter is the export's too
        ExcelFiles.ReadSheet paid = as("finance", () -> {
            LedgerView view = new LedgerView(ledger, catalogue);
            view.organisation.setValue(organisation);
            view.kind.setValue(LedgerEntry.DISBURSEMENT);
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(paid.texts("类别")).containsExactly("拨付");
        assertThat(paid.subtitle()).startsWith("筛选条件：单位 “" + organisation + "”；类别 拨付");
    }

    @Test
    void anotherCitysOfficeExportsItsOwnEntriesOnlyAndOthersNone() {
        long cz = forms.application(organisationCode(organisation), "ACADEMIC_EXCHANGE", "IN_PROGRESS");
        long xz = forms.application("XUZHOU", organisationCode(xzOrganisation), "SERVICE_TECH", "IN_PROGRESS");
        entry(cz, "CHENZHOU", "DISBURSEMENT", "100.00", LocalDate.of(2025, 5, 5), "CZ-1");
        entry(xz, "XUZHOU", "DISBURSEMENT", "200.00", LocalDate.of(2025, 5, 5), "XZ-1");
        String suffix = organisation.substring("台账导出测试学会".length());

        ExcelFiles.ReadSheet xzSheet = as("office-xz", () -> {
            LedgerView view = new LedgerView(ledger, catalogue);
            view.organisation.setValue(suffix);
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(xzSheet.texts("凭证号／纪要文号")).containsExactly("XZ-1");
        ExcelFiles.ReadSheet all = as("office", () -> {
            LedgerView view = new LedgerView(ledger, catalogue);
            view.organisation.setValue(suffix);
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(all.texts("凭证号／纪要文号")).containsExactlyInAnyOrder("XZ-1", "CZ-1");
        for (String refused : List.of("expert1", "cz-med", "party")) {
            assertThatThrownBy(() -> as(refused, () -> new LedgerView(ledger, catalogue).export.content())).as(refused)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private String organisationCode(String name) {
        return jdbc.sql("select code from organisation where name = ?").param(name).query(String.class).single();
    }

    private void entry(long applicationId, String city, String kind, String amount, LocalDate day, String voucher) {
        jdbc.sql("""
                insert into funding_entry (application_id, city_code, programme_code, organisation_id, reference, kind,
                    amount_yuan, entry_date, voucher_no, recorded_by, recorded_at)
                select id, ?, programme_code, organisation_id, number, ?, ?, ?, ?, 'finance', current_timestamp
                from application where id = ?""")
                .params(city, kind, new BigDecimal(amount), day, voucher, applicationId).update();
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
