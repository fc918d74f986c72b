package cn.kexie.capability.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.StatementCounter;
import cn.kexie.capability.TestDatabase;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.FakeBeans;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.TaskListQuery;
import cn.kexie.capability.workflow.TaskRow;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The benchmark of issue 13: the platform against the bare Camunda engine, side by side on the
 * embedded PostgreSQL server the tests use, the two sides alternated, several rounds, medians,
 * ratios and statements per unit. Not part of the test run (its name ends in Benchmark): run it with
 * {@code ./mvnw -Pbenchmark test}. Writes {@code target/benchmark/results.md}.
 * <ol>
 * <li>the task list's first page as the office with 200, 2,000 and 20,000 open group tasks, against
 * the bare {@code TaskService} queries that give the same answer (the same page, the two tab counts
 * and the overdue count);</li>
 * <li>a Chenzhou application from submission to acceptance through the platform's services, against
 * the same diagram on a bare engine (a database of its own on the same server) whose delegates and
 * listeners are no-ops;</li>
 * <li>(item 4) the eligibility step (facts, decision, record) against {@code DecisionService} on the
 * same inputs;</li>
 * <li>(item 3) a whole Xuzhou year (1,000 applications, five expert sheets each, ranking, list
 * notice, results): wall time and statements per application, once, with no bare side;</li>
 * <li>(item 5) start-up time and resident memory of the production jar against a bare Camunda
 * Spring Boot application with the same starters.</li>
 * </ol>
 * Items 2 and 3 take their sizes from {@code -Dbenchmark.applications} (default {@code 50,200}) and
 * {@code -Dbenchmark.xuzhou.applications} (default 1,000), so that a quick run can use small ones.
 */
@PlatformTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBenchmark {

    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    /** Item 2's sizes: applications per side and round (the 50 and 200; a quick run: -Dbenchmark.applications=5). */
    static final List<Integer> APPLICATIONS = java.util.Arrays.stream(System.getProperty("benchmark.applications", "50,200")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    /** Item 3's size: applications of the Xuzhou year (a quick run: -Dbenchmark.xuzhou.applications=20). */
    static final int XUZHOU_APPLICATIONS = Integer.getInteger("benchmark.xuzhou.applications", 1_000);
    static final List<Integer> TASK_COUNTS = List.of(200, 2_000, 20_000);
    static final int PAGE = 50;

    static final List<String> ROWS = new ArrayList<>();
    /** Sections after the table: items 3 and 5, which have tables of their own. */
    static final List<String> SECTIONS = new ArrayList<>();
    static ProcessEngine bare;
    /** The bare engine with the engine's authorization checks on, the staff steps run as their user. */
    static ProcessEngine bareSecured;

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired DecisionService decisionService;
    @Autowired TaskListQuery taskList;
    @Autowired PlatformTransactionManager transactions;

    @BeforeAll
    static void bareEngine() {
        assertThat(TestDatabase.isPostgres()).as("the benchmark runs on PostgreSQL: ./mvnw -Pbenchmark test").isTrue();
        bare = bareEngine("bare", false);
        bareSecured = bareEngine("bare_secured", true);
        // what the secured bare engine's users may see of their tasks (the platform's roles have their own
        // grants, security.EngineAuthorizations): reading every task of their groups, granted once, not counted
        var authorizations = bareSecured.getAuthorizationService();
        for (String group : List.of(Roles.PROGRAMME_OFFICE, Roles.PARTY_GROUP, Roles.FINANCE, Roles.EXPERT)) {
            var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
            grant.setResourceId(org.camunda.bpm.engine.authorization.Authorization.ANY);
            grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
    }

    /**
     * A bare engine on a database of its own with the Chenzhou diagram and its tables: as the
     * platform's engine (history full, no task metrics), with the engine's authorization checks on or
     * off ({@code secured}: on, as the platform's engine runs them for every staff call).
     */
    static ProcessEngine bareEngine(String name, boolean secured) {
        String database = "bench_" + name;
        try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabase.server().getJdbcUrl("postgres", database));
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(new StatementCounter.CountingDataSource(pool));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        // as the platform's engine (application.yml): no task-metrics row per claim or assignment
        configuration.setTaskMetricsEnabled(false);
        configuration.setAuthorizationEnabled(secured);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setExpressionManager(new MockExpressionManager());
        ProcessEngine engine = configuration.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name(name);
        for (String file : List.of("processes/chenzhou-project.bpmn", "decisions/chenzhou-eligibility.dmn",
                "decisions/chenzhou-sanction.dmn")) {
            try {
                deployment.addInputStream(Path.of(file).getFileName().toString(),
                        new java.io.ByteArrayInputStream(Files.readAllBytes(Path.of(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deployment.deploy();
        return engine;
    }

    @AfterAll
    static void writeResults() throws IOException {
        if (bare != null) {
            bare.close();
        }
        if (bareSecured != null) {
            bareSecured.close();
        }
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results\n\n")
                .append("Run ").append(ZonedDateTime.now().withNano(0)).append(" on PostgreSQL (embedded), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(ROUNDS).append(" rounds.\n\n")
                .append("| item | platform median | bare median | time ratio | platform statements | bare statements | statement ratio |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        ROWS.forEach(row -> out.append(row).append('\n'));
        SECTIONS.forEach(section -> out.append('\n').append(section).append('\n'));
        Path file = Path.of("target", "benchmark", "results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        Mocks.reset();
    }

    // ------------------------------------------------------------------ 1. the task list's first page

    @Test
    @Order(1)
    void taskListFirstPage() {
        String process = "bench-task-list";
        repositoryService.createDeployment().name(process).addModelInstance(process + ".bpmn",
                Bpmn.createExecutableProcess(process).name("基准任务").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Bench").name("基准任务").camundaCandidateGroups(Roles.PROGRAMME_OFFICE)
                        .endEvent().done()).deploy();
        int open = 0;
        for (int target : TASK_COUNTS) {
            int from = open;
            inBatches(target - open, i -> runtimeService.startProcessInstanceByKey(process, "BENCH-" + (from + i),
                    Map.of(ProjectProcess.PROGRAMME, "CHENZHOU", ProjectProcess.APPLICATION_ID, -1L)));
            open = target;
            compareTaskList(target);
        }
    }

    void compareTaskList(int tasks) {
        // the same answer first
        PageAnswer platform = platformPage();
        PageAnswer bareAnswer = barePage();
        assertThat(bareAnswer).as("the bare queries give the platform's answer").isEqualTo(platform);
        assertThat(platform.groups()).isGreaterThanOrEqualTo(tasks);
        int reps = tasks >= 20_000 ? 10 : 20;
        List<Long> platformTimes = new ArrayList<>();
        List<Long> bareTimes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean platformFirst = round % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isPlatform = (side == 0) == platformFirst;
                for (int r = 0; r < reps; r++) {
                    long start = System.nanoTime();
                    if (isPlatform) {
                        platformPage();
                    } else {
                        barePage();
                    }
                    (isPlatform ? platformTimes : bareTimes).add(System.nanoTime() - start);
                }
            }
        }
        StatementCounter.Count[] platformCount = new StatementCounter.Count[1];
        AsUser.run(identity, "office", () -> platformCount[0] = StatementCounter.count(this::platformPageAsOffice));
        StatementCounter.Count bareCount = StatementCounter.count(this::barePage);
        row("1. task list first page, " + String.format(Locale.ROOT, "%,d", tasks) + " open group tasks",
                platformTimes, bareTimes, platformCount[0].total(), bareCount.total(), 1);
    }

    record PageAnswer(List<String> ids, long mine, long groups) {
    }

    /** The office's login session: the task list is opened by a user who has worked before. */
    final org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();

    PageAnswer platformPage() {
        return AsUser.call(identity, "office", this::platformPageAsOffice);
    }

    /**
     * What the task list view ({@code TaskListView}) asks for its first page of 待签收 in one request:
     * the two tabs' counts on their labels, the grid's count of the shown tab, the page with its
     * business columns (number, title, applicant, programme, year).
     */
    PageAnswer platformPageAsOffice() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            long mine = taskList.count(TaskListQuery.Tab.MINE, TaskListQuery.Filter.NONE);
            long groups = taskList.count(TaskListQuery.Tab.GROUPS, TaskListQuery.Filter.NONE);
            taskList.count(TaskListQuery.Tab.GROUPS, TaskListQuery.Filter.NONE);
            List<String> ids = taskList.page(TaskListQuery.Tab.GROUPS, TaskListQuery.Filter.NONE, null, 0, PAGE).stream()
                    .map(TaskRow::taskId).toList();
            return new PageAnswer(ids, mine, groups);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    /**
     * The bare engine's queries for the same page: the office's groups and cities given, no
     * authorization, no business columns (the platform's page has them, in one more statement).
     */
    PageAnswer barePage() {
        List<String> groups = List.of(Roles.PROGRAMME_OFFICE);
        String[] cities = {"CHENZHOU"};
        long mine = taskService.createTaskQuery().active().tenantIdIn(cities).taskAssignee("office").count();
        long offered = taskService.createTaskQuery().active().tenantIdIn(cities).taskCandidateGroupIn(groups)
                .taskUnassigned().count();
        List<String> ids = taskService.createTaskQuery().active().tenantIdIn(cities).taskCandidateGroupIn(groups)
                .taskUnassigned().orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc()
                .listPage(0, PAGE).stream().map(Task::getId).toList();
        return new PageAnswer(ids, mine, offered);
    }

    void inBatches(int count, IntConsumer each) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int done = 0; done < count; done += 500) {
            int from = done;
            tx.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(count, from + 500); i++) {
                    each.accept(i);
                }
            });
        }
    }

    // ------------------------------------------------------------------ 2. a Chenzhou application

    @Test
    @Order(2)
    void chenzhouApplication() {
        ChenzhouJourney journey = new ChenzhouJourney(context);
        // warm every side, outside the timing
        journey.journey(journey.society("CZ-BENCH-WARM"), new LinkedHashMap<>());
        bareJourney(bare, 0, new LinkedHashMap<>());
        bareJourney(bareSecured, 0, new LinkedHashMap<>());
        stepByStep(journey);
        int made = 0;
        for (int applications : APPLICATIONS) {
            chenzhouApplications(journey, applications, made);
            made += ROUNDS * applications;
        }
    }

    /**
     * Item 2 step by step: one application on each side, warm, each step's statements side by side
     * (the platform's counted as in {@link StatementBudgetTest}; the bare side's start and 填写申报书
     * stand for the platform's start, draft, upload and submission).
     */
    void stepByStep(ChenzhouJourney journey) {
        long[][] every = new long[3][2];
        Map<String, Integer> platform = new LinkedHashMap<>();
        ChenzhouJourney.TALLY.set(every[0]);
        journey.journey(journey.society("CZ-BENCH-STEPS"), platform);
        Map<String, Integer> bareSteps = new LinkedHashMap<>();
        ChenzhouJourney.TALLY.set(every[1]);
        bareJourney(bare, bareNext++, bareSteps);
        Map<String, Integer> securedSteps = new LinkedHashMap<>();
        ChenzhouJourney.TALLY.set(every[2]);
        bareJourney(bareSecured, bareNext++, securedSteps);
        ChenzhouJourney.TALLY.remove();
        StringBuilder table = new StringBuilder("### 2. Step by step: statements of one warm application on each side\n\n")
                .append("| step | platform | bare | bare, secured | platform - bare | platform - bare, secured |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        int[] sums = new int[3];
        for (String step : platform.keySet()) {
            Integer b = bareSteps.get(step);
            Integer bs = securedSteps.get(step);
            int p = platform.get(step);
            table.append("| ").append(step).append(" | ").append(p).append(" | ")
                    .append(b == null ? "–" : b).append(" | ").append(bs == null ? "–" : bs).append(" | ")
                    .append(b == null ? "" : String.valueOf(p - b)).append(" | ")
                    .append(bs == null ? "" : String.valueOf(p - bs)).append(" |\n");
            sums[0] += p;
            sums[1] += b == null ? 0 : b;
            sums[2] += bs == null ? 0 : bs;
        }
        table.append("| **all counted steps** | ").append(sums[0]).append(" | ").append(sums[1]).append(" | ")
                .append(sums[2]).append(" | ").append(sums[0] - sums[1]).append(" | ").append(sums[0] - sums[2])
                .append(" |\n")
                .append("| **every step** (the second expert's sheet too) | ").append(every[0][0]).append(" | ")
                .append(every[1][0]).append(" | ").append(every[2][0]).append(" | ").append(every[0][0] - every[1][0])
                .append(" | ").append(every[0][0] - every[2][0]).append(" |\n");
        System.out.println(table);
        SECTIONS.add(table.toString());
    }

    int bareNext = 1;

    /**
     * Item 2 at one size: {@code applications} per side and round, the societies made first, outside
     * the timing. Three sides: the platform, the bare engine, and the bare engine with the engine's
     * authorization checks on (its staff steps as their users); each round starts with another side.
     */
    void chenzhouApplications(ChenzhouJourney journey, int applications, int from) {
        List<String> societies = new ArrayList<>();
        for (int i = from; i < from + ROUNDS * applications; i++) {
            societies.add(journey.society("CZ-BENCH-" + String.format(Locale.ROOT, "%04d", i)));
        }
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long[] statements = new long[3];
        int next = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int turn = 0; turn < 3; turn++) {
                int side = (round + turn) % 3;
                for (int a = 0; a < applications; a++) {
                    // what the steps send and take, each side's look-ups between its steps left out (ChenzhouJourney#TALLY)
                    long[] tally = new long[2];
                    ChenzhouJourney.TALLY.set(tally);
                    try {
                        if (side == 0) {
                            journey.journey(societies.get(next++), new LinkedHashMap<>());
                        } else {
                            bareJourney(side == 1 ? bare : bareSecured, bareNext++, new LinkedHashMap<>());
                        }
                    } finally {
                        ChenzhouJourney.TALLY.remove();
                    }
                    statements[side] += tally[0];
                    times.get(side).add(tally[1]);
                }
            }
        }
        int apps = ROUNDS * applications;
        row("2. Chenzhou application, submission to acceptance (N = " + applications + " per side and round)",
                times.get(0), times.get(1), (double) statements[0] / apps, (double) statements[1] / apps, 1);
        row("2. the same against the bare engine with its authorization checks on (N = " + applications + ")",
                times.get(0), times.get(2), (double) statements[0] / apps, (double) statements[2] / apps, 1);
    }

    /**
     * The bare journey on {@code engine}, each step counted into {@code counts} under the name of the
     * platform's step that does the same move ({@link ChenzhouJourney}): the per-step table of item 2
     * compares them. On the secured engine each staff step runs as its user with its role's group, as
     * the platform's steps do; the applicant's steps and the timers run unauthenticated, as on the
     * platform (applicants have no engine surface).
     */
    void bareJourney(ProcessEngine engine, int n, Map<String, Integer> counts) {
        boolean secured = engine == bareSecured;
        FakeBeans beans = new FakeBeans().register();
        Mocks.register("eligibilityFacts", (JavaDelegate) execution -> new FakeBeans().eligibilityFacts.facts()
                .forEach((name, value) -> {
                    if (!execution.hasVariable(name)) {
                        execution.setVariable(name, Variables.untypedValue(value, true));
                    }
                }));
        Date now = ClockUtil.getCurrentTime();
        Date noticeEnds = Date.from(now.toInstant().plus(Duration.ofDays(7)));
        Date midterm = Date.from(now.toInstant().plus(Duration.ofDays(90)));
        beans.startNotice.setting(ProjectProcess.NOTICE_ENDS, noticeEnds);
        beans.panelScoreCalculator.setting(ProjectProcess.PANEL_SCORE, 86.5);
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        Map<String, Object> start = new HashMap<>();
        start.put(ProjectProcess.APPLICATION_ID, (long) n);
        start.put(ProjectProcess.APPLICATION_NUMBER, "CHENZHOU-BARE-" + n);
        start.put(ProjectProcess.APPLICANT_GROUP, "org-cz-bare");
        start.put(ProjectProcess.PROGRAMME, "CHENZHOU");
        start.put(ProjectProcess.CATEGORY, "ACADEMIC_EXCHANGE");
        start.put(ProjectProcess.CALL_YEAR, 2026);
        start.put(ProjectProcess.PUBLICITY_DAYS, 5);
        start.put(ProjectProcess.DISBURSED, 0.0);
        String[] started = new String[1];
        ChenzhouJourney.step(counts, "start", () -> started[0] = runtime
                .startProcessInstanceByKey(ChenzhouProject.PROCESS_KEY, "CHENZHOU-BARE-" + n, start).getId());
        String instance = started[0];
        var identity = engine.getIdentityService();
        // each wait state as a person moves it: the task's id from the person's task list (not counted, as the
        // platform journey's look-ups between steps are not), then the claim and the completion, counted; on the
        // secured engine a staff step runs as its user with its role's group, the applicant's unauthenticated
        StepTask move = (name, role, key, variables) -> {
            Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
            assertThat(task).as(key).isNotNull();
            String user = role == null ? "bare-applicant" : "bare-" + role;
            ChenzhouJourney.step(counts, name, () -> {
                if (secured && role != null) {
                    identity.setAuthentication(user, List.of(role));
                }
                try {
                    if (task.getAssignee() == null) {
                        tasks.claim(task.getId(), user);
                    }
                    tasks.complete(task.getId(), variables);
                } finally {
                    identity.clearAuthentication();
                }
            });
        };
        String office = Roles.PROGRAMME_OFFICE;
        move.run("submit", null, ChenzhouProject.TASK_FILL_APPLICATION, Map.of());
        move.run("formalReview", office, ChenzhouProject.TASK_FORMAL_REVIEW, Map.of(ProjectProcess.OUTCOME, ProjectProcess.PASS));
        move.run("assignPanel", office, ChenzhouProject.TASK_ASSIGN_PANEL,
                Map.of(ProjectProcess.EXPERTS, new ArrayList<>(List.of("expert1", "expert2", "expert4"))));
        List<Task> sheets = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).list();
        for (int i = 0; i < sheets.size(); i++) {
            String sheet = sheets.get(i).getId();
            String expert = sheets.get(i).getAssignee();
            String name = i == 0 ? "expertSheet" : i == sheets.size() - 1 ? "lastExpertSheet" : null;
            ChenzhouJourney.step(counts, name, () -> {
                if (secured) {
                    identity.setAuthentication(expert, List.of(Roles.EXPERT));
                }
                try {
                    tasks.complete(sheet, Map.of());
                } finally {
                    identity.clearAuthentication();
                }
            });
        }
        move.run("conclude", office, ChenzhouProject.TASK_CONCLUDE_REVIEW, Map.of(ProjectProcess.OUTCOME, ProjectProcess.PASS));
        move.run("partyApproval", Roles.PARTY_GROUP, ChenzhouProject.TASK_PARTY_APPROVAL,
                Map.of(ProjectProcess.OUTCOME, ProjectProcess.PASS));
        fire(engine, instance, noticeEnds, counts, "noticeEnd");
        move.run("signAgreement", null, ChenzhouProject.TASK_SIGN_AGREEMENT, Map.of(ProjectProcess.MIDTERM_DUE, midterm));
        move.run("confirmAgreement", office, ChenzhouProject.TASK_CONFIRM_AGREEMENT,
                Map.of(ProjectProcess.OUTCOME, ProjectProcess.PASS));
        move.run("disburse", Roles.FINANCE, ChenzhouProject.TASK_DISBURSE, Map.of(ProjectProcess.DISBURSED, 50_000.0));
        move.run("reportProgress", null, ChenzhouProject.TASK_REPORT_PROGRESS, Map.of());
        fire(engine, instance, midterm, counts, "midtermTimer");
        move.run("midtermCheck", office, ChenzhouProject.TASK_MIDTERM_CHECK, Map.of(ProjectProcess.OUTCOME, ProjectProcess.PASS));
        move.run("finalReport", null, ChenzhouProject.TASK_SUBMIT_FINAL_REPORT, Map.of());
        move.run("acceptance", office, ChenzhouProject.TASK_FINAL_ACCEPTANCE, Map.of(ProjectProcess.OUTCOME, ProjectProcess.PASS));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getEndActivityId()).isEqualTo(ChenzhouProject.END_EVENT_PROJECT_ACCEPTED);
        ClockUtil.reset();
        Mocks.reset();
    }

    /** One wait state of the bare journey, moved by a person of {@code role} (null: the applicant). */
    interface StepTask {
        void run(String name, String role, String key, Map<String, Object> variables);
    }

    /** The timer, found (not counted, as the platform journey's look-up is not) and run as the job executor would. */
    static void fire(ProcessEngine engine, String instance, Date due, Map<String, Integer> counts, String name) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
        ClockUtil.setCurrentTime(due);
        ChenzhouJourney.step(counts, name, () -> engine.getManagementService().executeJob(job.getId()));
    }

    // ------------------------------------------------------------------ 4. the eligibility step

    @Test
    @Order(3)
    void eligibilityStep() {
        ChenzhouJourney journey = new ChenzhouJourney(context);
        Application app = journey.submitted(journey.society("CZ-BENCH-ELIG"), new LinkedHashMap<>());
        JavaDelegate facts = context.getBean("eligibilityFacts", JavaDelegate.class);
        JavaDelegate recorder = context.getBean("eligibilityRecorder", JavaDelegate.class);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Map<String, Object> inputs = new HashMap<>();
        Runnable platform = () -> tx.executeWithoutResult(status -> {
            Map<String, Object> gathered = new HashMap<>();
            try {
                facts.execute(execution(app.id(), gathered));
                var result = decisionService.evaluateDecisionTableByKey("chenzhou-eligibility", gathered);
                gathered.put(ProjectProcess.ELIGIBILITY_REASONS, result.collectEntries("reason"));
                recorder.execute(execution(app.id(), gathered));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            inputs.clear();
            inputs.putAll(gathered);
        });
        platform.run();
        Map<String, Object> same = new HashMap<>(inputs);
        same.remove(ProjectProcess.ELIGIBILITY_REASONS);
        Runnable bareSide = () -> bare.getDecisionService().evaluateDecisionTableByKey("chenzhou-eligibility", same);
        bareSide.run();
        int reps = 50;
        List<Long> platformTimes = new ArrayList<>();
        List<Long> bareTimes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean platformFirst = round % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isPlatform = (side == 0) == platformFirst;
                for (int r = 0; r < reps; r++) {
                    long start = System.nanoTime();
                    (isPlatform ? platform : bareSide).run();
                    (isPlatform ? platformTimes : bareTimes).add(System.nanoTime() - start);
                }
            }
        }
        row("4. eligibility step (facts + decision + record) vs DecisionService", platformTimes, bareTimes,
                StatementCounter.count(platform).total(), StatementCounter.count(bareSide).total(), 1);
    }

    /** The execution a delegate sees: the application's id, and the variables it sets. */
    static DelegateExecution execution(long applicationId, Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            return ProjectProcess.APPLICATION_ID.equals(name) ? (Object) applicationId : variables.get(name);
        });
        when(execution.hasVariable(anyString())).thenReturn(false);
        doAnswer(call -> {
            Object value = call.getArgument(1);
            variables.put(call.getArgument(0), value instanceof org.camunda.bpm.engine.variable.value.TypedValue t
                    ? t.getValue() : value);
            return null;
        }).when(execution).setVariable(anyString(), org.mockito.ArgumentMatchers.any());
        return execution;
    }

    // ------------------------------------------------------------------ 3. a Xuzhou year

    /**
     * A whole Xuzhou year (see {@link XuzhouYear}): N applications, five expert sheets each, the
     * ranking within the quota, the list's approval and notice, the results. Once, not alternated:
     * it has no bare side. A small year of another call year warms the Xuzhou diagrams first.
     */
    @Test
    @Order(4)
    void xuzhouYear() {
        XuzhouYear warm = new XuzhouYear(context, 2040);
        warm.run(warm.societies("XZW", 3), 5);
        XuzhouYear year = new XuzhouYear(context, 2041);
        List<String> societies = year.societies("XZB", (XUZHOU_APPLICATIONS + 1) / 2);
        long start = System.nanoTime();
        year.run(societies, XUZHOU_APPLICATIONS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = year.statements.values().stream().mapToInt(Integer::intValue).sum();
        int n = XUZHOU_APPLICATIONS;
        StringBuilder section = new StringBuilder()
                .append("### 3. A Xuzhou year: ").append(String.format(Locale.ROOT, "%,d", n))
                .append(" applications × 5 expert sheets, ranking, list notice, results (once, no bare side)\n\n")
                .append("| wall time | per application | statements | per application |\n|---:|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| %.1f s | %.1f ms | %,d | %.1f |%n", seconds, seconds * 1000 / n, total,
                        (double) total / n))
                .append("\nStatements by phase (the year's list steps once for all applications):\n\n")
                .append("| phase | statements | per application |\n|---|---:|---:|\n");
        year.statements.forEach((phase, count) -> section.append(String.format(Locale.ROOT, "| %s | %,d | %.1f |%n", phase,
                count, (double) count / n)));
        System.out.println(section);
        SECTIONS.add(section.toString());
    }

    // ------------------------------------------------------------------ 5. start-up time and memory

    /**
     * The production jar against a bare Camunda Spring Boot application with the same starters: the
     * same jar's libraries started with {@code cn.kexie.bench.BareCamundaApplication} (no code of its
     * own, no migrations, no deployments) through Spring Boot's {@code PropertiesLauncher}. Each side
     * on a PostgreSQL database of its own on the embedded server, started once to make its schema,
     * then restarted, the sides alternated; start-up is the wall time from launching the JVM to
     * Spring Boot's "Started" line, memory the process's resident set (VmRSS) five seconds later.
     * Both JVMs with the same options ({@code -Xmx1g}, the JVM's default collector). The jar is
     * {@code -Dbenchmark.jar}, else {@code target/capability-platform-*.jar}, else it is built first
     * in a copy of the project ({@code ./mvnw -o -Pproduction -DskipTests package} in
     * {@code target/benchmark/jar-build}), so that this run's own classes stay as they are.
     */
    @Test
    @Order(5)
    void startupAndMemory() throws Exception {
        Path jar = productionJar();
        Path bareDir = Path.of("target", "benchmark", "bare-app").toAbsolutePath();
        Path classFile = bareDir.resolve("cn/kexie/bench/BareCamundaApplication.class");
        Files.createDirectories(classFile.getParent());
        try (var in = cn.kexie.bench.BareCamundaApplication.class.getResourceAsStream("BareCamundaApplication.class")) {
            Files.copy(in, classFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path bareConfig = bareDir.resolve("bare.yml");
        Files.writeString(bareConfig, """
                # the bare side of benchmark item 5: what a Camunda Spring Boot application needs to start, nothing of the platform's
                spring:
                  application:
                    name: bare-camunda
                  flyway:
                    enabled: false
                camunda:
                  bpm:
                    auto-deployment-enabled: false
                    history-level: full
                    webapp:
                      index-redirect-enabled: false
                    generic-properties:
                      properties:
                        history-time-to-live: P3650D
                vaadin:
                  launch-browser: false
                """);
        for (String database : List.of("bench_jar", "bench_jar_bare")) {
            try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + database);
                st.execute("create database " + database);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.function.Function<String, List<String>> database = name -> List.of(
                "--spring.datasource.url=" + TestDatabase.server().getJdbcUrl("postgres", name),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--server.port=0");
        List<String> platform = new ArrayList<>(List.of(java, "-Xmx1g", "-jar", jar.toString()));
        platform.addAll(database.apply("bench_jar"));
        List<String> bareSide = new ArrayList<>(List.of(java, "-Xmx1g", "-Dloader.path=" + bareDir,
                "-Dloader.main=cn.kexie.bench.BareCamundaApplication", "-cp", jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", "--spring.config.location=file:" + bareConfig));
        bareSide.addAll(database.apply("bench_jar_bare"));
        // first starts make the schemas (the platform's migrations, Camunda's tables, its deployments)
        Started.of(platform, "platform-first");
        Started.of(bareSide, "bare-first");
        List<Long> platformTimes = new ArrayList<>();
        List<Long> bareTimes = new ArrayList<>();
        List<Long> platformRss = new ArrayList<>();
        List<Long> bareRss = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean platformFirst = round % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isPlatform = (side == 0) == platformFirst;
                Started started = Started.of(isPlatform ? platform : bareSide, (isPlatform ? "platform-" : "bare-") + round);
                (isPlatform ? platformTimes : bareTimes).add(started.nanos());
                (isPlatform ? platformRss : bareRss).add(started.rssKb());
            }
        }
        double p = median(platformTimes) / 1e9;
        double b = median(bareTimes) / 1e9;
        double pm = median(platformRss) / 1024;
        double bm = median(bareRss) / 1024;
        String section = "### 5. Start-up time and resident memory: the production jar against a bare Camunda Spring Boot application"
                + " with the same starters (" + ROUNDS + " restarts each, alternated, medians)\n\n"
                + "| side | start-up | resident memory (RSS) |\n|---|---:|---:|\n"
                + String.format(Locale.ROOT, "| platform (`%s`) | %.1f s | %.0f MB |%n", jar.getFileName(), p, pm)
                + String.format(Locale.ROOT, "| bare (`cn.kexie.bench.BareCamundaApplication`, the same jar's libraries) | %.1f s | %.0f MB |%n", b, bm)
                + String.format(Locale.ROOT, "| ratio | %.2fx | %.2fx |%n", p / b, pm / bm);
        System.out.println(section);
        SECTIONS.add(section);
    }

    /** A JVM started until Spring Boot's "Started" line, measured, then stopped. */
    record Started(long nanos, long rssKb) {

        static Started of(List<String> command, String name) throws IOException, InterruptedException {
            Path log = Path.of("target", "benchmark", "startup-" + name + ".log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = start + Duration.ofMinutes(5).toNanos();
                while (!Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Started ")) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + " did not start; see " + log);
                    }
                    Thread.sleep(50);
                }
                long took = System.nanoTime() - start;
                Thread.sleep(5_000);
                long rss = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:")).map(line -> line.replaceAll("\\D+", ""))
                        .mapToLong(Long::parseLong).findFirst().orElseThrow();
                return new Started(took, rss);
            } finally {
                process.destroy();
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    static Path productionJar() throws IOException, InterruptedException {
        String given = System.getProperty("benchmark.jar");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        Path built = findJar(Path.of("target"));
        if (built != null) {
            return built;
        }
        // a copy of the project, built in production mode, so that this run's target/classes stay as they are
        Path copy = Path.of("target", "benchmark", "jar-build").toAbsolutePath();
        for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/main", "processes", "decisions")) {
            Path from = Path.of(part);
            if (!Files.exists(from)) {
                continue;
            }
            try (var files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = copy.resolve(file.toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        Process build = new ProcessBuilder("./mvnw", "-q", "-o", "-Pproduction", "-DskipTests", "package").directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(copy.resolve("build.log").toFile()).start();
        assertThat(build.waitFor()).as("the production jar's build, see " + copy.resolve("build.log")).isZero();
        return findJar(copy.resolve("target"));
    }

    static Path findJar(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("capability-platform-.*\\.jar"))
                    .map(Path::toAbsolutePath).findFirst().orElse(null);
        }
    }

    // ------------------------------------------------------------------ the table

    static void row(String item, List<Long> platformNanos, List<Long> bareNanos, double platformStatements,
            double bareStatements, int unit) {
        double p = median(platformNanos) / 1e6;
        double b = median(bareNanos) / 1e6;
        String row = String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2fx | %.1f | %.1f | %.2fx |", item, p, b,
                p / b, platformStatements, bareStatements, platformStatements / bareStatements);
        System.out.println(row);
        ROWS.add(row);
    }

    static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
