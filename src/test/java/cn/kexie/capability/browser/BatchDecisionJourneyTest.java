package cn.kexie.capability.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * 批量审批 in a real browser: the party group ticks the items of its 党组研究 on 待签收, decides them
 * at once and reads each item's result; the leading group sees its own step's items to tick. Saves
 * screenshots of each screen into {@code target/browser-screenshots}.
 */
@PlatformTest
@TestPropertySource(properties = "vaadin.devmode.devTools.enabled=false")
class BatchDecisionJourneyTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.IdentityService identity;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired cn.kexie.capability.workflow.WorkflowTasks tasks;
    @Autowired cn.kexie.capability.workflow.TaskMoves moves;

    /** The packaged production jar's port when {@code -Dbrowser.jar} names it (see {@link ProductionJar}), else this test's own server's. */
    int port() {
        return ProductionJar.port(environment).orElse(port);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopTheJar() throws InterruptedException {
        ProductionJar.stop();
    }

    @Test
    void thePartyGroupDecidesThreeItemsAtOnceAndTheLeadingGroupSeesItsOwn() throws Exception {
        repositoryService.createDeployment().name("test-batch-steps").enableDuplicateFiltering(false)
                .addClasspathResource("batch/batch-steps.bpmn").deploy();
        FormTasks forms = new FormTasks(context);
        for (String title : List.of("批量演示：学术年会", "批量演示：科普进社区", "批量演示：青年论坛")) {
            item(forms, "batch", title);
        }
        item(forms, "single", "批量演示：专题研究项目");
        item(forms, "leading", "批量演示：考核结论一");
        item(forms, "leading", "批量演示：考核结论二");

        browser.port(port()).login("party");
        browser.open("tasks");
        tab("待签收");
        search("批量演示");
        browser.waiting().until(d -> browser.pageText().contains("批量演示：青年论坛"));
        List<WebElement> boxes = rowBoxes();
        assertThat(boxes).as("three of the four lines may be ticked").hasSize(3);
        for (int guard = 0; guard < 10; guard++) {
            // ticking a line renders the grid again: the next unticked box is found afresh each time
            List<WebElement> unticked = rowBoxes().stream().filter(box -> box.getAttribute("checked") == null).toList();
            if (unticked.isEmpty()) {
                break;
            }
            browser.clickInView(unticked.get(0));
        }
        shot("party-tasks-ticked");
        // the button's tooltip sits in its light DOM, so it is found by id, its text checked
        WebElement batch = browser.driver().findElement(By.id("task-batch"));
        assertThat(batch.getText()).contains("批量审批（已选 3 项）");
        browser.clickInView(batch);
        browser.waiting().until(d -> browser.pageText().contains("本次决定的项目（共 3 项）"));
        browser.clickItem("vaadin-radio-button", "同意");
        browser.type("vaadin-date-picker", "会议日期", "2026-11-27");
        browser.type("vaadin-text-field", "会议纪要文号", "郴科协党组纪〔2026〕21号");
        browser.type("vaadin-text-area", "意见", "经党组会议研究，同意立项。");
        shot("party-batch-dialog");
        browser.click("提交决定");
        browser.waiting().until(d -> browser.pageText().contains("已办理 3 项，未办理 0 项。"));
        shot("party-batch-results");

        browser.logout();
        browser.login("leader");
        browser.open("tasks");
        tab("待签收");
        search("批量演示");
        browser.waiting().until(d -> browser.pageText().contains("批量演示：考核结论二"));
        assertThat(rowBoxes()).hasSize(2);
        assertThat(browser.pageText()).doesNotContain("批量演示：学术年会");
        shot("leader-tasks");
    }

    @Test
    void theOfficeKeepsADelegatedTaskInItsListAndReadsATasklistCommentInTheDossier() throws Exception {
        String colleague = "j11-office2";
        if (identity.createUserQuery().userId(colleague).count() == 0) {
            var user = identity.newUser(colleague);
            user.setFirstName("同事");
            user.setLastName("郴");
            user.setPassword("J11-Kexie-" + System.nanoTime() + "-Aa!");
            identity.saveUser(user);
            identity.createMembership(colleague, Roles.PROGRAMME_OFFICE);
            identity.createTenantUserMembership("CHENZHOU", colleague);
        }
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        jdbc.sql("update application set title = ? where id = ?").params("委派演示：学会学术沙龙", app).update();
        var task = forms.task(ProjectProcess.Forms.FORMAL_REVIEW, app, "office", Map.of());
        cn.kexie.capability.AsUser.run(identity, "office", () -> {
            tasks.claim(task.id());
            moves.delegate(task.id(), colleague, "请先核对预算材料");
        });
        identity.setAuthentication("office", List.of(Roles.PROGRAMME_OFFICE));
        try {
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired().execute(c -> c.runWithoutAuthorization(() ->
                            taskService.createComment(task.id(), task.processInstanceId(), "预算表中会议费单价偏高，请同事重点核对。")));
        } finally {
            identity.clearAuthentication();
        }

        browser.port(port()).login("office");
        browser.open("tasks");
        search("委派演示");
        browser.waiting().until(d -> browser.pageText().contains("委派中"));
        shot("office-tasks-delegated");
        browser.open("applications/" + app);
        WebElement history = browser.waiting().until(d -> d.findElements(By.xpath("//*[normalize-space(text())='办理记录']"))
                .stream().findFirst().orElse(null));
        browser.clickInView(history);
        browser.waiting().until(d -> browser.pageText().contains("预算表中会议费单价偏高"));
        WebElement comment = browser.driver().findElement(By.xpath("//*[contains(text(), '预算表中会议费单价偏高')]"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", comment);
        shot("office-dossier-comment");
        assertThat(browser.pageText()).contains("办理意见");

        // the party group's form marks the fields at fault of a refused decision
        long single = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        var approval = forms.task(ProjectProcess.Forms.APPROVAL, single, "party", Map.of());
        browser.logout();
        browser.login("party");
        browser.open("tasks/" + approval.id());
        browser.clickItem("vaadin-radio-button", "不同意");
        browser.click("提交");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("vaadin-text-area[invalid]")).isEmpty());
        WebElement invalid = browser.driver().findElement(By.cssSelector("vaadin-date-picker[invalid]"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", invalid);
        shot("party-fields-at-fault");
    }

    private void item(FormTasks forms, String step, String title) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        jdbc.sql("update application set title = ? where id = ?").params(title, app).update();
        Map<String, Object> variables = new HashMap<>();
        variables.put("step", step);
        variables.put(ProjectProcess.APPLICATION_ID, app);
        variables.put(ProjectProcess.APPLICATION_NUMBER, forms.number(app));
        variables.put(ProjectProcess.APPLICANT_GROUP, Roles.organisationGroup("CZ-MED"));
        variables.put(ProjectProcess.PROGRAMME, "CHENZHOU");
        variables.put(ProjectProcess.DISBURSED, 0.0);
        String instance = runtimeService.startProcessInstanceByKey("test-batch-steps", forms.number(app), variables).getId();
        jdbc.sql("update application set process_instance_id = ? where id = ?").params(instance, app).update();
    }

    private void tab(String label) {
        WebElement tab = browser.waiting().until(d -> d.findElements(By.tagName("vaadin-tab")).stream()
                .filter(t -> t.getText().startsWith(label)).findFirst().orElse(null));
        browser.clickInView(tab);
    }

    private void search(String text) {
        WebElement input = browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-text-field[placeholder] input"))
                .stream().findFirst().orElse(null));
        input.sendKeys(text);
        browser.settled();
    }

    /** The ticking boxes of the grid's lines that may be ticked (the header's select-all aside). */
    @SuppressWarnings("unchecked")
    private List<WebElement> rowBoxes() {
        browser.settled();
        return (List<WebElement>) ((JavascriptExecutor) browser.driver()).executeScript("""
                return Array.from(document.querySelectorAll('#task-grid vaadin-checkbox'))
                  .filter(b => !b.hasAttribute('disabled') && !b.hasAttribute('readonly') && b.id !== 'selectAllCheckbox'
                    && getComputedStyle(b).visibility !== 'hidden' && b.offsetParent !== null);""");
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("issue11-" + name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
