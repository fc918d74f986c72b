package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProcessDiagram;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * "Where it stands" on a real Chenzhou application of CZ-MED, submitted, through formal review, with
 * its panel (expert1, expert2, expert4) drawn and expert1's sheet in: the diagram shows the path to
 * the panel as passed, the scoring as the current step, and nothing of the ways not taken; every
 * reader of the dossier gets it, the applicant included, and nobody else; the page's component
 * receives the instance's own diagram and those ids. And Tasklist's form of a platform task is the
 * platform's page of that task, which checks its visitor itself.
 */
@PlatformTest
class WhereItStandsTest {

    static final byte[] PDF = "%PDF-1.4\n% where it stands\n".getBytes(StandardCharsets.US_ASCII);
    static final List<String> PANEL = List.of("expert1", "expert2", "expert4");

    @Autowired ProcessProgressService progress;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ReviewService reviews;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired DossierPanel dossiers;
    @Autowired WorkflowTasks tasks;
    @Autowired CurrentUser currentUser;
    @Autowired Messages messages;

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void everyReaderOfAChenzhouDossierSeesThePathToThePanelAndTheScoringAsCurrentStep() {
        Application app = atScoring("去向图：医学学术年会");

        for (String reader : List.of("cz-med", "office", "expert1", "expert2", "party", "manager")) {
            ProcessProgress where = as(reader, () -> progress.progress(app.id())).orElseThrow();
            assertThat(where.completed()).as(reader).contains(
                    ChenzhouProject.START_EVENT_APPLICATION_OPENED, ChenzhouProject.TASK_FILL_APPLICATION,
                    ChenzhouProject.TASK_GATHER_FACTS, ChenzhouProject.TASK_CHECK_ELIGIBILITY,
                    ChenzhouProject.TASK_RECORD_ELIGIBILITY, ChenzhouProject.GATEWAY_ELIGIBLE,
                    ChenzhouProject.GATEWAY_JOIN_FORMAL_REVIEW, ChenzhouProject.TASK_FORMAL_REVIEW,
                    ChenzhouProject.GATEWAY_FORMAL_REVIEW_OUTCOME, ChenzhouProject.GATEWAY_JOIN_ASSIGN_PANEL,
                    ChenzhouProject.TASK_ASSIGN_PANEL)
                    // the ways not taken, and what has not happened yet
                    .doesNotContain(ChenzhouProject.TASK_CORRECT_APPLICATION, ChenzhouProject.END_EVENT_REJECTED,
                            ChenzhouProject.END_EVENT_NOT_ACCEPTED, ChenzhouProject.TASK_COMPUTE_PANEL_SCORE,
                            // expert1 is done, expert2 and expert4 are not: the step is still current
                            ChenzhouProject.TASK_EXPERT_REVIEW);
            // the multi-instance body is the engine's frame, not a step of the diagram
            assertThat(where.active()).as(reader).containsExactly(ChenzhouProject.TASK_EXPERT_REVIEW);
            assertThat(where.taken()).as(reader).contains("SequenceFlow_ApplicationOpened", "SequenceFlow_FormalReviewPassed",
                    "SequenceFlow_PanelAssigned")
                    .doesNotContain("SequenceFlow_FormalReviewReturned", "SequenceFlow_FormalReviewRejected",
                            "SequenceFlow_NotEligible", "SequenceFlow_ExpertsScored");
            // the instance's own version, with the diagram's Chinese names
            assertThat(where.processDefinitionId()).startsWith(ChenzhouProject.PROCESS_KEY + ":");
            assertThat(where.xml()).contains("id=\"" + ChenzhouProject.PROCESS_KEY + "\"", "专家评分", "形式审查", "bpmndi:BPMNDiagram");
            // ids only: nobody who did a step
            assertThat(String.join(" ", where.completed()) + String.join(" ", where.active()) + String.join(" ", where.taken()))
                    .as(reader).doesNotContain("expert", "office", "cz-med");
        }
        // one read of a definition version: the second dossier of the same version gets the same text
        assertThat(as("office", () -> progress.progress(app.id())).orElseThrow().xml())
                .isSameAs(as("cz-med", () -> progress.progress(app.id())).orElseThrow().xml());
    }

    @Test
    void nobodyWhoMayNotReadTheDossierSeesItsDiagram() {
        Application app = atScoring("去向图：不得越权查看");

        // another Chenzhou society, a Xuzhou society, Xuzhou's office, experts not on the panel (expert3: 回避)
        for (String outsider : List.of("cz-agri", "xz-mech", "office-xz", "expert3", "expert5")) {
            assertThatThrownBy(() -> as(outsider, () -> progress.progress(app.id())))
                    .as(outsider).isInstanceOf(AccessDeniedException.class);
        }
        // a missing application is refused alike, telling nothing
        assertThatThrownBy(() -> as("cz-med", () -> progress.progress(-4711L)))
                .isInstanceOf(cn.kexie.capability.common.UserError.class);
    }

    @Test
    void theDossierPageHandsTheDiagramAndTheIdsToTheViewerAndShowsNoneToAnOutsider() {
        Application app = atScoring("去向图：页面组件");
        VaadinTestUi.open(messages);

        ProcessDiagram diagram = as("cz-med", () -> diagramOnPage(app.id()));
        assertThat(diagram).isNotNull();
        assertThat(diagram.getElement().getProperty("xml")).contains("id=\"" + ChenzhouProject.PROCESS_KEY + "\"");
        assertThat(json(diagram, "active")).contains(ChenzhouProject.TASK_EXPERT_REVIEW);
        assertThat(json(diagram, "completed"))
                .contains(ChenzhouProject.TASK_FORMAL_REVIEW, ChenzhouProject.TASK_ASSIGN_PANEL)
                .doesNotContain(ChenzhouProject.TASK_CORRECT_APPLICATION);
        assertThat(json(diagram, "taken")).contains("SequenceFlow_PanelAssigned");
        // the legend, in Chinese
        String legend = VaadinTestUi.descendants(diagram).map(c -> c.getElement().getText()).reduce("", String::concat);
        assertThat(legend).contains("已完成", "当前步骤");

        assertThat(as("office-xz", () -> diagramOnPage(app.id()))).isNull();
        assertThat(as("xz-mech", () -> diagramOnPage(app.id()))).isNull();
    }

    @Test
    void tasklistOpensThePlatformsPageOfAPlatformTaskWhichChecksItsVisitor() {
        Application app = atScoring("去向图：Tasklist 打开表单");
        Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee("expert2").singleResult();

        // what Tasklist reads (GET task/{id}/form): the platform's page of the task, an external form
        assertThat(formService.getTaskFormData(sheet.getId()).getFormKey()).isEqualTo("/tasks/" + sheet.getId());
        // the platform itself still reads the diagram's key, which picks its form
        WorkItem mine = as("expert2", () -> tasks.get(sheet.getId()));
        assertThat(mine.formKey()).isEqualTo(ProjectProcess.Forms.EXPERT_SCORE);
        assertThat(taskService.createTaskQuery().taskId(sheet.getId()).initializeFormKeys().singleResult().getFormKey())
                .isEqualTo(ProjectProcess.Forms.EXPERT_SCORE);
        // the page opens the task only for whom it is (refused, or told it is gone, as the page shows both)
        for (String other : List.of("expert1", "office-xz", "cz-med")) {
            assertThatThrownBy(() -> as(other, () -> tasks.get(sheet.getId()))).as(other)
                    .isInstanceOfAny(AccessDeniedException.class, cn.kexie.capability.common.UserError.class);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String json(ProcessDiagram diagram, String property) {
        return ((elemental.json.JsonValue) diagram.getElement().getPropertyRaw(property)).toJson();
    }

    /** The diagram the dossier page shows the current user, or null when it shows none. */
    private ProcessDiagram diagramOnPage(long id) {
        ApplicationDetailView view = new ApplicationDetailView(applications, dossiers, tasks, currentUser, List.of(), List.of(), List.of());
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getRouteParameters()).thenReturn(new RouteParameters("id", String.valueOf(id)));
        view.beforeEnter(event);
        List<ProcessDiagram> diagrams = VaadinTestUi.descendants(view).filter(ProcessDiagram.class::isInstance)
                .map(ProcessDiagram.class::cast).toList();
        if (diagrams.isEmpty()) {
            assertThat(VaadinTestUi.descendants(view).filter(Paragraph.class::isInstance)
                    .map(p -> ((Paragraph) p).getText()).toList())
                    .contains(messages.getTranslation("application.notAvailable", java.util.Locale.SIMPLIFIED_CHINESE));
            return null;
        }
        assertThat(diagrams).hasSize(1);
        return diagrams.get(0);
    }

    /** A CZ-MED Chenzhou application, submitted, through formal review, panel drawn, expert1's sheet in. */
    private Application atScoring(String title) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application started = as("cz-med", () -> applications.start(call.id(), "ACADEMIC_EXCHANGE", title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("提升学会服务能力。");
        draft.setContent("开展学术交流和科技服务。");
        draft.setSchedule("全年实施。");
        draft.setExpectedResults("形成总结报告。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("20000"), null)));
        AsUser.run(identity, "cz-med", () -> {
            applications.saveDraft(started.id(), started.version(), draft);
            attachments.store(started.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, "cz-med");
            applications.submit(started.id());
        });
        Application app = applications.load(started.id());
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(), PANEL));
        Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee("expert1").singleResult();
        AsUser.run(identity, "expert1", () -> {
            List<ReviewService.Criterion> criteria = reviews.criteria(app);
            Map<String, BigDecimal> points = new HashMap<>();
            BigDecimal each = BigDecimal.valueOf(85).divide(BigDecimal.valueOf(criteria.size()), 2, RoundingMode.DOWN);
            criteria.forEach(c -> points.put(c.code(), each.min(c.maxPoints())));
            reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "意见：基础扎实。"));
        });
        return app;
    }

    private Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " (" + applications.load(app.id()).status() + ")").isNotNull();
        return task;
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
