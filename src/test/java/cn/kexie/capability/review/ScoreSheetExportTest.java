package cn.kexie.capability.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDetailView;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.security.access.AccessDeniedException;

/**
 * Score sheets exported: every sheet of one application (criteria by experts) for the office and
 * managers of its city only, never for experts, applicants, the party group or another city's office;
 * an expert's sheets for the expert itself and, within their cities, for the office and managers.
 */
@PlatformTest
class ScoreSheetExportTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired Messages messages;
    @Autowired ReviewService reviews;
    @Autowired ApplicationService applications;
    @Autowired DossierPanel dossiers;
    @Autowired WorkflowTasks tasks;
    @Autowired CurrentUser currentUser;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ScoreSheetAction action;

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
    void theOfficeAndManagersExportEveryExpertsSheetOfAnApplication() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        Map<String, String> comments = new HashMap<>();
        for (String expert : List.of("expert1", "expert2", "expert4")) {
            comments.put(expert, score(app, expert, expert.equals("expert2") ? "0.5" : "0.8"));
        }
        List<ReviewService.Criterion> criteria = reviews.criteria(applications.load(app));

        for (String reader : List.of("office", "manager")) {
            ExcelFiles.ReadSheet sheet = as(reader, () -> ExcelFiles.sheet(download(app).content()));
            assertThat(sheet.title()).isEqualTo("专家评分表");
            assertThat(sheet.subtitle()).startsWith("项目编号 " + forms.number(app) + "；项目名称 表单测试项目")
                    .contains("申报单位 郴州市医学会", "专家组评分 ", "（3 份评分表）");
            List<String> headers = new ArrayList<>(List.of("专家"));
            criteria.forEach(c -> headers.add(c.label() + "（" + c.maxPoints().stripTrailingZeros().toPlainString() + "分）"));
            headers.addAll(List.of("总分", "提交时间", "评审意见"));
            assertThat(sheet.headers()).as(reader).isEqualTo(headers);
            assertThat(sheet.rows()).hasSize(3);
            for (String expert : comments.keySet()) {
                String name = cn.kexie.capability.common.PersonName.of(identity.createUserQuery().userId(expert).singleResult());
                Row row = sheet.rowWith("专家", name).orElseThrow(() -> new AssertionError("no row of " + name));
                BigDecimal share = new BigDecimal(expert.equals("expert2") ? "0.5" : "0.8");
                BigDecimal total = BigDecimal.ZERO;
                for (ReviewService.Criterion c : criteria) {
                    String header = c.label() + "（" + c.maxPoints().stripTrailingZeros().toPlainString() + "分）";
                    BigDecimal points = c.maxPoints().multiply(share).setScale(2, RoundingMode.HALF_UP);
                    total = total.add(points);
                    assertThat(sheet.type(row, header)).isEqualTo(CellType.NUMERIC);
                    assertThat(sheet.cell(row, header).getNumericCellValue()).isEqualTo(points.doubleValue());
                }
                assertThat(sheet.cell(row, "总分").getNumericCellValue()).isEqualTo(total.doubleValue());
                assertThat(DateUtil.isCellDateFormatted(sheet.cell(row, "提交时间"))).isTrue();
                assertThat(sheet.text(row, "评审意见")).isEqualTo(comments.get(expert));
            }
        }
    }

    @Test
    void expertsApplicantsThePartyGroupAndAnotherCitysOfficeGetNoSheetsOfAnApplication() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        score(app, "expert1", "0.7");
        for (String user : List.of("expert1", "expert2", "cz-med", "party", "leader", "office-xz")) {
            assertThatThrownBy(() -> as(user, () -> reviews.sheetMatrix(app))).as(user).isInstanceOf(AccessDeniedException.class);
        }
        // on the application's page the button is there for the office and managers only
        assertThat(as("office", () -> exportOnPage(app))).isTrue();
        assertThat(as("manager", () -> exportOnPage(app))).isTrue();
        for (String user : List.of("cz-med", "expert1", "party")) {
            assertThat(as(user, () -> exportOnPage(app))).as(user).isFalse();
        }
    }

    @Test
    void anExpertExportsItsOwnSheetsAndTheOfficeOneExpertsSheetsOfItsCities() {
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        long xuzhou = forms.application("XUZHOU", "XZ-MECH", "FIRST_CLASS", "EXPERT_REVIEW");
        score(chenzhou, "expert5", "0.9");
        score(xuzhou, "expert5", "0.6");
        score(xuzhou, "expert2", "0.6");
        String czNumber = forms.number(chenzhou);
        String xzNumber = forms.number(xuzhou);

        byte[] own = as("expert5", () -> new ScoreSheetsView(reviews, catalogue, currentUser).export.content());
        assertThat(ExcelFiles.sheetNames(own)).containsExactly("评分汇总", "评分明细");
        ExcelFiles.ReadSheet summary = ExcelFiles.sheet(own, 0);
        assertThat(summary.headers()).containsExactly("项目编号", "项目名称", "申报单位", "计划", "申报类别", "总分", "提交时间", "评审意见");
        assertThat(summary.texts("项目编号")).contains(czNumber, xzNumber)
                .hasSize(as("expert5", () -> reviews.sheetsOfExpert("expert5").size()));
        Row cz = summary.rowWith("项目编号", czNumber).orElseThrow();
        assertThat(summary.text(cz, "计划")).isEqualTo("郴州市科协学会服务能力提升计划");
        assertThat(summary.type(cz, "总分")).isEqualTo(CellType.NUMERIC);
        ExcelFiles.ReadSheet details = ExcelFiles.sheet(own, 1);
        assertThat(details.headers()).containsExactly("项目编号", "项目名称", "评分项", "满分", "得分");
        List<ReviewService.Criterion> criteria = reviews.criteria(applications.load(chenzhou));
        // the points in the order of the scoring table, as the expert scored them
        assertThat(details.rows().stream().filter(r -> czNumber.equals(details.text(r, "项目编号")))
                .map(r -> details.text(r, "评分项")).toList())
                .isEqualTo(criteria.stream().map(ReviewService.Criterion::label).toList());
        Row line = details.rows().stream().filter(r -> czNumber.equals(details.text(r, "项目编号"))
                && criteria.get(0).label().equals(details.text(r, "评分项"))).findFirst().orElseThrow();
        assertThat(details.cell(line, "满分").getNumericCellValue()).isEqualTo(criteria.get(0).maxPoints().doubleValue());
        assertThat(details.cell(line, "得分").getNumericCellValue())
                .isEqualTo(criteria.get(0).maxPoints().multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP).doubleValue());
        // no other expert's sheet in an expert's export
        assertThat(summary.rows()).hasSize(as("expert5", () -> reviews.sheetsOfExpert("expert5").size()));

        // the office of every city chooses the expert and sees both; Xuzhou's office the Xuzhou sheet only
        ExcelFiles.ReadSheet office = ExcelFiles.sheet(as("office", () -> officeView("expert5").export.content()), 0);
        assertThat(office.texts("项目编号")).contains(czNumber, xzNumber);
        ExcelFiles.ReadSheet xz = ExcelFiles.sheet(as("office-xz", () -> officeView("expert5").export.content()), 0);
        assertThat(xz.texts("项目编号")).contains(xzNumber).doesNotContain(czNumber);

        assertThatThrownBy(() -> as("expert5", () -> reviews.sheetsOfExpert("expert2"))).isInstanceOf(AccessDeniedException.class);
        for (String user : List.of("cz-med", "party", "finance")) {
            assertThatThrownBy(() -> as(user, () -> reviews.sheetsOfExpert("expert5"))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private ScoreSheetsView officeView(String expert) {
        ScoreSheetsView view = new ScoreSheetsView(reviews, catalogue, currentUser);
        view.expert.setValue(view.expert.getListDataView().getItems().filter(e -> e.userId().equals(expert)).findFirst()
                .orElseThrow());
        return view;
    }

    private ExcelDownload download(long app) {
        return ScoreSheetExcel.forApplication(reviews, applications.get(app));
    }

    /** Whether the application's page offers the current user the export of its sheets. */
    private boolean exportOnPage(long app) {
        ApplicationDetailView view = new ApplicationDetailView(applications, dossiers, tasks, currentUser, List.of(),
                List.of(), List.of(action));
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getRouteParameters()).thenReturn(new RouteParameters("id", String.valueOf(app)));
        view.beforeEnter(event);
        return VaadinTestUi.find(view, ExcelDownload.class, d -> "export-score-sheets".equals(d.getId().orElse(null))).isPresent();
    }

    /** The expert scores every criterion at the share of its maximum; answers the sheet's comment. */
    private String score(long app, String expert, String share) {
        WorkItem task = forms.task(Forms.EXPERT_SCORE, app, expert, Map.of(ProjectProcess.EXPERT, expert));
        Application application = applications.load(app);
        Map<String, BigDecimal> points = new HashMap<>();
        for (ReviewService.Criterion c : reviews.criteria(application)) {
            points.put(c.code(), c.maxPoints().multiply(new BigDecimal(share)).setScale(2, RoundingMode.HALF_UP));
        }
        String comment = expert + " 的评审意见 " + UUID.randomUUID().toString().substring(0, 6);
        AsUser.run(identity, expert, () -> reviews.submitSheet(task.id(), new ReviewService.Sheet(true, points, comment)));
        return comment;
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
