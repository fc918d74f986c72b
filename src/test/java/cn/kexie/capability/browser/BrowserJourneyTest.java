package cn.kexie.capability.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every role's journey through the platform in a real browser (headless Chromium in Chinese),
 * against the packaged production jar ({@link ProductionJar}: {@code ./mvnw -Pproduction verify}, run by
 * {@code .ci/run}, surefire execution {@code browser-journeys}) or, without {@code -Dbrowser.jar}, against
 * the application this test started. Each test uses organisations no other journey touches.
 */
@PlatformTest
// Vaadin's development-mode pop-up would cover the page's lower right corner
@TestPropertySource(properties = "vaadin.devmode.devTools.enabled=false")
class BrowserJourneyTest {

    static final byte[] PDF = "%PDF-1.4\n% browser journey\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired FundingService funding;
    @Autowired FundingLedger ledger;

    /** The packaged production jar's port when {@code -Dbrowser.jar} names it (see {@link ProductionJar}), else this test's own server's. */
    int port() {
        return ProductionJar.port(environment).orElse(port);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopTheJar() throws InterruptedException {
        ProductionJar.stop();
    }

    @Test
    void anApplicantIsRefusedAnIncompleteApplicationThenSubmitsItWithAnUpload() throws Exception {
        browser.port(port()).login("cz-med");
        browser.open("my-applications");
        browser.click("新建申报");
        browser.choose("申报类别", "学术交流和重点活动");
        browser.type("vaadin-text-field", "项目名称", "浏览器旅程学术年会");
        browser.click("开始填写");
        browser.waiting().until(d -> browser.currentPath().matches("applications/\\d+"));
        long id = Long.parseLong(browser.currentPath().substring("applications/".length()));
        browser.click("办理：填写申报书");

        // nothing filled in: every missing part at once, and nothing submitted
        browser.click("提交申报");
        String refusal = browser.notification("请填写");
        assertThat(refusal).contains("项目目标").contains("经费预算").contains("申报材料").contains("项目负责人")
                .contains("项目起止日期");
        assertThat(status(id)).isEqualTo("DRAFT");

        browser.type("vaadin-text-area", "项目目标", "提升学会学术交流能力，扩大行业影响。");
        browser.type("vaadin-text-area", "主要内容", "举办年度学术会议一次、专题论坛三场，编印论文集。");
        browser.type("vaadin-text-area", "进度安排", "3月筹备，6月举办，9月总结。");
        browser.type("vaadin-text-area", "预期成果与考核指标", "参会200人以上，论文集一部。");
        browser.type("vaadin-text-field", "项目负责人", "王明");
        browser.type("vaadin-text-field", "联系人", "李华");
        browser.type("vaadin-text-field", "联系电话", "0735-2881234");
        // typed as people write dates; the project ends on the call's last day for its projects
        browser.type("vaadin-date-picker", "项目开始日期", PlatformClock.today().toString().replace('-', '/'));
        browser.type("vaadin-date-picker", "项目结束日期", catalogue.projectEndsOn(applications.load(id).callId()).toString());
        browser.type("vaadin-text-field", "科目", "会务费");
        browser.type("vaadin-big-decimal-field", "金额（元）", "30000");
        browser.click("添加");
        browser.pageShows("会务费", "30,000.00");
        Path file = Files.createTempFile("申报书", ".pdf");
        Files.write(file, PDF);
        browser.upload(file);
        browser.pageShows(file.getFileName().toString());
        assertThat(jdbc.sql("select count(*) from attachment where application_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(1);

        browser.click("提交申报");
        browser.notification("已办结");
        assertThat(status(id)).isEqualTo("FORMAL_REVIEW");
        browser.open("my-applications");
        browser.pageShows("浏览器旅程学术年会", "形式审查");
    }

    @Test
    void theOfficeReturnsAnApplicationWithReasonsAndTheApplicantSeesThem() {
        Application app = submitted("cz-med", "浏览器旅程退回补正");

        browser.port(port()).login("office");
        browser.open("applications/" + app.id());
        browser.pageShows(app.number(), "浏览器旅程退回补正");
        browser.click("办理：形式审查");
        // returning without reasons is refused; nothing changes
        browser.clickItem("vaadin-radio-button", "退回补正");
        browser.click("提交");
        browser.pageShows("未提交，请修改以下问题", "请填写理由。");
        assertThat(status(app.id())).isEqualTo("FORMAL_REVIEW");

        browser.type("vaadin-text-area", "理由", "缺少盖章页，请补充后重新提交。");
        browser.click("提交");
        browser.notification("已办结");
        assertThat(status(app.id())).isEqualTo("RETURNED");

        browser.logout();
        browser.login("cz-med");
        browser.open("applications/" + app.id());
        // where it stands: the diagram, formal review passed, the correction the current step
        browser.waiting().until(d -> !d.findElements(By.cssSelector(
                "#process-diagram[rendered] svg .djs-element.kx-active[data-element-id='Task_CorrectApplication']")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector(
                "#process-diagram svg .djs-element.kx-done[data-element-id='Task_FormalReview']"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector(
                "#process-diagram svg .djs-connection.kx-taken[data-element-id='SequenceFlow_FormalReviewReturned']"))).hasSize(1);
        browser.pageShows("办理进度", "已完成", "当前步骤");
        browser.click("办理：补正申报材料");
        browser.pageShows("退回补正，理由", "缺少盖章页");
    }

    @Test
    void anotherCitysOfficeFindsNothingUnderAChenzhouApplicationsAddress() {
        Application app = submitted("cz-med", "浏览器旅程他市不可见");

        browser.port(port()).login("office-xz");
        browser.open("applications/" + app.id());
        String page = browser.pageShows("该申报不存在");
        assertThat(page).doesNotContain(app.number()).doesNotContain("浏览器旅程他市不可见");
        assertThat(browser.driver().findElements(By.xpath("//vaadin-button[contains(., '办理')]"))).isEmpty();
    }

    @Test
    void anExpertDeclaresNoConflictAndScoresTheApplication() {
        Application app = submitted("cz-med", "浏览器旅程专家评分");
        passedToPanel(app);
        String sheet = taskOf(app, ChenzhouProject.TASK_EXPERT_REVIEW, "expert1");

        browser.port(port()).login("expert1");
        browser.open("tasks/" + sheet);
        browser.pageShows("专家评分", app.number());
        browser.clickItem("vaadin-checkbox", "本人与该项目无利益冲突");
        int criteria = browser.fillNumbersWithTheirMaximum("score-");
        assertThat(criteria).isPositive();
        browser.type("vaadin-text-area", "评审意见", "基础扎实，示范性强。");
        browser.click("提交");
        browser.notification("已办结");
        assertThat(taskService.createTaskQuery().taskId(sheet).count()).as("the sheet's task").isZero();
        assertThat(jdbc.sql("select count(*) from application_event where application_id = ? and user_id = 'expert1'")
                .param(app.id()).query(Integer.class).single()).isPositive();
    }

    /**
     * Issue 11: the office draws the panel at random on the assign-panel page, sees it on the dossier
     * and in the expert pool; a drawn expert keeps a draft (暂存) and finds it again. Saves screenshots
     * of the four pages into {@code target/browser-screenshots/issue11-*.png} for a person to look at.
     */
    @Test
    void theOfficeDrawsThePanelAtRandomAndAnExpertKeepsADraft() throws Exception {
        Application app = submitted("cz-med", "浏览器旅程随机抽取");
        AsUser.run(identity, "office", () -> reviews.formalReview(taskOf(app, ChenzhouProject.TASK_FORMAL_REVIEW, null),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        String assign = taskOf(app, ChenzhouProject.TASK_ASSIGN_PANEL, null);

        browser.port(port).login("office");
        browser.open("tasks/" + assign);
        browser.pageShows("组织专家评审", "随机抽取", "符合条件、可以抽取的专家");
        shot("issue11-assign-panel-office");
        browser.click("提交");
        browser.notification("已办结");
        List<String> drawn = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).list().stream()
                .map(org.camunda.bpm.engine.task.Task::getAssignee).toList();
        assertThat(drawn).hasSize(3).doesNotContain("expert3");

        browser.open("applications/" + app.id());
        browser.pageShows("评审专家（3 位）");
        browser.driver().executeScript("document.getElementById('dossier-panel').opened = true;");
        browser.settled();
        shot("issue11-dossier-panel-office");
        browser.open("experts");
        browser.pageShows("专家库", "刘主任医师", "在库");
        shot("issue11-expert-pool-office");

        browser.logout();
        String expert = drawn.get(0);
        String sheet = taskOf(app, ChenzhouProject.TASK_EXPERT_REVIEW, expert);
        browser.login(expert);
        browser.open("tasks/" + sheet);
        browser.clickItem("vaadin-checkbox", "本人与该项目无利益冲突");
        browser.type("vaadin-text-area", "评审意见", "暂存的初步意见");
        browser.click("暂存");
        browser.notification("已暂存");
        browser.open("tasks/" + sheet);
        browser.pageShows("专家评分");
        assertThat((String) browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('vaadin-text-area')).map(a => a.value).join('|');"))
                .contains("暂存的初步意见");
        shot("issue11-draft-" + expert);
        // the office finds no draft among the sheets
        assertThat(jdbc.sql("select count(*) from review_sheet where application_id = ?").param(app.id())
                .query(Integer.class).single()).isZero();
    }

    private void shot(String name) throws java.io.IOException {
        java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
        java.nio.file.Files.write(Browser.SCREENSHOTS.resolve(name + ".png"),
                browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Test
    void thePartyGroupApprovesAndTheProjectGoesOnPublicNotice() {
        Application app = submitted("cz-med", "浏览器旅程党组审批");
        reviewed(app);
        String approval = taskOf(app, ChenzhouProject.TASK_PARTY_APPROVAL, null);

        browser.port(port()).login("party");
        browser.open("tasks/" + approval);
        browser.pageShows("审批", app.number());
        browser.clickItem("vaadin-radio-button", "同意");
        browser.type("vaadin-date-picker", "会议日期", PlatformClock.today().toString());
        browser.type("vaadin-text-field", "会议纪要文号", "郴科协党组纪〔2026〕9号");
        browser.click("提交");
        browser.notification("已办结");
        assertThat(status(app.id())).isEqualTo("UNDER_NOTICE");
    }

    @Test
    void anyoneLodgesAnObjectionOnThePublicNoticePageWithoutLoggingIn() {
        Application app = submitted("cz-med", "浏览器旅程公示异议");
        reviewed(app);
        approved(app);

        browser.port(port()).open("public/notices");
        browser.pageShows("项目公示", app.number());
        browser.clickInRow(app.number(), "提出异议");
        browser.type("vaadin-text-field", "姓名", "张三");
        browser.type("vaadin-text-field", "联系电话或电子邮箱", cn.kexie.capability.Objectors.mobile());
        browser.type("vaadin-text-area", "异议内容", "该学会去年的年会参会人数与申报不符，请核查。");
        browser.click("提交异议");
        browser.pageShows("已收到您的异议");
        assertThat(taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_REVIEW_OBJECTION).count()).as("the office's task on the objection")
                .isEqualTo(1);
    }

    @Test
    void financeRecordsThePaymentAndTheLedgerShowsIt() {
        Application app = submitted("cz-med", "浏览器旅程财务拨付");
        reviewed(app);
        approved(app);
        agreed(app);
        String disburse = taskOf(app, ChenzhouProject.TASK_DISBURSE, null);

        browser.port(port()).login("finance");
        browser.open("tasks/" + disburse);
        browser.pageShows(app.number());
        browser.type("vaadin-big-decimal-field", "金额（元）", "30000");
        browser.type("vaadin-date-picker", "日期", PlatformClock.today().toString());
        browser.type("vaadin-text-field", "凭证号", "郴财拨〔2026〕99号");
        browser.click("完成拨付");
        browser.notification("已办结");
        assertThat(ledger.moneyOf(app.id()).paid()).isEqualByComparingTo("30000");
    }

    @Test
    void aManagerOpensTheDashboardAndAnApplicantCannot() {
        browser.port(port()).login("manager");
        browser.open("dashboard");
        browser.pageShows("数据看板", "各计划的申报与办理情况");

        browser.logout();
        browser.login("cz-med");
        browser.open("dashboard");
        assertThat(browser.pageText()).doesNotContain("各计划的申报与办理情况");
    }

    @Test
    void anAdministratorImportsACalendarYearAfterARefusedMistake() throws Exception {
        jdbc.sql("delete from working_calendar_year where calendar_year = 2033").update();
        browser.port(port()).login("demo");
        browser.open("admin/calendar");
        browser.clickItem("vaadin-tab", "录入或导入");
        browser.type("vaadin-integer-field", "年份", "2033");
        browser.type("vaadin-text-area", "JSON 内容", year2033("2033-01-04"));
        browser.click("导入");
        browser.pageShows("2033-01-04 不是周六或周日");
        assertThat(arranged(2033)).isZero();

        Path file = Files.createTempFile("2033", ".json");
        Files.writeString(file, year2033("2033-01-08"));
        browser.upload(file);
        browser.click("导入");
        browser.pageShows("2033 年的节假日安排已保存");
        assertThat(arranged(2033)).isOne();
    }

    // ------------------------------------------------------------------ steps through the services

    /** Passed the formal review; the office drew experts 1, 2 and 4. */
    void passedToPanel(Application app) {
        AsUser.run(identity, "office", () -> reviews.formalReview(taskOf(app, ChenzhouProject.TASK_FORMAL_REVIEW, null),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(taskOf(app, ChenzhouProject.TASK_ASSIGN_PANEL, null),
                List.of("expert1", "expert2", "expert4")));
    }

    /** Scored by three experts, the review concluded as passed. */
    void reviewed(Application app) {
        passedToPanel(app);
        for (String expert : List.of("expert1", "expert2", "expert4")) {
            String sheet = taskOf(app, ChenzhouProject.TASK_EXPERT_REVIEW, expert);
            AsUser.run(identity, expert, () -> {
                Map<String, BigDecimal> points = new HashMap<>();
                reviews.criteria(applications.load(app.id())).forEach(c -> points.put(c.code(), c.maxPoints()));
                reviews.submitSheet(sheet, new ReviewService.Sheet(true, points, "基础扎实。"));
            });
        }
        AsUser.run(identity, "office", () -> reviews.conclude(taskOf(app, ChenzhouProject.TASK_CONCLUDE_REVIEW, null),
                ProjectProcess.PASS, null));
    }

    void approved(Application app) {
        AsUser.run(identity, "party", () -> approvals.decide(taskOf(app, ChenzhouProject.TASK_PARTY_APPROVAL, null),
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组纪〔2026〕8号", null)));
        assertThat(status(app.id())).isEqualTo("UNDER_NOTICE");
    }

    /** The notice over (its timer run as the job executor would), the agreement signed and confirmed. */
    void agreed(Application app) {
        Instant ends = applications.load(app.id()).noticeEndsAt();
        Job timer = managementService.createJobQuery().processInstanceId(app.processInstanceId()).timers().singleResult();
        try {
            ClockUtil.setCurrentTime(Date.from(ends));
            managementService.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }
        AsUser.run(identity, "cz-med", () -> funding.signAgreement(taskOf(app, ChenzhouProject.TASK_SIGN_AGREEMENT, null),
                "责任书.pdf", PDF));
        AsUser.run(identity, "office", () -> funding.confirmAgreement(taskOf(app, ChenzhouProject.TASK_CONFIRM_AGREEMENT, null),
                true, PlatformClock.today().plusDays(90), null));
    }

    String taskOf(Application app, String key, String assignee) {
        var query = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key);
        if (assignee != null) {
            query.taskAssignee(assignee);
        }
        Task task = query.singleResult();
        assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task.getId();
    }

    int arranged(int year) {
        return jdbc.sql("select count(*) from working_calendar_year where calendar_year = ?").param(year).query(Integer.class).single();
    }

    static String year2033(String makeUpDay) {
        return """
                {"year": 2033, "papers": [], "days": [{"name": "元旦", "date": "2033-01-01", "isOffDay": true}, \
                {"name": "元旦", "date": "2033-01-03", "isOffDay": true}, {"name": "元旦", "date": "%s", "isOffDay": false}]}"""
                .formatted(makeUpDay);
    }

    /** A complete Chenzhou application of the organisation, submitted through the services as its applicant. */
    Application submitted(String user, String title) {
        long call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow().id();
        Application app = AsUser.call(identity, user, () -> applications.start(call, "ACADEMIC_EXCHANGE", title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("提升学会学术交流能力。");
        draft.setContent("举办年度学术会议一次。");
        draft.setSchedule("3月筹备，6月举办。");
        draft.setExpectedResults("参会200人以上。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null)));
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        assertThat(status(app.id())).as("submitted and eligible").isEqualTo("FORMAL_REVIEW");
        return applications.load(app.id());
    }

    String status(long id) {
        return jdbc.sql("select status from application where id = ?").param(id).query(String.class).single();
    }
}
