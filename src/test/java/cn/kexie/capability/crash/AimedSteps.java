package cn.kexie.capability.crash;

import static cn.kexie.capability.crash.NodeMain.say;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aimed workload of {@link AimedCrashTest} ({@code --workload=aimed --round=R}): one Chenzhou
 * application is taken to just before each kind of step, then every step runs at once, each in
 * its own thread, and holds in its transaction just before the commit (all its statements done,
 * nothing committed), reporting {@code HOLDING <kind> <id>}. The parent kills the node there, or
 * cuts its database connections and writes {@code RELEASE} to its standard input, which lets the
 * commits go ahead (and fail): each step reports {@code FAILED <kind> <id> <what the user is told>}
 * and is tried again until it goes through ({@code REDONE <kind> <id>}).
 *
 * <p>The kinds: {@code upload} (an applicant's second file stored), {@code submit} (an application
 * with its two files submitted), {@code sheet} (an expert's sheet), {@code approval} (the party
 * group's decision), {@code disbursement} (finance's payment), and {@code timer} (the correction
 * deadline 补正期满 fired by the node's job executor: held by an execution listener of the
 * diagram's lapse, in the job's own transaction).
 *
 * <p>{@code --redo=kind:id,…} makes a node, before its round, do the steps another node was killed
 * in (the timer needs nothing: the job executor takes it once the killed node's lock ends).
 */
final class AimedSteps {

    static final String PREPARED = "PREPARED";
    static final String HOLDING = "HOLDING";
    static final String FAILED = "FAILED";
    static final String REDONE = "REDONE";
    static final String ROLLED_BACK = "ROLLED-BACK";
    static final String ROUND_DONE = "ROUND-DONE";
    static final String RELEASE = "RELEASE";
    static final List<String> KINDS = List.of("upload", "submit", "sheet", "approval", "disbursement", "timer");
    static final String TITLE = "定点断电项目";
    static final String APPLICANT = "cz-med";

    /** Released when the parent writes RELEASE; until then every held step waits before its commit. */
    static final CountDownLatch RELEASED = new CountDownLatch(1);
    /** Process instances whose correction-lapse timer is to hold, with the report it makes. */
    static final Map<String, String> TIMER_HOLDS = new ConcurrentHashMap<>();

    private final ConfigurableApplicationContext context;
    private final IdentityService identity;
    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final ReviewService reviews;
    private final TaskService tasks;
    private final TransactionTemplate transaction;

    AimedSteps(ConfigurableApplicationContext context) {
        this.context = context;
        this.identity = context.getBean(IdentityService.class);
        this.applications = context.getBean(ApplicationService.class);
        this.attachments = context.getBean(AttachmentService.class);
        this.reviews = context.getBean(ReviewService.class);
        this.tasks = context.getBean(TaskService.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    static void run(ConfigurableApplicationContext context) throws InterruptedException {
        listenForRelease();
        AimedSteps steps = new AimedSteps(context);
        String redo = context.getEnvironment().getProperty("redo", "");
        for (String step : redo.split(",")) {
            if (!step.isBlank()) {
                String[] parts = step.split(":");
                steps.attempt(parts[0], Long.parseLong(parts[1]), false);
                say(REDONE + " " + parts[0] + " " + parts[1]);
            }
        }
        steps.round(context.getEnvironment().getProperty("round", "1"));
    }

    /** Each kind's application brought to just before its step, then every step held at once. */
    void round(String round) throws InterruptedException {
        Map<String, Long> prepared = new LinkedHashMap<>();
        for (String kind : KINDS) {
            long id = prepare(kind, TITLE + " " + round + " " + kind);
            prepared.put(kind, id);
            say(PREPARED + " " + kind + " " + id);
        }
        List<Thread> threads = new ArrayList<>();
        for (var entry : prepared.entrySet()) {
            String kind = entry.getKey();
            long id = entry.getValue();
            if (kind.equals("timer")) {
                TIMER_HOLDS.put(applications.load(id).processInstanceId(), kind + " " + id);
                // the correction deadline passes: the node's job executor fires it, and the listener holds it
                context.getBean(JdbcClient.class).sql("update ACT_RU_JOB set DUEDATE_ = ? where TYPE_ = 'timer' and PROCESS_INSTANCE_ID_ = ?")
                        .params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)), applications.load(id).processInstanceId()).update();
                continue;
            }
            Thread thread = new Thread(() -> heldThenRetried(kind, id), "aimed-" + kind);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        say(ROUND_DONE + " " + round);
    }

    private void heldThenRetried(String kind, long id) {
        try {
            attempt(kind, id, true);
            say("COMMITTED " + kind + " " + id);
            return;
        } catch (RuntimeException failed) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = failed; t != null && causes.length() < 400; t = t.getCause()) {
                causes.append(causes.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
            }
            say(FAILED + " " + kind + " " + id + " " + Notifications.unexpected(Messages.CHINESE, failed) + " (" + causes + ")");
        }
        // the database may not answer yet: the step is tried again until it goes through
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                attempt(kind, id, false);
                say(REDONE + " " + kind + " " + id);
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    say("GAVE-UP " + kind + " " + id + " " + notYet);
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The step of this kind, in one transaction; held just before its commit when asked. */
    void attempt(String kind, long id, boolean hold) {
        String user = switch (kind) {
            case "upload", "submit" -> APPLICANT;
            case "sheet" -> NodeMain.EXPERTS[0];
            case "approval" -> "party";
            case "disbursement" -> "finance";
            default -> throw new IllegalArgumentException(kind);
        };
        AsUser.run(identity, user, () -> transaction.executeWithoutResult(status -> {
            if (hold) {
                holdBeforeCommit(kind + " " + id);
            }
            step(kind, id);
        }));
    }

    private void step(String kind, long id) {
        String processInstance = applications.load(id).processInstanceId();
        switch (kind) {
            case "upload" -> attachments.store(id, Attachment.Kind.APPLICATION, "证明材料.pdf", pdf("证明材料", id), APPLICANT);
            case "submit" -> applications.submit(id);
            case "sheet" -> sheetOf(id, NodeMain.EXPERTS[0]);
            case "approval" -> context.getBean(ApprovalService.class).decide(task(processInstance, ChenzhouProject.TASK_PARTY_APPROVAL),
                    new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组纪〔2026〕9号", null));
            case "disbursement" -> context.getBean(FundingService.class).disburse(task(processInstance, ChenzhouProject.TASK_DISBURSE),
                    new FundingService.Payment(new BigDecimal("30000.00"), PlatformClock.today(), "郴财拨〔2026〕" + id + "号"));
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** Stops the current transaction just before its commit until the parent releases it, reporting HOLDING. */
    static void holdBeforeCommit(String report) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                say(HOLDING + " " + report);
                try {
                    RELEASED.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    say(ROLLED_BACK + " " + report + (status == STATUS_ROLLED_BACK ? "" : " (commit failed)"));
                }
            }
        });
    }

    /** Brings a new application of the crash's applicant to just before the step of this kind. */
    private long prepare(String kind, String title) {
        long call = context.getBean(ProgrammeCatalogue.class).call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow().id();
        Application app = AsUser.call(identity, APPLICANT, () -> applications.start(call, "ACADEMIC_EXCHANGE", title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("提升学会学术交流能力。");
        draft.setContent("举办年度学术会议一次。");
        draft.setSchedule("3月筹备，6月举办。");
        draft.setExpectedResults("参会200人以上。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null)));
        long id = app.id();
        AsUser.run(identity, APPLICANT, () -> applications.saveDraft(id, app.version(), draft));
        AsUser.run(identity, APPLICANT, () -> attachments.store(id, Attachment.Kind.APPLICATION, "申报书.pdf", pdf("申报书", id), APPLICANT));
        if (kind.equals("upload")) {
            return id;
        }
        AsUser.run(identity, APPLICANT, () -> attachments.store(id, Attachment.Kind.APPLICATION, "证明材料.pdf", pdf("证明材料", id), APPLICANT));
        if (kind.equals("submit")) {
            return id;
        }
        AsUser.run(identity, APPLICANT, () -> applications.submit(id));
        String processInstance = applications.load(id).processInstanceId();
        String review = task(processInstance, ChenzhouProject.TASK_FORMAL_REVIEW);
        if (kind.equals("timer")) {
            AsUser.run(identity, "office", () -> reviews.formalReview(review, new ReviewService.FormalReview(
                    Set.of("conditions", "form", "truthful", "budget"), ProjectProcess.RETURN, "缺少盖章页，请补充。", 1)));
            return id;
        }
        if (kind.equals("disbursement")) {
            // the whole way up to the payment, as the unaimed workload goes
            NodeMain.agreed(context, id, processInstance, review);
            return id;
        }
        AsUser.run(identity, "office", () -> reviews.formalReview(review, new ReviewService.FormalReview(
                Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(processInstance, ChenzhouProject.TASK_ASSIGN_PANEL),
                List.of(NodeMain.EXPERTS)));
        if (kind.equals("sheet")) {
            return id;
        }
        if (kind.equals("approval")) {
            for (String expert : NodeMain.EXPERTS) {
                AsUser.run(identity, expert, () -> sheetOf(id, expert));
            }
            AsUser.run(identity, "office", () -> reviews.conclude(task(processInstance, ChenzhouProject.TASK_CONCLUDE_REVIEW),
                    ProjectProcess.PASS, null));
            return id;
        }
        throw new IllegalArgumentException(kind);
    }

    private void sheetOf(long id, String expert) {
        String sheet = tasks.createTaskQuery().processInstanceId(applications.load(id).processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult().getId();
        Map<String, BigDecimal> points = new HashMap<>();
        reviews.criteria(applications.load(id)).forEach(c -> points.put(c.code(), c.maxPoints()));
        reviews.submitSheet(sheet, new ReviewService.Sheet(true, points, "基础扎实。"));
    }

    private String task(String processInstance, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstance).taskDefinitionKey(key).singleResult().getId();
    }

    static byte[] pdf(String name, long id) {
        return ("%PDF-1.4\n% " + name + " " + id + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void listenForRelease() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.trim().equals(RELEASE)) {
                        RELEASED.countDown();
                    }
                }
            } catch (IOException e) {
                // the parent went away
            }
        }, "release-listener");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The test's hook in the engine: when the lapse of a correction deadline of a process instance
     * in {@link #TIMER_HOLDS} runs (the timer's job, on the job executor), its transaction holds.
     */
    @Configuration(proxyBeanMethods = false)
    static class HoldBeans {
        @Bean
        AbstractProcessEnginePlugin timerHold() {
            ExecutionListener hold = execution -> {
                String report = TIMER_HOLDS.remove(execution.getProcessInstanceId());
                if (report != null) {
                    holdBeforeCommit(report);
                }
            };
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    if (configuration.getCustomPostBPMNParseListeners() == null) {
                        configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
                    }
                    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
                        @Override
                        public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                            activity.addListener(ExecutionListener.EVENTNAME_START, hold);
                        }

                        @Override
                        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                            // where the boundary event's own start is not heard: the lapse's end event, in the same job
                            activity.addListener(ExecutionListener.EVENTNAME_START, hold);
                        }
                    });
                }
            };
        }
    }
}
