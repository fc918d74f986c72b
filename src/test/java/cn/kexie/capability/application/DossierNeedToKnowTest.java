package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.approval.ConfirmationService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.publicity.NoticeService;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.AwardReview;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Need-to-know on real Chenzhou and Lianyungang applications, as the demo users: experts open only
 * what their panel scores, and never a draft; the county association only what it confirms; party
 * group, leading group and finance their cities' submitted applications; and nobody outside the
 * association's deciding roles sees who is on a panel, a single expert's sheet, or the office's
 * internal notes, while the applicant keeps its reasons, deadlines and panel score.
 */
@PlatformTest
class DossierNeedToKnowTest {

    static final byte[] PDF = "%PDF-1.4\n% need to know\n".getBytes(StandardCharsets.US_ASCII);
    static final List<String> PANEL = List.of("expert1", "expert2", "expert4");
    static final String INTERNAL_NOTE = "内部核查意见：举报人系竞争单位，举报内容经电话核实不实。";

    @Autowired DossierAccess access;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired NoticeService notices;
    @Autowired ConfirmationService confirmations;

    // ------------------------------------------------------------------ who opens what

    @Test
    void anExpertOpensOnlyTheDossiersOfItsPanelAndNeverADraft() {
        Application app = submit("cz-med", "CHENZHOU", "ACADEMIC_EXCHANGE", "医学继续教育年会", Map.of());
        passFormalReview(app);
        assignPanel(app, PANEL);
        score(app, "expert1", 85);
        Application draft = start("cz-univ", "CHENZHOU", "SOCIAL_SERVICE", "尚未提交的草稿");

        // scored (task completed) and still to score (task open): both open the dossier
        assertThat(as("expert1", () -> applications.get(app.id())).id()).isEqualTo(app.id());
        assertThat(as("expert2", () -> applications.get(app.id())).id()).isEqualTo(app.id());
        // not on the panel, or 回避: refused, the history too
        for (String outsider : List.of("expert3", "expert5")) {
            assertThatThrownBy(() -> as(outsider, () -> applications.get(app.id()))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(outsider, () -> applications.events(app.id()))).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as("expert1", () -> applications.get(draft.id()))).isInstanceOf(AccessDeniedException.class);
        // experts have no list of applications
        assertThatThrownBy(() -> as("expert1", () -> applications.search(ApplicationFilter.all(), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theCountyAssociationOpensOnlyTheApplicationsItConfirms() {
        // the demo user county is 海州区科协: the station serves Haizhou
        Application station = submit("lyg-phar", "LIANYUNGANG", "SERVICE_STATION", "海州区药学服务站",
                Map.of("serviceCounty", "LYG_HAIZHOU", "hasServiceAgreement", true, "boardResolution", true, "responsiblePerson", "王秘书长"));
        Application demo = submit("lyg-chem", "LIANYUNGANG", "FUNCTION_DEMO", "承接职能示范（无需县区确认）",
                Map.of("hasFunctionMandate", true, "boardResolution", true, "responsiblePerson", "张秘书长"));
        Application chenzhou = submit("cz-med", "CHENZHOU", "COMPREHENSIVE_DEMO", "综合示范学会创建（郴州）", Map.of());

        // may confirm it now, and still after confirming
        assertThat(as("county", () -> applications.get(station.id())).id()).isEqualTo(station.id());
        AsUser.run(identity, "county", () -> confirmations.confirm(task(station, AwardReview.TASK_CONFIRMATION).getId(), true, "情况属实"));
        assertThat(as("county", () -> applications.events(station.id()))).extracting(ApplicationEvent::step).contains("confirmation");

        for (Application notForTheCounty : List.of(demo, chenzhou)) {
            assertThatThrownBy(() -> as("county", () -> applications.get(notForTheCounty.id())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        Application draft = start("lyg-chem", "LIANYUNGANG", "SERVICE_STATION", "草稿服务站");
        assertThatThrownBy(() -> as("county", () -> applications.get(draft.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("county", () -> applications.count(ApplicationFilter.all())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void partyGroupLeadingGroupAndFinanceSeeTheSubmittedApplicationsOfTheirCities() {
        Application submitted = submit("cz-univ", "CHENZHOU", "DECISION_CONSULTING", "决策咨询课题（已提交）", Map.of());
        Application draft = start("cz-eng", "CHENZHOU", "DECISION_CONSULTING", "决策咨询课题（草稿）");

        for (String role : List.of("party", "leader", "finance")) {
            assertThat(as(role, () -> applications.get(submitted.id())).id()).isEqualTo(submitted.id());
            assertThatThrownBy(() -> as(role, () -> applications.get(draft.id()))).as(role).isInstanceOf(AccessDeniedException.class);
            List<Application> listed = as(role, () -> applications.search(ApplicationFilter.all(), 0, 100_000));
            assertThat(listed).as(role).extracting(Application::id).contains(submitted.id()).doesNotContain(draft.id());
            assertThat(listed).as(role).allSatisfy(a -> assertThat(a.submittedAt()).isNotNull());
        }
        // the office runs the programme: drafts included
        assertThat(as("office", () -> applications.get(draft.id())).id()).isEqualTo(draft.id());
        assertThat(as("office", () -> applications.search(new ApplicationFilter(null, null, null, null, draft.number()), 0, 10)))
                .extracting(Application::id).containsExactly(draft.id());
    }

    // ------------------------------------------------------------------ what the history tells

    @Test
    void theApplicantSeesNoPanelNoSheetsAndNoInternalNotesButItsReasonsAndScore() {
        Application app = throughAnUpheldObjectionBackToReview();

        List<ApplicationEvent> mine = as("cz-med", () -> applications.events(app.id()));
        assertThat(mine).extracting(ApplicationEvent::step).doesNotContain("expertReview", "reviewRoundArchived")
                .contains("created", "formalReview", "assignPanel", "panelScore", "objectionReview");
        String everything = mine.toString();
        for (String expert : List.of("expert1", "expert2", "expert4", "expert5")) {
            assertThat(everything).doesNotContain(expert);
        }
        assertThat(mine).allSatisfy(e -> {
            assertThat(e.data()).doesNotContainKeys("experts", "expert", "totals", "minutes", "voucher", "objectionId");
            assertThat(e.userId()).isIn(null, ApplicationEvent.WITHHELD, "cz-med");
        });
        // the office's decision note stays internal; the decision itself does not
        assertThat(mine).filteredOn(e -> "objectionReview".equals(e.step())).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ProjectProcess.UPHELD_BACK_TO_REVIEW);
            assertThat(e.comment()).isNull();
        });
        assertThat(everything).doesNotContain(INTERNAL_NOTE);
        // what the applicant is told: its submission, the return's reasons and deadline, the panel's mean score
        assertThat(mine).filteredOn(e -> "created".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(e.userId()).isEqualTo("cz-med"));
        assertThat(mine).filteredOn(e -> "formalReview".equals(e.step()) && ProjectProcess.RETURN.equals(e.outcome()))
                .singleElement().satisfies(e -> {
                    assertThat(e.comment()).isEqualTo("请补充调研提纲。");
                    assertThat(e.data()).containsKey("correctionDeadline");
                });
        BigDecimal panelScore = as("cz-med", () -> applications.get(app.id())).panelScore();
        assertThat(panelScore).isNotNull();
        assertThat(mine).filteredOn(e -> "panelScore".equals(e.step())).first()
                .satisfies(e -> assertThat(e.comment()).isEqualTo(panelScore.toPlainString()));
        // the staff it may not know are withheld, not shown as the platform's own acts
        assertThat(mine).filteredOn(e -> "assignPanel".equals(e.step())).first()
                .satisfies(e -> assertThat(e.userId()).isEqualTo(ApplicationEvent.WITHHELD));
        // the panel's mean is the diagram's automatic step, credited to nobody, for every reader: not
        // to the expert whose sheet happened to be the last
        List<ApplicationEvent> office = as("office", () -> applications.events(app.id()));
        assertThat(office).filteredOn(e -> "panelScore".equals(e.step())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.automatic()).as(e.toString()).isTrue());
        assertThat(office).filteredOn(e -> "expertReview".equals(e.step())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.userId()).startsWith("expert"));
        // the history names people as people, not by login id
        Map<String, String> names = as("office", () -> access.names(office));
        assertThat(names).containsEntry("office", "王学会部");
        cn.kexie.capability.VaadinTestUi.open(new cn.kexie.capability.common.Messages());
        try {
            var page = new com.vaadin.flow.component.html.Div();
            ApplicationEvent review = office.stream().filter(e -> "formalReview".equals(e.step())).findFirst().orElseThrow();
            assertThat(DossierPanel.who(page, review, names)).isEqualTo("王学会部");
            ApplicationEvent score = office.stream().filter(e -> "panelScore".equals(e.step())).findFirst().orElseThrow();
            assertThat(DossierPanel.who(page, score, names)).isEqualTo("系统自动");
        } finally {
            cn.kexie.capability.VaadinTestUi.close();
        }
    }

    @Test
    void anExpertSeesItsOwnSheetButNoFellowExpertNorThePanel() {
        Application app = throughAnUpheldObjectionBackToReview();

        List<ApplicationEvent> seen = as("expert1", () -> applications.events(app.id()));
        assertThat(seen).filteredOn(e -> "expertReview".equals(e.step()))
                .isNotEmpty().allSatisfy(e -> assertThat(e.userId()).isEqualTo("expert1"));
        assertThat(seen).extracting(ApplicationEvent::step).doesNotContain("reviewRoundArchived");
        String everything = seen.toString();
        for (String fellow : List.of("expert2", "expert4", "expert5")) {
            assertThat(everything).doesNotContain(fellow);
        }
        assertThat(everything).doesNotContain(INTERNAL_NOTE);
        // a fellow expert's sheet is no business of the panel's either
        assertThatThrownBy(() -> as("expert1", () -> reviews.sheets(app.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theOfficeSeesTheWholeHistory() {
        Application app = throughAnUpheldObjectionBackToReview();

        List<ApplicationEvent> all = as("office", () -> applications.events(app.id()));
        assertThat(all).filteredOn(e -> "expertReview".equals(e.step())).extracting(ApplicationEvent::userId)
                .containsExactlyInAnyOrderElementsOf(PANEL);
        assertThat(all).filteredOn(e -> "assignPanel".equals(e.step())).first()
                .satisfies(e -> assertThat(e.data().get("experts")).isEqualTo(PANEL));
        assertThat(all).filteredOn(e -> "reviewRoundArchived".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(((Map<?, ?>) e.data().get("totals")).keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrderElementsOf(PANEL));
        assertThat(all).filteredOn(e -> "objectionReview".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(e.comment()).isEqualTo(INTERNAL_NOTE));
    }

    // ------------------------------------------------------------------ steps

    /**
     * A Chenzhou application returned once for correction, reviewed by expert1, 2 and 4 (85, 90, 78),
     * approved, under notice; an objection upheld with an internal note sends it back to review, and a
     * new panel (expert1, expert2, expert5) is assigned, which archives the first round's sheets.
     */
    Application throughAnUpheldObjectionBackToReview() {
        Application app = submit("cz-med", "CHENZHOU", "SOCIAL_SERVICE", "基层医疗科普服务", Map.of());
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "请补充调研提纲。", 5)));
        AsUser.run(identity, "cz-med", () -> applications.submit(app.id()));
        passFormalReview(app);
        assignPanel(app, PANEL);
        int[] totals = {85, 90, 78};
        for (int i = 0; i < PANEL.size(); i++) {
            score(app, PANEL.get(i), totals[i]);
        }
        AsUser.run(identity, "office", () -> reviews.conclude(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW).getId(),
                ProjectProcess.PASS, null));
        AsUser.run(identity, "party", () -> approvals.decide(task(app, ChenzhouProject.TASK_PARTY_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组会议纪要〔2026〕9号", null)));
        notices.lodge(new NoticeService.ObjectionInput(app.number(), "李四", cn.kexie.capability.Objectors.mobile(),
                "该项目与本单位去年的项目内容雷同，请核查是否重复申报。"), cn.kexie.capability.Objectors.address());
        AsUser.run(identity, "office", () -> notices.decide(task(app, ChenzhouProject.TASK_REVIEW_OBJECTION).getId(),
                ProjectProcess.UPHELD_BACK_TO_REVIEW, INTERNAL_NOTE));
        assignPanel(app, List.of("expert1", "expert2", "expert5"));
        return app;
    }

    Application start(String user, String programme, String category, String title) {
        Call call = catalogue.call(programme, PlatformClock.today().getYear()).orElseThrow();
        return AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
    }

    Application submit(String user, String programme, String category, String title, Map<String, Object> declared) {
        Application app = start(user, programme, category, title);
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("提升学会服务能力。");
        draft.setContent("开展学术交流和科技服务。");
        draft.setSchedule("全年实施。");
        draft.setExpectedResults("形成总结报告。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("20000"), null)));
        draft.setDeclared(new LinkedHashMap<>(declared));
        AsUser.run(identity, user, () -> {
            applications.saveDraft(app.id(), app.version(), draft);
            attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user);
            applications.submit(app.id());
        });
        return applications.load(app.id());
    }

    void passFormalReview(Application app) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
    }

    void assignPanel(Application app, List<String> experts) {
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(), experts));
    }

    void score(Application app, String expert, int total) {
        Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
        AsUser.run(identity, expert, () -> {
            List<ReviewService.Criterion> criteria = reviews.criteria(app);
            Map<String, BigDecimal> points = new HashMap<>();
            BigDecimal each = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(criteria.size()), 2, RoundingMode.DOWN);
            criteria.forEach(c -> points.put(c.code(), each.min(c.maxPoints())));
            reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "意见：基础扎实。"));
        });
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number() + " (" + applications.load(app.id()).status() + ")").isNotNull();
        return task;
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
