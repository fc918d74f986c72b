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
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.implementation.ImplementationService;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A Chenzhou application from submission to acceptance through the platform's services, as the demo
 * users, each step named; shared by {@link StatementBudgetTest} and the benchmark.
 */
final class ChenzhouJourney {

    static final byte[] PDF = "%PDF-1.4\n% test document\n".getBytes(StandardCharsets.US_ASCII);

    final IdentityService identity;
    final TaskService taskService;
    final ManagementService managementService;
    final ProgrammeCatalogue catalogue;
    final ApplicationService applications;
    final AttachmentService attachments;
    final ReviewService reviews;
    final ApprovalService approvals;
    final FundingService funding;
    final ImplementationService implementation;
    final OrganisationService organisations;

    ChenzhouJourney(ApplicationContext context) {
        identity = context.getBean(IdentityService.class);
        taskService = context.getBean(TaskService.class);
        managementService = context.getBean(ManagementService.class);
        catalogue = context.getBean(ProgrammeCatalogue.class);
        applications = context.getBean(ApplicationService.class);
        attachments = context.getBean(AttachmentService.class);
        reviews = context.getBean(ReviewService.class);
        approvals = context.getBean(ApprovalService.class);
        funding = context.getBean(FundingService.class);
        implementation = context.getBean(ImplementationService.class);
        organisations = context.getBean(OrganisationService.class);
    }

    Application submitted(String user, Map<String, Integer> counts) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application[] holder = new Application[1];
        step(counts, "start", user, () -> holder[0] = applications.start(call.id(), "ACADEMIC_EXCHANGE", "学术年会（语句预算）"));
        Application draftOf = holder[0];
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(draftOf.title());
        draft.setAims("提升学会学术交流能力，扩大行业影响。");
        draft.setContent("举办年度学术会议一次、专题论坛三场，编印论文集。");
        draft.setSchedule("3月筹备，6月举办，9月总结。");
        draft.setExpectedResults("参会200人以上，论文集一部。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null),
                new Application.BudgetLine("资料印刷费", new BigDecimal("20000"), "论文集")));
        step(counts, "saveDraft", user, () -> applications.saveDraft(draftOf.id(), draftOf.version(), draft));
        step(counts, "attach", user, () -> attachments.store(draftOf.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
        step(counts, "submit", user, () -> applications.submit(draftOf.id()));
        Application app = applications.load(draftOf.id());
        assertThat(app.status()).isEqualTo("FORMAL_REVIEW");
        return app;
    }

    void journey(String user, Map<String, Integer> counts) {
        Application app = submitted(user, counts);
        String formal = task(app, ChenzhouProject.TASK_FORMAL_REVIEW);
        step(counts, "formalReview", "office", () -> reviews.formalReview(formal,
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        String panel = task(app, ChenzhouProject.TASK_ASSIGN_PANEL);
        step(counts, "assignPanel", "office", () -> reviews.assignPanel(panel, List.of("expert1", "expert2", "expert4")));
        for (String expert : List.of("expert1", "expert2", "expert4")) {
            String sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult().getId();
            Map<String, BigDecimal> points = new HashMap<>();
            AsUser.run(identity, expert, () -> reviews.criteria(app)
                    .forEach(c -> points.put(c.code(), c.maxPoints().multiply(new BigDecimal("0.8")))));
            // the last sheet ends the scoring and computes the panel's score: counted apart
            String name = switch (expert) {
                case "expert1" -> "expertSheet";
                case "expert4" -> "lastExpertSheet";
                default -> null;
            };
            step(counts, name, expert, () -> reviews.submitSheet(sheet, new ReviewService.Sheet(true, points, "基础扎实，示范性强。")));
        }
        String conclude = task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW);
        step(counts, "conclude", "office", () -> reviews.conclude(conclude, ProjectProcess.PASS, null));
        String party = task(app, ChenzhouProject.TASK_PARTY_APPROVAL);
        step(counts, "partyApproval", "party", () -> approvals.decide(party,
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组会议纪要〔2026〕5号", null)));
        assertThat(applications.load(app.id()).status()).isEqualTo("UNDER_NOTICE");
        Instant noticeEnds = applications.load(app.id()).noticeEndsAt();
        String noticeTimer = timer(app);
        step(counts, "noticeEnd", () -> fire(noticeTimer, noticeEnds));
        assertThat(applications.load(app.id()).status()).isEqualTo("AGREEMENT");

        String sign = task(app, ChenzhouProject.TASK_SIGN_AGREEMENT);
        step(counts, "signAgreement", user, () -> funding.signAgreement(sign, "责任书.pdf", PDF));
        LocalDate midterm = PlatformClock.today().plusDays(90);
        String confirm = task(app, ChenzhouProject.TASK_CONFIRM_AGREEMENT);
        step(counts, "confirmAgreement", "office", () -> funding.confirmAgreement(confirm, true, midterm, null));
        String disburse = task(app, ChenzhouProject.TASK_DISBURSE);
        step(counts, "disburse", "finance", () -> funding.disburse(disburse,
                new FundingService.Payment(new BigDecimal("50000.00"), PlatformClock.today(), "郴财拨〔2026〕99号")));
        String progress = task(app, ChenzhouProject.TASK_REPORT_PROGRESS);
        step(counts, "reportProgress", user, () -> implementation.reportProgress(progress,
                new ImplementationService.Report("学术年会筹备完成，已发出会议通知。", "进展.pdf", PDF)));
        String midtermTimer = timer(app);
        step(counts, "midtermTimer", () -> fire(midtermTimer, midterm.atStartOfDay(PlatformClock.ZONE).toInstant()));
        String check = task(app, ChenzhouProject.TASK_MIDTERM_CHECK);
        step(counts, "midtermCheck", "office", () -> implementation.midtermCheck(check, ProjectProcess.PASS, null, null));
        step(counts, "attachReports", user, () -> {
            attachments.store(app.id(), Attachment.Kind.SUMMARY, "总结报告.pdf", PDF, user);
            attachments.store(app.id(), Attachment.Kind.ACCOUNTS, "经费决算.xlsx",
                    new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00}, user);
        });
        String finalReport = task(app, ChenzhouProject.TASK_SUBMIT_FINAL_REPORT);
        step(counts, "finalReport", user, () -> implementation.submitFinalReport(finalReport, "项目按计划完成。"));
        String acceptance = task(app, ChenzhouProject.TASK_FINAL_ACCEPTANCE);
        step(counts, "acceptance", "office", () -> implementation.accept(acceptance, ProjectProcess.PASS, "通过验收"));
        assertThat(applications.load(app.id()).status()).isEqualTo("ACCEPTED");
        ClockUtil.reset();
    }

    /** Each user's login session, kept across the journeys of this object, as a browser keeps it. */
    final Map<String, MockHttpSession> sessions = new HashMap<>();

    /**
     * Counts the work as the user in a request of its login session, as the browser sends it: what a
     * session keeps (the caller's groups and cities, {@code WorkflowTasks}) is read at its first step
     * only. The test's own look-up of the user's roles (the login's) is left out.
     */
    void step(Map<String, Integer> counts, String name, String user, Runnable work) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(sessions.computeIfAbsent(user, u -> new MockHttpSession()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            AsUser.run(identity, user, () -> step(counts, name, work));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    /**
     * What the steps of this thread's journeys sent and took, named or not ({statements, nanoseconds}),
     * while a benchmark tallies them; {@code null} otherwise. The journey's own look-ups between steps
     * (a task's id, an application's status to assert) are not steps and are not tallied.
     */
    static final ThreadLocal<long[]> TALLY = new ThreadLocal<>();

    static void step(Map<String, Integer> counts, String name, Runnable work) {
        long start = System.nanoTime();
        StatementCounter.Count count = StatementCounter.count(work);
        long took = System.nanoTime() - start;
        long[] tally = TALLY.get();
        if (tally != null) {
            tally[0] += count.total();
            tally[1] += took;
        }
        if (name != null) {
            counts.put(name, count.total());
            if (Boolean.getBoolean("budget.verbose")) {
                System.out.println("== " + name + ": " + count);
                count.statements().forEach(s -> System.out.println("  " + s.replaceAll("\\s+", " ")));
            }
        }
    }

    /** The application's waiting timer (the look-up is not part of the step that fires it). */
    String timer(Application app) {
        Job job = managementService.createJobQuery().processInstanceId(app.processInstanceId()).timers().singleResult();
        assertThat(job).as("timer of " + app.number()).isNotNull();
        return job.getId();
    }

    /** Moves the engine clock to the timer's instant and runs it, as the job executor would. */
    void fire(String job, Instant due) {
        ClockUtil.setCurrentTime(Date.from(due));
        managementService.executeJob(job);
    }

    String task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task.getId();
    }

    /** A Chenzhou society in good standing with an applicant account, made once per database. */
    String society(String code) {
        if (TestSocieties.exists(identity, code)) {
            return TestSocieties.applicantOf(code);
        }
        return TestSocieties.register(identity, organisations, TestSocieties.chenzhouInGoodStanding(code,
                "郴州市预算测试学会" + code.substring(code.length() - 1), "4300000000000009" + (int) code.charAt(code.length() - 1)));
    }

}
