package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationEvent;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The expert case on the real Chenzhou diagram: one of three drawn experts declines his scoring
 * task (退回), the task goes to the programme office instead of being stranded, the office names a
 * replacement, and with the replacement's sheet the panel finishes and the review moves on to its
 * conclusion with the mean of the three sheets submitted.
 */
@PlatformTest
class ExpertDeclinesInChenzhouTest {

    static final byte[] PDF = "%PDF-1.4\n% expert declines\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired TaskMoves moves;
    @Autowired WorkflowTasks workflowTasks;

    @Test
    void aDeclinedScoringTaskIsReplacedAndThePanelFinishes() {
        Application app = submit("cz-med", "专家谢绝后更换的项目");
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(),
                List.of("expert1", "expert2", "expert4")));

        Task declined = sheetOf(app, "expert1");
        AsUser.run(identity, "expert1", () -> moves.release(declined.getId(), "近期出国，无法按期评审"));
        assertThat(taskService.createTaskQuery().taskId(declined.getId()).singleResult().getAssignee()).isNull();
        // the office may claim it but never score it
        AsUser.run(identity, "office", () -> workflowTasks.claim(declined.getId()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsUser.run(identity, "office", () -> reviews.submitSheet(
                declined.getId(), new ReviewService.Sheet(true, Map.of(), "办公室不能评分"))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        AsUser.run(identity, "office", () -> moves.replace(declined.getId(), "expert5", "改请赵教授评审"));
        score(app, "expert2", 80);
        score(app, "expert4", 90);
        score(app, "expert5", 85);

        assertThat(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW)).isNotNull();
        assertThat(applications.load(app.id()).panelScore()).isNotNull();
        assertThat(runtimeService.getVariable(app.processInstanceId(), ProjectProcess.EXPERTS))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("expert5", "expert2", "expert4");
        List<ApplicationEvent> history = AsUser.call(identity, "office", () -> applications.events(app.id()));
        assertThat(history).extracting(ApplicationEvent::step).containsSubsequence("assignPanel", "taskDeclined", "taskReplaced");
        // the applicant sees neither who declined nor who replaced him
        assertThat(AsUser.call(identity, "cz-med", () -> applications.events(app.id()))).extracting(ApplicationEvent::step)
                .doesNotContain("taskDeclined", "taskReplaced");
        // the replacement reads the dossier; the expert who declined no longer does
        assertThat(AsUser.call(identity, "expert5", () -> applications.get(app.id())).id()).isEqualTo(app.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsUser.call(identity, "expert1", () -> applications.get(app.id())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private Task sheetOf(Application app, String expert) {
        return taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
    }

    private void score(Application app, String expert, int total) {
        Task sheet = sheetOf(app, expert);
        assertThat(sheet).as("scoring task of " + expert).isNotNull();
        AsUser.run(identity, expert, () -> {
            List<ReviewService.Criterion> criteria = reviews.criteria(app);
            Map<String, BigDecimal> points = new HashMap<>();
            BigDecimal each = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(criteria.size()), 2, RoundingMode.DOWN);
            criteria.forEach(c -> points.put(c.code(), each.min(c.maxPoints())));
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
