package cn.kexie.capability;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.context.ApplicationContext;

/**
 * Tasks for the forms' tests: a Chenzhou application of a demo organisation written straight into
 * the tables (the real Chenzhou diagram is not needed), and a task with the wanted form key from the
 * test diagram {@code forms/task-forms.bpmn}, started with the variables the services read. Every
 * application gets a number of its own, so tests never meet each other's data.
 */
public class FormTasks {

    public static final String PROCESS = "test-task-forms";
    /** Waits for the notice to end, so that objections can be lodged against the application. */
    public static final String NOTICE = "notice";

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final WorkflowTasks tasks;
    private final ApplicationContext context;

    public FormTasks(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.repositoryService = context.getBean(RepositoryService.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.identityService = context.getBean(IdentityService.class);
        this.tasks = context.getBean(WorkflowTasks.class);
    }

    /** A submitted Chenzhou application of the organisation, with a budget of 30,000 yuan. */
    public long application(String organisationCode, String category, String status) {
        return application("CHENZHOU", organisationCode, category, status);
    }

    /** A submitted application of the organisation in this year's call of the programme, with a budget of 30,000 yuan. */
    public long application(String programme, String organisationCode, String category, String status) {
        deploy();
        long organisationId = jdbc.sql("select id from organisation where code = ?").param(organisationCode)
                .query(Long.class).single();
        long callId = jdbc.sql("select id from programme_call where programme_code = ? and call_year = ?")
                .params(programme, PlatformClock.today().getYear()).query(Long.class).single();
        String number = programme.substring(0, 2) + "-FORMS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        Timestamp now = Timestamp.from(Instant.now());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into application (number, programme_code, call_id, category_code, organisation_id, title, aims,
                    content, schedule, expected_results, status, created_by, created_at, submitted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, programme, callId, category, organisationId, "表单测试项目 " + number, "提升学术交流水平",
                        "举办两次学术年会，开展科普进社区活动。", "上半年筹备，下半年实施。", "形成调研报告一份。", status,
                        organisationCode.toLowerCase(java.util.Locale.ROOT), now, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("insert into application_budget_line (application_id, line_no, item, amount_yuan, note) values (?, 1, ?, ?, ?)")
                .params(id, "会议费", new BigDecimal("20000.00"), "两次年会").update();
        jdbc.sql("insert into application_budget_line (application_id, line_no, item, amount_yuan, note) values (?, 2, ?, ?, ?)")
                .params(id, "资料费", new BigDecimal("10000.00"), null).update();
        return id;
    }

    public String number(long applicationId) {
        return jdbc.sql("select number from application where id = ?").param(applicationId).query(String.class).single();
    }

    /** Starts the test diagram at the task of {@code formKey} for the application; returns the process instance. */
    public ProcessInstance start(String formKey, long applicationId, Map<String, Object> more) {
        deploy();
        String organisationCode = jdbc.sql("""
                select o.code from application a join organisation o on o.id = a.organisation_id where a.id = ?""")
                .param(applicationId).query(String.class).single();
        Map<String, Object> variables = new HashMap<>();
        variables.put("formKey", formKey);
        variables.put(ProjectProcess.APPLICATION_ID, applicationId);
        variables.put(ProjectProcess.APPLICATION_NUMBER, number(applicationId));
        variables.put(ProjectProcess.APPLICANT_GROUP, Roles.organisationGroup(organisationCode));
        // the application's programme, whose city the instance's tenant is
        variables.put(ProjectProcess.PROGRAMME, jdbc.sql("select programme_code from application where id = ?")
                .param(applicationId).query(String.class).single());
        variables.put(ProjectProcess.DISBURSED, 0.0);
        variables.putAll(more);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, number(applicationId), variables);
        // as the platform does when it starts an application's process: the application knows its instance
        jdbc.sql("update application set process_instance_id = ? where id = ?").params(instance.getId(), applicationId).update();
        return instance;
    }

    /**
     * The application approved with this amount (核定金额), as the platform does it: the office proposes
     * it (with a reason, so it may exceed the request) and the party group approves.
     */
    public void approved(long applicationId, BigDecimal amount) {
        FundingLedger ledger = context.getBean(FundingLedger.class);
        ApplicationService applications = context.getBean(ApplicationService.class);
        AsUser.run(identityService, "office", () -> ledger.propose(applications.load(applicationId), amount, "测试用核定金额"));
        AsUser.run(identityService, "party", () -> ledger.approve(applicationId, PlatformClock.today(), "测试纪要〔1〕号"));
    }

    /** A file the applicant uploaded in an earlier step, written straight into the table. */
    public void attach(long applicationId, cn.kexie.capability.application.Attachment.Kind kind, String fileName,
            byte[] content, String user) {
        jdbc.sql("""
                insert into attachment (application_id, kind, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at)
                values (?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?)""")
                .params(applicationId, kind.name(), fileName, (long) content.length,
                        java.util.HexFormat.of().formatHex(sha256(content)), content, user, Timestamp.from(Instant.now()))
                .update();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The task with {@code formKey} of a new instance for the application, as {@code user} sees it. */
    public WorkItem task(String formKey, long applicationId, String user, Map<String, Object> more) {
        ProcessInstance instance = start(formKey, applicationId, more);
        return openTask(instance.getId(), formKey, user);
    }

    /** The open task with {@code formKey} of the instance, as {@code user} sees it. */
    public WorkItem openTask(String processInstanceId, String formKey, String user) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).initializeFormKeys().list().stream()
                .filter(t -> formKey.equals(t.getFormKey())).findFirst()
                .orElseThrow(() -> new AssertionError("no open task " + formKey + " in " + processInstanceId));
        return AsUser.call(identityService, user, () -> tasks.get(task.getId()));
    }

    /** Whether the task is still open. */
    public boolean isOpen(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).count() == 1;
    }

    /** The application is under public notice until {@code ends}. */
    public void underNotice(long applicationId, Instant ends) {
        jdbc.sql("update application set status = 'UNDER_NOTICE', notice_ends_at = ? where id = ?")
                .params(Timestamp.from(ends), applicationId).update();
    }

    private void deploy() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().name(PROCESS).addClasspathResource("forms/task-forms.bpmn").deploy();
        }
    }
}
