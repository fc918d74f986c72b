package cn.kexie.capability.season;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.StatementCounter;
import cn.kexie.capability.TestSocieties;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.evaluation.EvaluationService;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Benchmark item 3 (issue 13): a Xuzhou year of {@code n} applications through the platform's
 * services, as the demo users: the call published, each application started, filled, submitted,
 * checked, given a panel of five experts who each submit a sheet, then the year's ranking within
 * the quota (the office's comprehensive evaluation), the leading group's approval of the list, the
 * list's public notice and its end, which gives every application its result. The societies (two
 * 智库课题 each, as the rules allow) are made before, outside what is measured.
 */
final class XuzhouYear {

    static final List<String> PANEL = List.of("expert1", "expert2", "expert3", "expert4", "expert5");
    static final String CATEGORY = "SERVICE_THINK_TANK";

    final IdentityService identity;
    final TaskService taskService;
    final ManagementService managementService;
    final ProgrammeCatalogue catalogue;
    final ApplicationService applications;
    final AttachmentService attachments;
    final OrganisationService organisations;
    final ReviewService reviews;
    final EvaluationService evaluation;
    final ApprovalService approvals;
    final NoticeService notices;
    final int year;

    /** What one year measured: statements per phase, and the whole. */
    final Map<String, Integer> statements = new LinkedHashMap<>();

    XuzhouYear(ApplicationContext context, int year) {
        identity = context.getBean(IdentityService.class);
        taskService = context.getBean(TaskService.class);
        managementService = context.getBean(ManagementService.class);
        catalogue = context.getBean(ProgrammeCatalogue.class);
        applications = context.getBean(ApplicationService.class);
        attachments = context.getBean(AttachmentService.class);
        organisations = context.getBean(OrganisationService.class);
        reviews = context.getBean(ReviewService.class);
        evaluation = context.getBean(EvaluationService.class);
        approvals = context.getBean(ApprovalService.class);
        notices = context.getBean(NoticeService.class);
        this.year = year;
    }

    /** Societies of Xuzhou in good standing, rated 5A, each with an applicant account (not measured). */
    List<String> societies(String prefix, int count) {
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            users.add(TestSocieties.register(identity, organisations, TestSocieties.xuzhouRated5A(
                    "%s-%04d".formatted(prefix, i), "徐州基准学会" + prefix + i, year, "5000 2000 %04d".formatted(i))));
        }
        return users;
    }

    /**
     * The year, for {@code n} applications of the given societies (two each): what it sends is
     * counted into {@link #statements} by phase. Returns the applications.
     */
    List<Application> run(List<String> societies, int n) {
        at(4, 20);
        int selectable = n - n / 5;
        Call call = phase("call", () -> inSessionCall("office", () -> {
            Call c = catalogue.createCall("XUZHOU", year, year + "年度徐州市科协提升计划（基准）", LocalDate.of(year, 4, 29));
            for (String category : List.of("SERVICE_TECH", "SERVICE_THINK_TANK")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(year, 4, 29), LocalDate.of(year, 6, 5), null, null));
            }
            for (String category : List.of("FIRST_CLASS", "INNOVATION_THINK_TANK", "INNOVATION_ACADEMIC", "INNOVATION_POPULAR_SCIENCE")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(year, 4, 29), LocalDate.of(year, 11, 10), null, null));
            }
            catalogue.saveQuota(new CallQuota(c.id(), "FIRST_CLASS", 5, 7));
            catalogue.saveQuota(new CallQuota(c.id(), "INNOVATION", 10, 12));
            catalogue.saveQuota(new CallQuota(c.id(), "SERVICE_TECH", 0, 20));
            // four in five of the year's applications fit the quota: the ranking decides
            catalogue.saveQuota(new CallQuota(c.id(), CATEGORY, 0, selectable));
            catalogue.setMidterm(c.id(), LocalDate.of(year + 1, 3, 2));
            return catalogue.call(c.id()).orElseThrow();
        }));
        at(4, 29);
        phase("call", () -> runTimers(call.processInstanceId()));

        at(5, 10);
        List<Application> apps = new ArrayList<>();
        phase("applications", () -> {
            for (int i = 0; i < n; i++) {
                String user = societies.get(i / 2);
                Application app = apply(user, call, "智库课题" + (i + 1));
                reviewToResult(app, 60 + i % 40);
                apps.add(app);
            }
        });
        at(6, 6);
        phase("ranking", () -> {
            runTimers(call.processInstanceId());
            Task evaluationTask = callTask(call, XuzhouCall.TASK_COMPREHENSIVE_EVALUATION);
            inSession("office", () -> evaluation.evaluate(evaluationTask.getId(), Map.of(), Map.of()));
        });
        phase("listApproval", () -> inSession("leader", () -> approvals.decide(
                callTask(call, XuzhouCall.TASK_ORGANISATIONAL_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "徐科协领导小组纪要〔" + year + "〕9号", null))));
        // the list's notice: of the applications the ranking put within the quota
        Set<String> numbers = new java.util.HashSet<>(apps.stream().map(Application::number).toList());
        LocalDate lastDay = notices.current().stream()
                .filter(notice -> numbers.contains(notice.applicationNumber())).findFirst().orElseThrow().lastDay();
        phase("noticeEnd", () -> {
            LocalDate after = lastDay.plusDays(1);
            ClockUtil.setCurrentTime(Date.from(after.atTime(9, 0).atZone(PlatformClock.ZONE).toInstant()));
            runTimers(call.processInstanceId());
        });
        long inProgress = apps.stream().filter(a -> "IN_PROGRESS".equals(applications.load(a.id()).status())).count();
        long notSelected = apps.stream().filter(a -> "NOT_SELECTED".equals(applications.load(a.id()).status())).count();
        assertThat(inProgress).as("funded within the quota").isEqualTo(selectable);
        assertThat(notSelected).as("ranked below the quota").isEqualTo(n - selectable);
        ClockUtil.reset();
        return apps;
    }

    /** Each user's login session, as a browser keeps it (see {@link ChenzhouJourney#sessions}). */
    final Map<String, org.springframework.mock.web.MockHttpSession> sessions = new HashMap<>();

    /** The work as the user, in a request of its login session. */
    <T> T inSessionCall(String user, java.util.function.Supplier<T> work) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setSession(sessions.computeIfAbsent(user, u -> new org.springframework.mock.web.MockHttpSession()));
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            return AsUser.call(identity, user, work);
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    void inSession(String user, Runnable work) {
        inSessionCall(user, () -> {
            work.run();
            return null;
        });
    }

    private <T> T phase(String name, java.util.function.Supplier<T> work) {
        StatementCounter.Count count = new StatementCounter.Count();
        T result = StatementCounter.countInto(count, work);
        statements.merge(name, count.total(), Integer::sum);
        return result;
    }

    private void phase(String name, Runnable work) {
        phase(name, () -> {
            work.run();
            return null;
        });
    }

    Application apply(String user, Call call, String title) {
        Application app = inSessionCall(user, () -> applications.start(call.id(), CATEGORY, title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("提升学会服务能力。");
        draft.setContent("围绕产业链需求开展智库研究。");
        draft.setSchedule("全年分三阶段实施。");
        draft.setExpectedResults("形成研究报告一份。");
        draft.setBudget(List.of(new Application.BudgetLine("研究费", new BigDecimal("20000"), null)));
        // 第二部分（三）3: the think-tank project's topic is drawn from the provincial guide (a required declared fact)
        draft.setDeclared(new java.util.LinkedHashMap<>(Map.of("topicFromProvincialGuide", true)));
        inSession(user, () -> {
            applications.saveDraft(app.id(), app.version(), draft);
            attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", ChenzhouJourney.PDF, user);
            applications.submit(app.id());
        });
        return applications.load(app.id());
    }

    /** Initial review, a panel of five, their sheets: the application then waits for the year's result. */
    void reviewToResult(Application app, int total) {
        inSession("office", () -> reviews.formalReview(task(app, XuzhouProject.TASK_INITIAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        inSession("office", () -> reviews.assignPanel(task(app, XuzhouProject.TASK_ASSIGN_PANEL).getId(), PANEL));
        for (String expert : PANEL) {
            Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(XuzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
            inSession(expert, () -> {
                Map<String, BigDecimal> points = new HashMap<>();
                BigDecimal share = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
                reviews.criteria(app).forEach(c -> points.put(c.code(), c.maxPoints().multiply(share).setScale(2, RoundingMode.DOWN)));
                reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "评审意见"));
            });
        }
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

    void at(int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(PlatformClock.ZONE).toInstant()));
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task;
    }

    Task callTask(Call call, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(call.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("call task " + key).isNotNull();
        return task;
    }
}
