package cn.kexie.capability.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme whose row in {@code review-rules} differs gets a different review: the test deploys a
 * version of the table (as Camunda Modeler would) with a Chenzhou row of its own (two to four experts,
 * trimming from three sheets, two formal checks, at most ten correction days), runs Chenzhou
 * applications through the review services, and removes the version again. Other programmes keep the
 * default row.
 */
@PlatformTest
class ReviewRulesPerProgrammeTest {

    static final byte[] PDF = "%PDF-1.4\n% review rules\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired DecisionService decisionService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;

    String deploymentId;

    @BeforeEach
    void deployAChenzhouRow() throws Exception {
        String table = Files.readString(Path.of("decisions/review-rules.dmn"));
        String chenzhouRow = """
                <rule id="Rule_ChenzhouTest">
                        <inputEntry id="InputEntry_ChenzhouTest_Programme"><text>"CHENZHOU"</text></inputEntry>
                        <outputEntry id="OutputEntry_ChenzhouTest_MinPanel"><text>2</text></outputEntry>
                        <outputEntry id="OutputEntry_ChenzhouTest_MaxPanel"><text>4</text></outputEntry>
                        <outputEntry id="OutputEntry_ChenzhouTest_TrimFromSheets"><text>3</text></outputEntry>
                        <outputEntry id="OutputEntry_ChenzhouTest_FormalChecks"><text>"conditions,budget"</text></outputEntry>
                        <outputEntry id="OutputEntry_ChenzhouTest_CorrectionDays"><text>3</text></outputEntry>
                        <outputEntry id="OutputEntry_ChenzhouTest_MaxCorrectionDays"><text>10</text></outputEntry>
                        <outputEntry id="OutputEntry_ChenzhouTest_ReplaceOverdueDays"><text>1</text></outputEntry>
                      </rule>
                      <rule id="Rule_Default">""";
        assertThat(table).contains("<rule id=\"Rule_Default\">");
        deploymentId = repositoryService.createDeployment().name("review-rules-per-programme-test")
                .addString("review-rules.dmn", table.replace("<rule id=\"Rule_Default\">", chenzhouRow))
                .deploy().getId();
    }

    @AfterEach
    void removeTheVersion() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void aProgrammeWithItsOwnRowIsReviewedByIt() {
        Application app = submit("cz-med", "评审规则按计划：郴州另行规定");
        assertThat(AsUser.call(identity, "office", () -> reviews.rules(app.id())))
                .isEqualTo(new ReviewRules(2, 4, 3, List.of("conditions", "budget"), 3, 10, 1));

        // two checks of the row pass; the default's five would have refused this
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.of("conditions", "budget"), ProjectProcess.PASS, null, null)));

        // five experts are more than the row's four: refused with the row's numbers
        String assign = task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> reviews.assignPanel(assign,
                List.of("expert1", "expert2", "expert3", "expert4", "expert5"))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(Messages.describe(Messages.CHINESE, e))
                        .contains("评审专家须为2至4人"));
        // three are within the row (the default's minimum of three would also allow it); scored 60, 80, 90
        AsUser.run(identity, "office", () -> reviews.assignPanel(assign, List.of("expert1", "expert2", "expert4")));
        score(app, "expert1", 60);
        score(app, "expert2", 80);
        score(app, "expert4", 90);

        // from three sheets on the highest and lowest are dropped: 80, where the default's mean is 76.67
        assertThat(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW)).isNotNull();
        assertThat(applications.load(app.id()).panelScore()).isEqualByComparingTo("80.00");
    }

    @Test
    void aCorrectionPeriodBeyondTheRowIsRefused() {
        Application app = submit("cz-med", "评审规则按计划：补正期限");
        String formal = task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> reviews.formalReview(formal,
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "预算表缺页。", 12))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(Messages.describe(Messages.CHINESE, e))
                        .contains("补正期限须为1至10个工作日"));
        AsUser.run(identity, "office", () -> reviews.formalReview(formal,
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "预算表缺页。", 10)));
        assertThat(task(app, ChenzhouProject.TASK_CORRECT_APPLICATION)).isNotNull();
    }

    @Test
    void otherProgrammesKeepTheDefaultRow() {
        for (String other : List.of("XUZHOU", "LIANYUNGANG", "XIANGYANG")) {
            Map<String, Object> row = decisionService.evaluateDecisionByKey(ReviewRules.DECISION)
                    .variables(Variables.createVariables().putValue("programme", other)).evaluate().getSingleResult()
                    .getEntryMap();
            assertThat(ReviewRules.of(row)).as(other)
                    .isEqualTo(new ReviewRules(3, 15, 5, cn.kexie.capability.TestSteps.FORMAL_CHECKS, 5, 30, 2));
        }
    }

    private void score(Application app, String expert, int total) {
        Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
        assertThat(sheet).as("scoring task of " + expert).isNotNull();
        AsUser.run(identity, expert, () -> {
            List<ReviewService.Criterion> criteria = reviews.criteria(app);
            Map<String, BigDecimal> points = new HashMap<>();
            BigDecimal left = BigDecimal.valueOf(total);
            for (ReviewService.Criterion c : criteria) {
                BigDecimal given = left.min(c.maxPoints());
                points.put(c.code(), given);
                left = left.subtract(given);
            }
            assertThat(left).as("criteria add up to " + total).isZero();
            reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "意见：基础扎实。"));
        });
    }

    private Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task;
    }

    private Application submit(String user, String title) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), "ACADEMIC_EXCHANGE", title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("提升学会服务能力。");
        draft.setContent("开展学术交流和科技服务。");
        draft.setSchedule("全年实施。");
        draft.setExpectedResults("形成总结报告。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("20000"), null)));
        draft.setDeclared(new LinkedHashMap<>());
        AsUser.run(identity, user, () -> {
            applications.saveDraft(app.id(), app.version(), draft);
            attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user);
            applications.submit(app.id());
        });
        return applications.load(app.id());
    }
}
