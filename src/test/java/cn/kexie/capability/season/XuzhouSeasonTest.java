package cn.kexie.capability.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.TestSocieties;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.evaluation.EvaluationService;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.implementation.ImplementationService;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.publicity.NoticeService;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.XuzhouCall;
import cn.kexie.capability.workflow.XuzhouProject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole Xuzhou year: 44 applications of 22 societies in all six categories, two deadlines,
 * comprehensive evaluation within the quotas, organisational approval, public notice with an
 * upheld objection, implementation, mid-term evaluation, assessment with its notice, and the
 * subsidies granted or cancelled, with the engine clock moved through the year.
 */
@PlatformTest
class XuzhouSeasonTest {

    static final int YEAR = 2033;
    static final byte[] PDF = "%PDF-1.4\n% test\n".getBytes(StandardCharsets.US_ASCII);
    static final List<String> PANEL = List.of("expert1", "expert2", "expert4");

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired OrganisationService organisations;
    @Autowired ReviewService reviews;
    @Autowired EvaluationService evaluation;
    @Autowired ApprovalService approvals;
    @Autowired NoticeService notices;
    @Autowired FundingService funding;
    @Autowired FundingLedger ledger;
    @Autowired ImplementationService implementation;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aWholeYearFromTwoDeadlinesToSubsidies() {
        at(YEAR, 4, 20);
        Call call = AsUser.call(identity, "office", () -> {
            Call c = catalogue.createCall("XUZHOU", YEAR, YEAR + "年度徐州市科协提升计划（测试年度）", LocalDate.of(YEAR, 4, 29));
            for (String category : List.of("SERVICE_TECH", "SERVICE_THINK_TANK")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(YEAR, 4, 29), LocalDate.of(YEAR, 6, 5), null, null));
            }
            for (String category : List.of("FIRST_CLASS", "INNOVATION_THINK_TANK", "INNOVATION_ACADEMIC", "INNOVATION_POPULAR_SCIENCE")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(YEAR, 4, 29), LocalDate.of(YEAR, 11, 10), null, null));
            }
            catalogue.saveQuota(new CallQuota(c.id(), "FIRST_CLASS", 5, 7));
            catalogue.saveQuota(new CallQuota(c.id(), "INNOVATION", 10, 12));
            catalogue.saveQuota(new CallQuota(c.id(), "SERVICE_TECH", 0, 20));
            catalogue.saveQuota(new CallQuota(c.id(), "SERVICE_THINK_TANK", 0, 10));
            catalogue.setMidterm(c.id(), LocalDate.of(YEAR + 1, 3, 2));
            return catalogue.call(c.id()).orElseThrow();
        });
        assertThat(call.processInstanceId()).isNotNull();

        // publication: the call's process plans its two intakes
        at(YEAR, 4, 29);
        runTimers(call.processInstanceId());
        List<String> users = societies(22);

        // ---- service intake: 12 SERVICE_TECH (6 societies, two service points each), 8 SERVICE_THINK_TANK
        at(YEAR, 5, 10);
        List<Application> service = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int p = 0; p < 2; p++) {
                service.add(apply(users.get(i), call, "SERVICE_TECH", "科技服务项目" + i + "-" + p,
                        Map.of("servicePoint", "服务点" + i + "-" + p, "hasServiceAgreement", true)));
            }
        }
        for (int i = 6; i < 10; i++) {
            for (int p = 0; p < 2; p++) {
                service.add(apply(users.get(i), call, "SERVICE_THINK_TANK", "智库课题" + i + "-" + p,
                        Map.of("topicFromProvincialGuide", true)));
            }
        }
        // a third SERVICE_TECH of one society is not accepted
        Application third = apply(users.get(0), call, "SERVICE_TECH", "第三个科技服务项目",
                Map.of("servicePoint", "服务点0-9", "hasServiceAgreement", true));
        assertThat(status(third)).isEqualTo("NOT_ACCEPTED");
        // a draft that misses the deadline
        Application late = AsUser.call(identity, users.get(1), () -> applications.start(call.id(), "SERVICE_THINK_TANK", "逾期的课题"));

        int score = 60;
        for (Application app : service) {
            reviewToResult(app, score++);
        }
        at(YEAR, 6, 6);
        fill(users.get(1), late, Map.of("topicFromProvincialGuide", true));
        assertThatThrownBy(() -> AsUser.run(identity, users.get(1), () -> applications.submit(late.id())))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("programme.error.deadlinePassed"));
        runTimers(call.processInstanceId());
        Task serviceEvaluation = callTask(call, XuzhouCall.TASK_COMPREHENSIVE_EVALUATION);
        AsUser.run(identity, "office", () -> evaluation.evaluate(serviceEvaluation.getId(), Map.of(), Map.of()));
        approveList(call);
        assertThat(notices.current()).extracting(n -> n.applicationNumber())
                .containsAll(service.stream().map(Application::number).toList());

        // an upheld objection withdraws one project from the list
        Application objected = service.get(0);
        notices.lodge(new NoticeService.ObjectionInput(objected.number(), "李四", cn.kexie.capability.Objectors.mobile(),
                "服务点企业反映未签订合作协议，协议系伪造。"), cn.kexie.capability.Objectors.address());
        Task objection = callTask(call, XuzhouCall.TASK_REVIEW_LIST_OBJECTION);
        AsUser.run(identity, "office", () -> notices.decide(objection.getId(), ProjectProcess.UPHELD_NOT_FUNDED, "经核实，协议不实。"));
        runTimers(call.processInstanceId(), notices.current().stream().filter(n -> n.applicationNumber().equals(service.get(1).number()))
                .findFirst().orElseThrow().lastDay().plusDays(1));
        assertThat(status(objected)).isEqualTo("NOT_SELECTED");
        assertThat(ledger.moneyOf(objected.id()).approved()).as("approved with the list (the request), released when withdrawn")
                .isZero();
        assertThat(ledger.moneyOf(service.get(1).id()).approved()).as("the request").isEqualByComparingTo("20000");
        assertThat(service.subList(1, service.size())).allSatisfy(a -> assertThat(status(a)).isEqualTo("IN_PROGRESS"));

        // ---- elite intake: 8 FIRST_CLASS (rated 5A) and 14 INNOVATION_* for the quota of 10-12
        at(YEAR, 9, 15);
        List<Application> firstClass = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            firstClass.add(apply(users.get(i), call, "FIRST_CLASS", "一流学会建设" + i, Map.of()));
        }
        List<Application> innovation = new ArrayList<>();
        for (int i = 8; i < 22; i++) {
            String category = switch (i % 3) {
                case 0 -> "INNOVATION_THINK_TANK";
                case 1 -> "INNOVATION_ACADEMIC";
                default -> "INNOVATION_POPULAR_SCIENCE";
            };
            Map<String, Object> declared = switch (category) {
                case "INNOVATION_ACADEMIC" -> Map.of("academicEvents", 3, "nationalOrProvincialEvents", 1);
                case "INNOVATION_POPULAR_SCIENCE" -> Map.of("popularScienceEvents", 4, "hasPopularSciencePlan", true,
                        "hasPopularScienceBudget", true);
                default -> Map.of("hasConsultingAgreement", true);
            };
            innovation.add(apply(users.get(i), call, category, "创新特色学会" + i, declared));
        }
        // the same society cannot apply for FIRST_CLASS and an INNOVATION_* category
        Application both = apply(users.get(0), call, "INNOVATION_ACADEMIC", "兼报的特色学会",
                Map.of("academicEvents", 3, "nationalOrProvincialEvents", 1));
        assertThat(status(both)).isEqualTo("NOT_ACCEPTED");
        score = 70;
        for (Application app : firstClass) {
            reviewToResult(app, score++);
        }
        score = 60;
        for (Application app : innovation) {
            reviewToResult(app, score++);
        }
        at(YEAR, 11, 11);
        runTimers(call.processInstanceId());
        Task eliteEvaluation = callTask(call, XuzhouCall.TASK_COMPREHENSIVE_EVALUATION);
        List<EvaluationService.Candidate> ranking = AsUser.call(identity, "office",
                () -> evaluation.ranking(call.id(), "%d-11-10".formatted(YEAR), List.of("FIRST_CLASS", "INNOVATION_THINK_TANK",
                        "INNOVATION_ACADEMIC", "INNOVATION_POPULAR_SCIENCE")));
        assertThat(ranking.stream().filter(c -> c.quotaCode().equals("FIRST_CLASS") && c.preSelected())).hasSize(7);
        assertThat(ranking.stream().filter(c -> c.quotaCode().equals("INNOVATION") && c.preSelected())).hasSize(12);
        EvaluationService.Candidate thirteenth = ranking.stream().filter(c -> c.quotaCode().equals("INNOVATION") && c.rank() == 13)
                .findFirst().orElseThrow();
        EvaluationService.Candidate twelfth = ranking.stream().filter(c -> c.quotaCode().equals("INNOVATION") && c.rank() == 12)
                .findFirst().orElseThrow();
        // overflow: a 13th INNOVATION project is refused
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> evaluation.evaluate(eliteEvaluation.getId(),
                Map.of(thirteenth.applicationId(), true), Map.of(thirteenth.applicationId(), "成效突出"))))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("evaluation.error.overQuota"));
        // a change without a reason is refused; with reasons it stands
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> evaluation.evaluate(eliteEvaluation.getId(),
                Map.of(thirteenth.applicationId(), true, twelfth.applicationId(), false), Map.of())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsOnly("evaluation.error.reasonRequired"));
        // an approved amount above the request (20000) needs its reason
        Map<Long, Boolean> picks = Map.of(thirteenth.applicationId(), true, twelfth.applicationId(), false);
        Map<Long, String> reasons = Map.of(thirteenth.applicationId(), "品牌特色突出，综合评定调入", twelfth.applicationId(), "与同类项目重复，调出");
        Map<Long, BigDecimal> amounts = Map.of(thirteenth.applicationId(), new BigDecimal("30000"));
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> evaluation.evaluate(eliteEvaluation.getId(),
                picks, reasons, Map.of(), amounts, Map.of())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("funding.error.aboveRequest");
                    assertThat(p.args()).containsExactly(thirteenth.number(), "30000.00", "20000.00");
                }));
        AsUser.run(identity, "office", () -> evaluation.evaluate(eliteEvaluation.getId(), picks, reasons, Map.of(), amounts,
                Map.of(thirteenth.applicationId(), "承担市级品牌活动，增加配套")));
        assertThat(AsUser.call(identity, "leader", () -> approvals.proposal(thirteenth.applicationId())).proposed())
                .as("the leading group sees the amount with the list").isEqualByComparingTo("30000");
        // and the candidates the list leaves out, with their scores and the office's reasons
        List<EvaluationService.Candidate> leftOut = AsUser.call(identity, "leader", () -> approvals.leftOutOf(
                callTask(call, XuzhouCall.TASK_ORGANISATIONAL_APPROVAL).getId()));
        assertThat(leftOut).extracting(EvaluationService.Candidate::applicationId).contains(twelfth.applicationId())
                .doesNotContain(thirteenth.applicationId());
        assertThat(leftOut).filteredOn(c -> c.applicationId() == twelfth.applicationId()).singleElement()
                .satisfies(c -> {
                    assertThat(c.reason()).isEqualTo("与同类项目重复，调出");
                    assertThat(c.panelScore()).isNotNull();
                });
        approveList(call);
        runTimers(call.processInstanceId(), LocalDate.of(YEAR, 11, 30));
        assertThat(status(applications.load(twelfth.applicationId()))).isEqualTo("NOT_SELECTED");
        assertThat(status(applications.load(thirteenth.applicationId()))).isEqualTo("IN_PROGRESS");
        assertThat(ledger.moneyOf(thirteenth.applicationId()).approved()).isEqualByComparingTo("30000");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(call.processInstanceId())
                .singleResult().getEndActivityId()).isEqualTo(XuzhouCall.END_EVENT_CALL_DONE);

        // ---- implementation, mid-term evaluation, assessment and subsidies
        List<Application> selected = new ArrayList<>();
        for (Application app : concat(service, firstClass, innovation)) {
            if ("IN_PROGRESS".equals(status(app))) {
                selected.add(app);
            }
        }
        assertThat(selected).hasSize(19 + 7 + 12);
        for (Application app : selected) {
            AsUser.run(identity, owner(app), () -> implementation.reportProgress(task(app, XuzhouProject.TASK_REPORT_PROGRESS).getId(),
                    new ImplementationService.Report("按计划推进，已完成阶段目标。", null, null)));
        }
        at(YEAR + 1, 3, 2);
        for (Application app : selected) {
            runTimers(app.processInstanceId());
            AsUser.run(identity, "office", () -> implementation.midtermCheck(task(app, XuzhouProject.TASK_MIDTERM_EVALUATION).getId(),
                    ProjectProcess.PASS, null, null));
        }
        at(YEAR + 1, 11, 20);
        Application failing = selected.get(3);
        for (Application app : selected) {
            Task report = task(app, XuzhouProject.TASK_SUBMIT_ASSESSMENT_REPORT);
            // 年末验收考核: the programme's default day (12-01) at the first year end after the mid-term date
            assertThat(report.getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(YEAR + 1, 12, 1)
                    .atStartOfDay(PlatformClock.ZONE).toInstant()));
            AsUser.run(identity, owner(app), () -> attachments.store(app.id(), Attachment.Kind.SUMMARY, "总结报告.pdf", PDF, owner(app)));
            if (app.categoryCode().equals("FIRST_CLASS")) {
                assertThatThrownBy(() -> AsUser.run(identity, owner(app), () -> implementation.submitFinalReport(report.getId(), null)))
                        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems().get(0).args()).contains("attachment.kind.CASE"));
                AsUser.run(identity, owner(app), () -> attachments.store(app.id(), Attachment.Kind.CASE, "品牌建设案例.pdf", PDF, owner(app)));
            }
            AsUser.run(identity, owner(app), () -> implementation.submitFinalReport(report.getId(), "全年任务完成。"));
            AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, XuzhouProject.TASK_ASSIGN_ASSESSMENT_PANEL).getId(), PANEL));
            scoreAll(app, XuzhouProject.TASK_ASSESSMENT_REVIEW, 80);
            boolean fails = app.id() == failing.id();
            AsUser.run(identity, "office", () -> implementation.accept(task(app, XuzhouProject.TASK_ASSESSMENT_DECISION).getId(),
                    fails ? ProjectProcess.FAILED : ProjectProcess.PASS, fails ? "未完成主要考核指标" : "考核合格"));
            // the assessment's results, as the application results: 综合评定 and 组织审批 before their notice
            assertThat(status(app)).isEqualTo("ASSESSMENT_EVALUATION");
            AsUser.run(identity, "office", () -> implementation.accept(task(app, XuzhouProject.TASK_ASSESSMENT_EVALUATION).getId(),
                    fails ? ProjectProcess.FAILED : ProjectProcess.PASS, fails ? "综合评定：不合格" : "综合评定：合格"));
            assertThat(status(app)).isEqualTo("ASSESSMENT_APPROVAL");
            AsUser.run(identity, "leader", () -> approvals.decide(task(app, XuzhouProject.TASK_ASSESSMENT_APPROVAL).getId(),
                    new ApprovalService.Approval(true, PlatformClock.today(), "徐科协考核审批〔" + (YEAR + 1) + "〕1号", null)));
            assertThat(status(app)).isEqualTo("ASSESSMENT_NOTICE");
        }
        at(YEAR + 1, 12, 10);
        for (Application app : selected) {
            runTimers(app.processInstanceId());
            if (app.id() != failing.id()) {
                AsUser.run(identity, "finance", () -> funding.disburse(task(app, XuzhouProject.TASK_GRANT_SUBSIDY).getId(),
                        new FundingService.Payment(new BigDecimal("20000"), PlatformClock.today(), "徐财" + app.number())));
            }
        }
        assertThat(status(failing)).isEqualTo("SUBSIDY_CANCELLED");
        Money failed = ledger.moneyOf(failing.id());
        assertThat(failed.approved()).as("the failed project's subsidy is cancelled (取消经费奖补资助)").isZero();
        assertThat(failed.paid()).isZero();
        assertThat(ledger.moneyOf(thirteenth.applicationId()).unpaid()).as("20000 paid of the 30000 approved")
                .isEqualByComparingTo("10000");
        assertThat(selected).filteredOn(a -> a.id() != failing.id())
                .allSatisfy(a -> assertThat(status(a)).isEqualTo("SUBSIDY_GRANTED"));
        assertThat(service.size() + firstClass.size() + innovation.size() + 3).isGreaterThanOrEqualTo(40);
    }

    // ------------------------------------------------------------------ steps

    /** Societies of Xuzhou in good standing, rated 5A, each with an applicant account. */
    List<String> societies(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            users.add(TestSocieties.register(identity, organisations, TestSocieties.xuzhouRated5A(
                    "XZT-%02d".formatted(i), "徐州测试学会" + i, YEAR, "5000 1000 %04d".formatted(i))));
        }
        return users;
    }

    Application apply(String user, Call call, String category, String title, Map<String, Object> declared) {
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
        fill(user, app, declared);
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    void fill(String user, Application app, Map<String, Object> declared) {
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(app.title());
        draft.setAims("提升学会服务能力。");
        draft.setContent("围绕产业链需求开展服务。");
        draft.setSchedule("全年分三阶段实施。");
        draft.setExpectedResults("形成服务案例和报告。");
        draft.setBudget(List.of(new Application.BudgetLine("服务费", new BigDecimal("20000"), null)));
        draft.setDeclared(new LinkedHashMap<>(declared));
        Application current = applications.load(app.id());
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), current.version(), draft));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
    }

    /** Initial review, a panel of three, their sheets: the application then waits for the call's result. */
    void reviewToResult(Application app, int total) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, XuzhouProject.TASK_INITIAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, XuzhouProject.TASK_ASSIGN_PANEL).getId(), PANEL));
        scoreAll(app, XuzhouProject.TASK_EXPERT_REVIEW, total);
        assertThat(status(app)).isEqualTo("AWAITING_RESULT");
    }

    void scoreAll(Application app, String taskKey, int total) {
        for (String expert : PANEL) {
            Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(taskKey).taskAssignee(expert).singleResult();
            AsUser.run(identity, expert, () -> {
                List<ReviewService.Criterion> criteria = reviews.criteria(app);
                Map<String, BigDecimal> points = new HashMap<>();
                BigDecimal share = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
                criteria.forEach(c -> points.put(c.code(), c.maxPoints().multiply(share).setScale(2, RoundingMode.DOWN)));
                reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "评审意见"));
            });
        }
    }

    void approveList(Call call) {
        AsUser.run(identity, "leader", () -> approvals.decide(callTask(call, XuzhouCall.TASK_ORGANISATIONAL_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "徐科协领导小组纪要〔" + YEAR + "〕2号", null)));
    }

    /** Moves the clock past the day and runs the process's due timers, as the job executor would. */
    void runTimers(String processInstanceId, LocalDate after) {
        at(after.getYear(), after.getMonthValue(), after.getDayOfMonth());
        runTimers(processInstanceId);
    }

    void runTimers(String processInstanceId) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).timers().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(PlatformClock.ZONE).toInstant()));
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number() + " (" + status(app) + ")").isNotNull();
        return task;
    }

    Task callTask(Call call, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(call.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("call task " + key).isNotNull();
        return task;
    }

    String status(Application app) {
        return applications.load(app.id()).status();
    }

    String owner(Application app) {
        return organisations.load(app.organisationId()).getCode().toLowerCase(Locale.ROOT);
    }

    @SafeVarargs
    static List<Application> concat(List<Application>... lists) {
        List<Application> all = new ArrayList<>();
        for (List<Application> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
