package cn.kexie.capability.crash;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.CapabilityPlatformApplication;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One node of the platform in a JVM of its own, for the crash and cluster tests: the whole
 * application with its job executor on, on the PostgreSQL database the parent test names, plus a
 * workload chosen by arguments. It reports on standard output, one line per committed step, so the
 * parent knows what surely happened before it kills the node:
 * <ul>
 * <li>{@code --probes=N}: starts N timer probes (test diagram {@code crash/timer-probe.bpmn}) due
 * in a day; the parent moves their due date to fire them;</li>
 * <li>{@code --workload=returns}: as an applicant of Chenzhou, submits applications with two files
 * each, endlessly; the office returns every other one for correction, and takes the others through
 * the experts' sheets, the party group's approval, the notice (its timer made due at once, so the
 * node's job executor fires it), the agreement and finance's disbursement.</li>
 * <li>{@code --workload=aimed}: one application brought to just before each kind of step, and the
 * six steps held before their commit until the parent kills the node or cuts its connections
 * ({@link AimedSteps}).</li>
 * </ul>
 */
public final class NodeMain {

    static final String READY = "NODE-READY";
    static final String PROBES = "PROBES-STARTED";
    static final String STORED = "STORED";
    static final String SUBMITTED = "SUBMITTED";
    static final String RETURNED = "RETURNED";
    static final String SCORED = "SCORED";
    static final String APPROVED = "APPROVED";
    static final String DISBURSED = "DISBURSED";
    static final String[] EXPERTS = {"expert1", "expert2", "expert4"};
    static final String PROBE_PROCESS = "timer-probe";
    /** A Chenzhou municipal society eligible for academic exchange (an ineligible one would not reach formal review). */
    static final List<String> APPLICANTS = List.of("cz-med");

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("classpath roots of processes/: "
                + java.util.Collections.list(NodeMain.class.getClassLoader().getResources("processes/")));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CapabilityPlatformApplication.class,
                ProbeBeans.class, AimedSteps.HoldBeans.class).run(args);
        var environment = context.getEnvironment();
        int probes = environment.getProperty("probes", Integer.class, 0);
        if (probes > 0) {
            startProbes(context, probes);
        }
        say(READY);
        if ("returns".equals(environment.getProperty("workload"))) {
            returns(context);
        }
        if ("aimed".equals(environment.getProperty("workload"))) {
            AimedSteps.run(context);
        }
    }

    /** Timer probes due in a day, each with a business key of its own. */
    static void startProbes(ConfigurableApplicationContext context, int count) {
        RepositoryService repository = context.getBean(RepositoryService.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        repository.createDeployment().name(PROBE_PROCESS).enableDuplicateFiltering(false)
                .addClasspathResource("crash/timer-probe.bpmn").deploy();
        Date due = Date.from(Instant.now().plusSeconds(86_400));
        for (int i = 0; i < count; i++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("due", due);
            runtime.startProcessInstanceByKey(PROBE_PROCESS, "probe-" + i, variables);
        }
        say(PROBES + " " + count);
    }

    /** Applications submitted with two files and returned for correction, one after another, until killed. */
    static void returns(ConfigurableApplicationContext context) {
        IdentityService identity = context.getBean(IdentityService.class);
        ApplicationService applications = context.getBean(ApplicationService.class);
        AttachmentService attachments = context.getBean(AttachmentService.class);
        ReviewService reviews = context.getBean(ReviewService.class);
        TaskService tasks = context.getBean(TaskService.class);
        long call = context.getBean(ProgrammeCatalogue.class).call("CHENZHOU", PlatformClock.today().getYear())
                .orElseThrow().id();
        for (int n = 0; ; n++) {
            String user = APPLICANTS.get(n % APPLICANTS.size());
            Application app = AsUser.call(identity, user, () -> applications.start(call, "ACADEMIC_EXCHANGE", "断电测试项目 " + System.nanoTime()));
            ApplicationDraft draft = new ApplicationDraft();
            draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
            draft.setTitle(app.title());
            draft.setAims("提升学会学术交流能力。");
            draft.setContent("举办年度学术会议一次。");
            draft.setSchedule("3月筹备，6月举办。");
            draft.setExpectedResults("参会200人以上。");
            draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null)));
            AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft));
            for (String name : List.of("申报书.pdf", "证明材料.pdf")) {
                byte[] content = ("%PDF-1.4\n% " + name + " " + app.id() + "\n").getBytes(StandardCharsets.UTF_8);
                AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, name, content, user));
                say(STORED + " " + app.id() + " " + name);
            }
            AsUser.run(identity, user, () -> applications.submit(app.id()));
            say(SUBMITTED + " " + app.id());
            String processInstance = applications.load(app.id()).processInstanceId();
            String review = tasks.createTaskQuery().processInstanceId(processInstance)
                    .taskDefinitionKey(ChenzhouProject.TASK_FORMAL_REVIEW).singleResult().getId();
            if (n % 2 == 0) {
                AsUser.run(identity, "office", () -> reviews.formalReview(review, new ReviewService.FormalReview(
                        Set.of("conditions", "form", "truthful", "budget"), ProjectProcess.RETURN, "缺少盖章页，请补充。", 1)));
                say(RETURNED + " " + app.id());
            } else {
                funded(context, app.id(), processInstance, review);
            }
        }
    }

    /** Passed, scored, approved, on notice until its timer fires, agreed and paid. */
    static void funded(ConfigurableApplicationContext context, long id, String processInstance, String review) {
        agreed(context, id, processInstance, review);
        IdentityService identity = context.getBean(IdentityService.class);
        TaskService tasks = context.getBean(TaskService.class);
        var funding = context.getBean(cn.kexie.capability.funding.FundingService.class);
        String disburse = tasks.createTaskQuery().processInstanceId(processInstance)
                .taskDefinitionKey(ChenzhouProject.TASK_DISBURSE).singleResult().getId();
        AsUser.run(identity, "finance", () -> funding.disburse(disburse,
                new cn.kexie.capability.funding.FundingService.Payment(new BigDecimal("30000.00"), PlatformClock.today(),
                        "郴财拨〔2026〕" + id + "号")));
        say(DISBURSED + " " + id);
    }

    /** Passed, scored, approved, on notice until its timer fires, and agreed: finance's payment is next. */
    static void agreed(ConfigurableApplicationContext context, long id, String processInstance, String review) {
        IdentityService identity = context.getBean(IdentityService.class);
        ReviewService reviews = context.getBean(ReviewService.class);
        TaskService tasks = context.getBean(TaskService.class);
        ApplicationService applications = context.getBean(ApplicationService.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        java.util.function.Function<String, String> task = key -> tasks.createTaskQuery().processInstanceId(processInstance)
                .taskDefinitionKey(key).singleResult().getId();
        AsUser.run(identity, "office", () -> reviews.formalReview(review, new ReviewService.FormalReview(
                Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task.apply(ChenzhouProject.TASK_ASSIGN_PANEL), List.of(EXPERTS)));
        for (String expert : EXPERTS) {
            String sheet = tasks.createTaskQuery().processInstanceId(processInstance)
                    .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult().getId();
            AsUser.run(identity, expert, () -> {
                Map<String, BigDecimal> points = new HashMap<>();
                reviews.criteria(applications.load(id)).forEach(c -> points.put(c.code(), c.maxPoints()));
                reviews.submitSheet(sheet, new ReviewService.Sheet(true, points, "基础扎实。"));
            });
            say(SCORED + " " + id + " " + expert);
        }
        AsUser.run(identity, "office", () -> reviews.conclude(task.apply(ChenzhouProject.TASK_CONCLUDE_REVIEW), ProjectProcess.PASS, null));
        AsUser.run(identity, "party", () -> context.getBean(cn.kexie.capability.approval.ApprovalService.class).decide(
                task.apply(ChenzhouProject.TASK_PARTY_APPROVAL), new cn.kexie.capability.approval.ApprovalService.Approval(
                        true, PlatformClock.today(), "郴科协党组纪〔2026〕8号", null)));
        say(APPROVED + " " + id);
        // the notice period passes: its timer comes due, and the node's job executor fires it
        jdbc.sql("update ACT_RU_JOB set DUEDATE_ = ? where TYPE_ = 'timer' and PROCESS_INSTANCE_ID_ = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)), processInstance).update();
        while (tasks.createTaskQuery().processInstanceId(processInstance)
                .taskDefinitionKey(ChenzhouProject.TASK_SIGN_AGREEMENT).count() == 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        var funding = context.getBean(cn.kexie.capability.funding.FundingService.class);
        byte[] signed = ("%PDF-1.4\n% agreement " + id + "\n").getBytes(StandardCharsets.UTF_8);
        AsUser.run(identity, "cz-med", () -> funding.signAgreement(task.apply(ChenzhouProject.TASK_SIGN_AGREEMENT), "责任书.pdf", signed));
        AsUser.run(identity, "office", () -> funding.confirmAgreement(task.apply(ChenzhouProject.TASK_CONFIRM_AGREEMENT), true,
                PlatformClock.today().plusDays(90), null));
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The probe's one step: records that its timer fired, in the job's own transaction. */
    @Configuration(proxyBeanMethods = false)
    static class ProbeBeans {
        @Bean
        JavaDelegate timerProbeEffect(JdbcClient jdbc, org.springframework.core.env.Environment environment) {
            String node = environment.getProperty("node.name", "node");
            return execution -> jdbc.sql("insert into timer_probe_effect (business_key, node) values (?, ?)")
                    .params(execution.getProcessBusinessKey(), node).update();
        }
    }
}
