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

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

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

        browser.port(port).login("party");
        browser.open("tasks");
        tab("待签收");
        search("批量演示");
        browser.waiting().until(d -> browser.pageText().contains("批量演示：青年论坛"));
        List<WebElement> boxes = rowBoxes();
        assertThat(boxes).as("three of the four lines may be ticked").hasSize(3);
        for (WebElement box : boxes) {
            browser.clickInView(box);
        }
        shot("party-tasks-ticked");
        browser.click("批量审批（已选 3 项）");
        browser.waiting().until(d -> browser.pageText().contains("本次决定的项目（共 3 项）"));
        browser.clickItem("vaadin-radio-button", "同意");
        browser.type("vaadin-date-picker", "会议日期", "2026-11-27");
        browser.type("vaadin-text-field", "会议纪要文号", "郴科协党组纪〔2026〕21号");
        browser.type("vaadin-text-area", "审批意见", "经党组会议研究，同意立项。");
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
                  .filter(b => !b.hasAttribute('disabled') && b.offsetParent !== null
                    && !(b.closest('vaadin-grid-cell-content') && b.closest('vaadin-grid-cell-content').slot
                         && b.closest('vaadin-grid-cell-content').assignedSlot
                         && b.closest('vaadin-grid-cell-content').assignedSlot.parentElement
                         && b.closest('vaadin-grid-cell-content').assignedSlot.parentElement.closest('thead')))
                  .filter(b => b.getAttribute('aria-label') !== 'Select All' && !b.classList.contains('select-all'));""");
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("issue11-" + name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
