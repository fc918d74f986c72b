package cn.kexie.capability.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationEvent;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.expert.ExpertPool;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskMoves;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * 随机抽取 on the real Chenzhou diagram, one path per test: the draw takes only active experts of the
 * city's pool with the specialty asked for and leaves out who must stand aside; too few is refused
 * with nothing saved; a declined expert is replaced by drawing again, an overdue one once the review
 * rules' days have passed; an expert keeps a draft only he reads. Each test has experts of its own,
 * with a specialty nobody else has, so that the draw's candidates are exactly the test's and the
 * drawn set is certain whatever the random source gives.
 */
@PlatformTest
class PanelDrawTest {

    static final byte[] PDF = "%PDF-1.4\n% panel draw\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired OrganisationService organisations;
    @Autowired ReviewService reviews;
    @Autowired PanelDraw draws;
    @Autowired ExpertPool pool;
    @Autowired TaskMoves moves;
    @Autowired JdbcClient jdbc;

    @Test
    void theDrawTakesActiveExpertsOfTheCityAndSpecialtyAndLeavesOutWhoMustStandAside() {
        String spec = "抽取测试甲";
        long czMed = organisations.findByCode("CZ-MED").orElseThrow().getId();
        expert("dr-a1", "甲一", spec, null, true, "CHENZHOU");
        expert("dr-a2", "甲二", spec, null, true, "CHENZHOU");
        expert("dr-a3", "甲三", spec, null, true, "CHENZHOU");
        // works for the applicant (回避 by affiliation), paused, of the applicant's group, serving Xuzhou only
        expert("dr-a4", "甲四", spec, czMed, true, "CHENZHOU");
        expert("dr-a5", "甲五", spec, null, false, "CHENZHOU");
        expert("dr-a6", "甲六", spec, null, true, "CHENZHOU");
        identity.createMembership("dr-a6", Roles.organisationGroup("CZ-MED"));
        expert("dr-a7", "甲七", spec, null, true, "XUZHOU");

        Application app = submit("cz-med", "随机抽取：回避和暂停的专家不参加");
        formalReview(app);
        String assign = task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId();

        assertThat(AsUser.call(identity, "office", () -> draws.eligibleCount(app.id(), List.of(spec)))).isEqualTo(3);
        // four asked for, three there: refused with the numbers, nothing saved
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> draws.draw(assign, 4, List.of(spec))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(Messages.describe(Messages.CHINESE, e))
                        .isEqualTo("可抽取的专家只有 3 位，不够抽取 4 位：请减少专业领域条件，或在专家库中增加本市的专家。"));
        assertThat(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId()).isEqualTo(assign);
        assertThat(draws(app)).isZero();
        // a size outside the review rules is refused too
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> draws.draw(assign, 2, List.of(spec))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("review.error.panelSize"));

        // only the office of the city draws
        assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> draws.draw(assign, 3, List.of(spec))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> draws.draw(assign, 3, List.of(spec))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> draws.draw(assign, 3, List.of(spec))))
                .satisfies(PanelDrawTest::notTheirs);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> draws.eligibleCount(app.id(), List.of(spec))))
                .satisfies(PanelDrawTest::notTheirs);
        assertThat(draws(app)).isZero();

        List<String> drawn = AsUser.call(identity, "office", () -> draws.draw(assign, 3, List.of(spec)));
        assertThat(drawn).containsExactlyInAnyOrder("dr-a1", "dr-a2", "dr-a3");
        assertThat(taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("dr-a1", "dr-a2", "dr-a3");
        assertThat(jdbc.sql("select method from panel_draw where application_id = ?").param(app.id()).query(String.class).list())
                .containsExactly("RANDOM", "RANDOM", "RANDOM");

        // the history: who drew, the criteria and the drawn for the office; the step alone for the applicant
        ApplicationEvent office = assignPanelEvent(AsUser.call(identity, "office", () -> applications.events(app.id())));
        assertThat(office.userId()).isEqualTo("office");
        assertThat(office.comment()).startsWith("随机抽取 3 位（专业领域：抽取测试甲）：").contains("甲一", "甲二", "甲三");
        assertThat(office.data()).containsEntry("method", "RANDOM");
        ApplicationEvent applicant = assignPanelEvent(AsUser.call(identity, "cz-med", () -> applications.events(app.id())));
        assertThat(applicant.comment()).isNull();
        assertThat(applicant.data()).doesNotContainKeys("experts", "method", "specialties");
        // nor does a drawn expert read the others' names
        ApplicationEvent expert = assignPanelEvent(AsUser.call(identity, "dr-a1", () -> applications.events(app.id())));
        assertThat(expert.comment()).isNull();
    }

    @Test
    void aDeclinedExpertIsReplacedByDrawingAgainAndThePanelFinishes() {
        String spec = "抽取测试乙";
        for (int i = 1; i <= 4; i++) {
            expert("dr-b" + i, "乙" + i, spec, null, true, "CHENZHOU");
        }
        Application app = submit("cz-med", "随机抽取：谢绝后重新抽取");
        formalReview(app);
        List<String> drawn = AsUser.call(identity, "office", () -> draws.draw(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(),
                3, List.of(spec)));
        String left = List.of("dr-b1", "dr-b2", "dr-b3", "dr-b4").stream().filter(e -> !drawn.contains(e)).findFirst().orElseThrow();
        String declining = drawn.get(0);
        Task sheet = sheetOf(app, declining);

        // not before he declines
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> draws.redraw(sheet.getId(), null)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("review.draw.error.notDeclined"));
        AsUser.run(identity, declining, () -> moves.release(sheet.getId(), "出差，无法按期评审"));

        assertThatThrownBy(() -> AsUser.run(identity, drawn.get(1), () -> draws.redraw(sheet.getId(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> draws.redraw(sheet.getId(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> draws.redraw(sheet.getId(), null)))
                .satisfies(PanelDrawTest::notTheirs);

        String replacement = AsUser.call(identity, "office", () -> draws.redraw(sheet.getId(), null));
        // the one expert of the criteria never drawn for the application
        assertThat(replacement).isEqualTo(left);
        assertThat(taskService.createTaskQuery().taskId(sheet.getId()).singleResult().getAssignee()).isEqualTo(left);
        assertThat(jdbc.sql("select replaces from panel_draw where application_id = ? and kind = 'REPLACEMENT'")
                .param(app.id()).query(String.class).list()).containsExactly(declining);

        // another declines: nobody of the criteria is left, said plainly, and the task waits for the office
        Task second = sheetOf(app, drawn.get(1));
        AsUser.run(identity, drawn.get(1), () -> moves.release(second.getId(), "身体原因"));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> draws.redraw(second.getId(), null)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("review.draw.error.noneLeft"));
        assertThat(taskService.getVariableLocal(second.getId(), TaskMoves.DECLINED_BY)).isEqualTo(drawn.get(1));
        // the office may still name one by hand
        AsUser.run(identity, "office", () -> moves.replace(second.getId(), "expert5", "手工指定赵教授"));

        score(app, left, 80);
        score(app, drawn.get(2), 90);
        score(app, "expert5", 85);
        assertThat(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW)).isNotNull();
        assertThat(applications.load(app.id()).panelScore()).isNotNull();

        List<ApplicationEvent> history = AsUser.call(identity, "office", () -> applications.events(app.id()));
        assertThat(history).extracting(ApplicationEvent::step)
                .containsSubsequence("assignPanel", "taskDeclined", "taskReplaced", "expertRedrawn");
        assertThat(history.stream().filter(e -> e.step().equals("expertRedrawn")).findFirst().orElseThrow().comment())
                .contains("抽取测试乙", "乙");
        assertThat(AsUser.call(identity, "cz-med", () -> applications.events(app.id()))).extracting(ApplicationEvent::step)
                .contains("assignPanel").doesNotContain("expertRedrawn", "taskDeclined", "taskReplaced");
    }

    @Test
    void anOverdueExpertIsReplacedOnceTheRulesDaysHavePassed() {
        String spec = "抽取测试丙";
        for (int i = 1; i <= 4; i++) {
            expert("dr-c" + i, "丙" + i, spec, null, true, "CHENZHOU");
        }
        Application app = submit("cz-univ", "随机抽取：逾期更换");
        formalReview(app);
        List<String> drawn = AsUser.call(identity, "office", () -> draws.draw(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(),
                3, List.of(spec)));
        String left = List.of("dr-c1", "dr-c2", "dr-c3", "dr-c4").stream().filter(e -> !drawn.contains(e)).findFirst().orElseThrow();
        String late = drawn.get(0);
        Task sheet = sheetOf(app, late);

        // within its due date the expert keeps the task
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> draws.replaceOverdue(sheet.getId(), "逾期未评")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("review.draw.error.notOverdue"));
        PanelDraw.Seat seat = panelSeat(app, late);
        assertThat(seat.state()).isEqualTo(PanelDraw.State.SCORING);
        assertThat(AsUser.call(identity, "office", () -> draws.replaceableNow(seat))).isFalse();

        // a due date a month ago: late by more than the rules' two working days
        Task overdue = taskService.createTaskQuery().taskId(sheet.getId()).singleResult();
        overdue.setDueDate(Date.from(PlatformClock.now().minus(Duration.ofDays(30))));
        taskService.saveTask(overdue);
        PanelDraw.Seat lateSeat = panelSeat(app, late);
        assertThat(lateSeat.state()).isEqualTo(PanelDraw.State.OVERDUE);
        assertThat(AsUser.call(identity, "office", () -> draws.replaceableNow(lateSeat))).isTrue();
        // the panel's seats are the office's: nobody else gets them
        assertThat(AsUser.call(identity, "cz-univ", () -> draws.panel(app))).isEmpty();
        assertThat(AsUser.call(identity, late, () -> draws.panel(app))).isEmpty();
        assertThat(AsUser.call(identity, "office-xz", () -> draws.panel(app))).isEmpty();

        assertThatThrownBy(() -> AsUser.run(identity, late, () -> draws.replaceOverdue(sheet.getId(), "逾期未评")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> draws.replaceOverdue(sheet.getId(), "逾期未评")))
                .satisfies(PanelDrawTest::notTheirs);
        assertThat(taskService.createTaskQuery().taskId(sheet.getId()).singleResult().getAssignee()).isEqualTo(late);

        String replacement = AsUser.call(identity, "office", () -> draws.replaceOverdue(sheet.getId(), "逾期未评"));
        assertThat(replacement).isEqualTo(left);
        assertThat(taskService.createTaskQuery().taskId(sheet.getId()).singleResult().getAssignee()).isEqualTo(left);
        assertThat(AsUser.call(identity, "office", () -> applications.events(app.id()))).extracting(ApplicationEvent::step)
                .containsSubsequence("assignPanel", "taskWithdrawn", "taskReplaced", "expertRedrawn");

        score(app, left, 70);
        score(app, drawn.get(1), 80);
        score(app, drawn.get(2), 90);
        assertThat(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW)).isNotNull();
        assertThat(applications.load(app.id()).panelScore()).isEqualByComparingTo("80.00");
    }

    @Test
    void anExpertKeepsADraftThatOnlyHeReadsAndTheSubmissionTakesItsPlace() {
        String spec = "抽取测试丁";
        for (int i = 1; i <= 3; i++) {
            expert("dr-d" + i, "丁" + i, spec, null, true, "CHENZHOU");
        }
        Application app = submit("cz-univ", "专家暂存评分表");
        formalReview(app);
        AsUser.run(identity, "office", () -> draws.draw(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(), 3, List.of(spec)));
        Task sheet = sheetOf(app, "dr-d1");
        List<ReviewService.Criterion> criteria = AsUser.call(identity, "dr-d1", () -> reviews.criteria(app));
        ReviewService.Criterion first = criteria.get(0);

        // half done: one criterion and no comment; a point above the maximum is refused, nothing kept
        ReviewService.Criterion second = criteria.get(1);
        assertThatThrownBy(() -> AsUser.run(identity, "dr-d1", () -> reviews.saveDraft(sheet.getId(), new ReviewService.Sheet(true,
                Map.of(first.code(), new BigDecimal("5"), second.code(), second.maxPoints().add(BigDecimal.ONE)), null))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("review.error.scoreRange"));
        assertThat(AsUser.call(identity, "dr-d1", () -> reviews.draft(sheet.getId()))).isEmpty();
        AsUser.run(identity, "dr-d1", () -> reviews.saveDraft(sheet.getId(),
                new ReviewService.Sheet(true, Map.of(first.code(), new BigDecimal("5.5")), "初步意见")));
        ReviewService.Sheet draft = AsUser.call(identity, "dr-d1", () -> reviews.draft(sheet.getId())).orElseThrow();
        assertThat(draft.points()).containsOnlyKeys(first.code());
        assertThat(draft.points().get(first.code())).isEqualByComparingTo("5.5");
        assertThat(draft.comment()).isEqualTo("初步意见");

        // nobody else reads or writes it: another expert of the panel, the office, the applicant
        assertThatThrownBy(() -> AsUser.call(identity, "dr-d2", () -> reviews.draft(sheet.getId())))
                .satisfies(PanelDrawTest::notTheirs);
        assertThatThrownBy(() -> AsUser.run(identity, "dr-d2", () -> reviews.saveDraft(sheet.getId(),
                new ReviewService.Sheet(true, Map.of(), "冒名")))).satisfies(PanelDrawTest::notTheirs);
        assertThatThrownBy(() -> AsUser.call(identity, "office", () -> reviews.draft(sheet.getId())))
                .satisfies(PanelDrawTest::notTheirs);
        assertThatThrownBy(() -> AsUser.call(identity, "cz-univ", () -> reviews.draft(sheet.getId())))
                .satisfies(PanelDrawTest::notTheirs);
        // the office never sees a draft as a sheet
        assertThat(AsUser.call(identity, "office", () -> reviews.sheets(app.id()))).isEmpty();
        assertThat(AsUser.call(identity, "office", () -> reviews.hasSheets(app.id()))).isFalse();

        score(app, "dr-d1", 80);
        assertThat(jdbc.sql("select count(*) from review_draft where application_id = ?").param(app.id())
                .query(Integer.class).single()).isZero();
        assertThat(AsUser.call(identity, "office", () -> reviews.sheets(app.id()))).extracting(ReviewService.SubmittedSheet::expertId)
                .containsExactly("dr-d1");
    }

    @Test
    void aPanelTickedByHandIsRecordedAsSuchAndShowsOnTheDossierToo() {
        Application app = submit("cz-univ", "手工选择的评审专家");
        formalReview(app);
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(),
                List.of("expert1", "expert2", "expert4")));
        assertThat(jdbc.sql("select method from panel_draw where application_id = ?").param(app.id()).query(String.class).list())
                .containsExactly("MANUAL", "MANUAL", "MANUAL");
        PanelDraw.Panel panel = AsUser.call(identity, "office", () -> draws.panel(app)).orElseThrow();
        assertThat(panel.method()).isEqualTo("MANUAL");
        assertThat(panel.specialties()).isEmpty();
        assertThat(panel.seats()).extracting(PanelDraw.Seat::expertId).containsExactlyInAnyOrder("expert1", "expert2", "expert4");
        assertThat(panel.seats()).extracting(PanelDraw.Seat::state).containsOnly(PanelDraw.State.SCORING);
        assertThat(assignPanelEvent(AsUser.call(identity, "office", () -> applications.events(app.id()))).comment())
                .isEqualTo("手工选择 3 位：李教授、张研究员、陈高工");
    }

    @Test
    void theSameRandomSourceGivesTheSameDrawAndEveryDrawIsOfDistinctCandidates() {
        List<String> candidates = List.of("e5", "e1", "e4", "e2", "e3", "e6");
        List<String> one = PanelDraw.pick(candidates, 3, new java.util.Random(7));
        List<String> again = PanelDraw.pick(List.of("e6", "e5", "e4", "e3", "e2", "e1"), 3, new java.util.Random(7));
        assertThat(one).isEqualTo(again).doesNotHaveDuplicates().hasSize(3);
        assertThat(candidates).containsAll(one);
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        java.util.Random source = new java.util.Random(11);
        for (int i = 0; i < 50; i++) {
            seen.add(PanelDraw.pick(candidates, 3, source));
        }
        // not always the same three
        assertThat(seen.size()).isGreaterThan(1);
        assertThatThrownBy(() -> PanelDraw.pick(candidates, 7, new java.util.Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ helpers

    /** An expert account of the test's, working for {@code city}, with a profile the office files. */
    private void expert(String id, String name, String specialty, Long affiliationOrgId, boolean active, String city) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setLastName(name);
            u.setFirstName("专家");
            u.setPassword("Kx#Draw-2026-Pw9");
            identity.saveUser(u);
            identity.createMembership(id, Roles.EXPERT);
            identity.createTenantUserMembership(city, id);
        }
        AsUser.run(identity, "office", () -> pool.save(new ExpertPool.Edit(id, "教授", affiliationOrgId,
                affiliationOrgId == null ? "测试大学" : null, List.of(specialty), Set.of(city), active)));
    }

    private PanelDraw.Seat panelSeat(Application app, String expert) {
        return AsUser.call(identity, "office", () -> draws.panel(app)).orElseThrow().seats().stream()
                .filter(s -> expert.equals(s.expertId())).findFirst().orElseThrow();
    }

    private int draws(Application app) {
        return jdbc.sql("select count(*) from panel_draw where application_id = ?").param(app.id()).query(Integer.class).single();
    }

    private static ApplicationEvent assignPanelEvent(List<ApplicationEvent> events) {
        return events.stream().filter(e -> e.step().equals("assignPanel")).findFirst().orElseThrow();
    }

    static void notTheirs(Throwable error) {
        if (!(error instanceof AccessDeniedException)) {
            assertThat(error).isInstanceOf(UserError.class);
            assertThat(((UserError) error).problems()).extracting(UserError.Problem::key).containsExactly("task.error.gone");
        }
    }

    private void formalReview(Application app) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
    }

    private Task sheetOf(Application app, String expert) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
        assertThat(task).as("scoring task of " + expert).isNotNull();
        return task;
    }

    private void score(Application app, String expert, int total) {
        Task sheet = sheetOf(app, expert);
        AsUser.run(identity, expert, () -> {
            List<ReviewService.Criterion> criteria = reviews.criteria(app);
            Map<String, BigDecimal> points = new HashMap<>();
            BigDecimal left = BigDecimal.valueOf(total);
            for (int i = 0; i < criteria.size(); i++) {
                ReviewService.Criterion c = criteria.get(i);
                BigDecimal each = i == criteria.size() - 1 ? left
                        : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(criteria.size()), 0, RoundingMode.DOWN);
                each = each.min(c.maxPoints());
                points.put(c.code(), each);
                left = left.subtract(each);
            }
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
