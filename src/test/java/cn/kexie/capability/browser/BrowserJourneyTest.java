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
import java.math.BigDecimal;
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
 * against the application this test started. Run by {@code .ci/run} in a surefire execution of its
 * own ({@code -Pbrowser}); each test uses organisations no other journey touches.
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

    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ProgrammeCatalogue catalogue;

    @Test
    void anApplicantIsRefusedAnIncompleteApplicationThenSubmitsItWithAnUpload() throws Exception {
        browser.port(port).login("cz-med");
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
        assertThat(refusal).contains("项目目标").contains("经费预算").contains("申报材料");
        assertThat(status(id)).isEqualTo("DRAFT");

        browser.type("vaadin-text-area", "项目目标", "提升学会学术交流能力，扩大行业影响。");
        browser.type("vaadin-text-area", "主要内容", "举办年度学术会议一次、专题论坛三场，编印论文集。");
        browser.type("vaadin-text-area", "进度安排", "3月筹备，6月举办，9月总结。");
        browser.type("vaadin-text-area", "预期成果", "参会200人以上，论文集一部。");
        browser.type("vaadin-text-field", "科目", "会务费");
        browser.type("vaadin-big-decimal-field", "金额（元）", "30000");
        browser.click("添加");
        browser.pageShows("会务费", "30000");
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

        browser.port(port).login("office");
        browser.open("applications/" + app.id());
        browser.pageShows(app.number(), "浏览器旅程退回补正");
        browser.click("办理：形式审查");
        // returning without reasons is refused; nothing changes
        browser.clickItem("vaadin-radio-button", "退回补正");
        browser.click("提交");
        browser.notification("请填写理由");
        assertThat(status(app.id())).isEqualTo("FORMAL_REVIEW");

        browser.type("vaadin-text-area", "理由", "缺少盖章页，请补充后重新提交。");
        browser.click("提交");
        browser.notification("已办结");
        assertThat(status(app.id())).isEqualTo("RETURNED");

        browser.logout();
        browser.login("cz-med");
        browser.open("applications/" + app.id());
        browser.click("办理：填写申报书");
        browser.pageShows("退回补正，理由", "缺少盖章页");
    }

    @Test
    void anotherCitysOfficeFindsNothingUnderAChenzhouApplicationsAddress() {
        Application app = submitted("cz-med", "浏览器旅程他市不可见");

        browser.port(port).login("office-xz");
        browser.open("applications/" + app.id());
        String page = browser.pageShows("该申报不存在");
        assertThat(page).doesNotContain(app.number()).doesNotContain("浏览器旅程他市不可见");
        assertThat(browser.driver().findElements(By.xpath("//vaadin-button[contains(., '办理')]"))).isEmpty();
    }

    // ------------------------------------------------------------------ steps through the services

    /** A complete Chenzhou application of the organisation, submitted through the services as its applicant. */
    Application submitted(String user, String title) {
        long call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow().id();
        Application app = AsUser.call(identity, user, () -> applications.start(call, "ACADEMIC_EXCHANGE", title));
        ApplicationDraft draft = new ApplicationDraft();
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
