package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
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
 * The application list's Excel export holds exactly the rows the list shows the user, with its
 * filters: another city's applications are absent for Xuzhou's office, drafts for the party group;
 * roles without the list get no export.
 */
@PlatformTest
class ApplicationListExportTest {

    static final List<String> HEADERS = List.of("项目编号", "计划", "年度", "申报类别", "申报单位", "项目名称", "状态", "提交日期",
            "评审得分");

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;
    @Autowired ApplicationService applications;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationDocuments documents;

    FormTasks forms;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void xuzhousOfficeExportsXuzhousApplicationsOnlyAndTheOfficeOfEveryCityExportsBoth() {
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long xuzhou = forms.application("XUZHOU", "XZ-MECH", "FIRST_CLASS", "EXPERT_REVIEW");

        ExcelFiles.ReadSheet xz = as("office-xz", () -> ExcelFiles.sheet(view().export.content()));
        assertThat(xz.headers()).isEqualTo(HEADERS);
        assertThat(xz.texts("项目编号")).contains(forms.number(xuzhou)).doesNotContain(forms.number(chenzhou))
                .hasSize(as("office-xz", () -> applications.count(ApplicationFilter.all())));
        assertThat(xz.texts("计划")).containsOnly("徐州市科协学会服务能力提升计划");

        ExcelFiles.ReadSheet all = as("office", () -> ExcelFiles.sheet(view().export.content()));
        assertThat(all.texts("项目编号")).contains(forms.number(xuzhou), forms.number(chenzhou))
                .hasSize(as("office", () -> applications.count(ApplicationFilter.all())));
        assertThat(all.subtitle()).startsWith("筛选条件：全部");
    }

    @Test
    void theExportHasRealNumberAndDateCellsAndFollowsTheFilters() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        long other = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        jdbc.sql("update application set panel_score = ?, submitted_at = ? where id = ?")
                .params(new BigDecimal("87.25"), Timestamp.from(LocalDateTime.of(2026, 3, 9, 23, 30)
                        .atZone(ZoneId.of("Asia/Shanghai")).toInstant()), app)
                .update();
        String number = forms.number(app);

        ExcelFiles.ReadSheet sheet = as("office", () -> {
            ApplicationListView view = view();
            view.programme.setValue(catalogue.requireProgramme("CHENZHOU"));
            view.status.setValue("EXPERT_REVIEW");
            view.text.setValue(number);
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(sheet.title()).isEqualTo("申报列表");
        assertThat(sheet.subtitle()).startsWith("筛选条件：计划 郴州市科协学会服务能力提升计划；状态 专家评审；“" + number + "”");
        assertThat(sheet.texts("项目编号")).containsExactly(number).doesNotContain(forms.number(other));
        Row row = sheet.rows().get(0);
        assertThat(sheet.text(row, "申报单位")).isEqualTo("郴州市医学会");
        assertThat(sheet.text(row, "申报类别")).isEqualTo("学术交流和重点活动");
        assertThat(sheet.text(row, "状态")).isEqualTo("专家评审");
        assertThat(sheet.type(row, "年度")).isEqualTo(CellType.NUMERIC);
        assertThat(sheet.cell(row, "年度").getNumericCellValue()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        assertThat(sheet.type(row, "评审得分")).isEqualTo(CellType.NUMERIC);
        assertThat(sheet.cell(row, "评审得分").getNumericCellValue()).isEqualTo(87.25);
        // submitted at 23:30 in Shanghai: that day, whatever the server's zone
        assertThat(DateUtil.isCellDateFormatted(sheet.cell(row, "提交日期"))).isTrue();
        assertThat(sheet.text(row, "提交日期")).isEqualTo("2026-03-09");
    }

    @Test
    void thePartyGroupsExportLeavesOutDraftsAsItsListDoes() {
        long draft = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "DRAFT");
        jdbc.sql("update application set submitted_at = null where id = ?").param(draft).update();
        long submitted = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");

        ExcelFiles.ReadSheet party = as("party", () -> ExcelFiles.sheet(view().export.content()));
        assertThat(party.texts("项目编号")).contains(forms.number(submitted)).doesNotContain(forms.number(draft))
                .hasSize(as("party", () -> applications.count(ApplicationFilter.all())));
        assertThat(as("office", () -> ExcelFiles.sheet(view().export.content())).texts("项目编号")).contains(forms.number(draft));
    }

    @Test
    void rolesWithoutTheListGetNoExport() {
        forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        for (String user : List.of("expert1", "cz-med", "county")) {
            assertThatThrownBy(() -> as(user, () -> view().export.content())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void inEnglishTheHeadersAndFileNameAreEnglish() {
        VaadinTestUi.close();
        VaadinTestUi.open(messages, Messages.ENGLISH);
        ApplicationListView view = as("office", this::view);
        assertThat(view.export.fileName()).startsWith("applications-").endsWith(".xlsx");
        ExcelFiles.ReadSheet sheet = as("office", () -> ExcelFiles.sheet(view.export.content()));
        assertThat(sheet.headers()).containsExactly("Number", "Programme", "Year", "Category", "Applicant", "Title", "Status",
                "Submitted on", "Panel score");
        assertThat(sheet.subtitle()).startsWith("Filters: all").contains("Exported: ");
    }

    private ApplicationListView view() {
        return new ApplicationListView(applications, catalogue, documents);
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
