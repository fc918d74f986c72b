package cn.kexie.capability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Each escalation a security probe found, tried again: through REST, through the webapps' engine
 * API (what Tasklist and Cockpit call) and through the platform's own services. Each must be
 * refused, and what a role may legitimately do must still work.
 */
@PlatformTest
class EngineEscalationTest {

    private static final String ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    FilterService filterService;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ReviewService reviews;

    FormTasks forms;

    @BeforeEach
    void tasks() {
        forms = new FormTasks(context);
    }

    // ---------------------------------------------------------------- code execution

    @Test
    void onlyAdministratorsDeploy() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("escalation-deploy")
                .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
        for (String user : new String[] {"office", "expert1", "manager"}) {
            assertThat(deploy(WebSession.basic(port, user, "demo"), "/engine-rest", bpmn).statusCode()).as(user).isEqualTo(403);
            HttpResponse<String> webapp = deploy(WebSession.login(port, user, "demo"), ENGINE, bpmn);
            assertThat(webapp.statusCode()).as(user).isEqualTo(403);
            assertThat(webapp.body()).as(user).contains("CREATE").doesNotContainIgnoringCase("select ");
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("escalation-deploy").count()).isZero();
        assertThat(deploy(WebSession.basic(port, "demo", "demo"), "/engine-rest", bpmn).statusCode()).isEqualTo(200);
    }

    @Test
    void noScriptRunsEvenInAnAdministratorsDiagram() {
        var model = Bpmn.createExecutableProcess("escalation-script").camundaHistoryTimeToLive(1).startEvent()
                .scriptTask().scriptFormat("juel").scriptText("${'ran'}").camundaResultVariable("result")
                .endEvent().done();
        repositoryService.createDeployment().addModelInstance("escalation-script.bpmn", model).deploy();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("escalation-script"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("juel");
    }

    @Test
    void storedQueriesAndFiltersEvaluateNoExpressions() {
        var filter = filterService.newTaskFilter("escalation-expression")
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${'office'}"));
        assertThatThrownBy(() -> filterService.saveFilter(filter)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("xpression");
    }

    // ---------------------------------------------------------------- account takeover

    @Test
    void nobodyButAnAdministratorManagesGroupsOrOthersPasswords() {
        WebSession expert = WebSession.login(port, "expert1", "demo");
        assertThat(expert.call("PUT", ENGINE + "/group/camunda-admin/members/expert1", null).statusCode()).isEqualTo(403);
        assertThat(WebSession.basic(port, "expert1", "demo")
                .call("PUT", "/engine-rest/group/camunda-admin/members/expert1", null).statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMIN).userId("expert1").count()).isZero();

        HttpResponse<String> reset = expert.call("PUT", ENGINE + "/user/manager/credentials",
                "{\"password\":\"taken-over-1A!\",\"authenticatedUserPassword\":\"demo\"}");
        assertThat(reset.statusCode()).isBetween(400, 499);
        assertThat(identity.checkPassword("manager", "demo")).isTrue();

        HttpResponse<String> users = expert.get(ENGINE + "/user");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("expert1").doesNotContain("manager@").doesNotContain("\"office\"");
        assertThat(expert.get(ENGINE + "/authorization").body()).isEqualTo("[]");
    }

    @Test
    void noSurfaceAnswersRightOrWrongForAnotherAccountsPassword() {
        WebSession expert = WebSession.login(port, "expert1", "demo");
        HttpResponse<String> webappLogin = expert.form("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=manager&password=demo");
        assertThat(webappLogin.statusCode()).isEqualTo(403);
        assertThat(webappLogin.body()).doesNotContain("manager");
        assertThat(expert.call("POST", ENGINE + "/identity/verify", "{\"username\":\"manager\",\"password\":\"demo\"}")
                .statusCode()).isEqualTo(403);
        assertThat(WebSession.basic(port, "demo", "demo").call("POST", "/engine-rest/identity/verify",
                "{\"username\":\"manager\",\"password\":\"demo\"}").statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- workflow bypass

    @Test
    void noTaskIsCompletedOutsideItsPlatformStepEvenByItsCandidate() {
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        ProcessInstance instance = forms.start(Forms.APPROVAL, app, Map.of());
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        WebSession party = WebSession.login(port, "party", "demo");
        assertThat(party.get(ENGINE + "/task/" + task.getId()).statusCode()).isEqualTo(200);
        for (String path : new String[] {"/complete", "/submit-form"}) {
            HttpResponse<String> done = party.call("POST", ENGINE + "/task/" + task.getId() + path, "{\"variables\":{}}");
            assertThat(done.statusCode()).as(path).isEqualTo(403);
            assertThat(done.body()).as(path).contains("请在平台的任务页面办理");
        }
        assertThat(WebSession.login(port, "expert1", "demo")
                .call("POST", ENGINE + "/task/" + task.getId() + "/complete", "{}").statusCode()).isBetween(400, 499);
        assertThat(WebSession.basic(port, "demo", "demo")
                .call("POST", "/engine-rest/task/" + task.getId() + "/complete", "{}").statusCode()).isEqualTo(403);
        assertThat(forms.isOpen(task.getId())).isTrue();

        // the platform's own step, by the party group, completes it
        AsUser.run(identity, "party", () -> approvals.decide(task.getId(),
                new ApprovalService.Approval(true, LocalDate.now().minusDays(1), "党组纪要〔2026〕9号", null)));
        assertThat(forms.isOpen(task.getId())).isFalse();
    }

    @Test
    void anotherRolesTaskIsRefusedByThePlatformAndCannotBeHandedToThem() {
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        ProcessInstance instance = forms.start(Forms.APPROVAL, app, Map.of());
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        var approval = new ApprovalService.Approval(true, LocalDate.now().minusDays(1), "纪要1号", null);

        // the engine does not even show an expert the party group's task
        assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> approvals.decide(task.getId(), approval)))
                .isInstanceOfAny(AccessDeniedException.class, UserError.class);
        // the manager reads no other role's task (nor does Tasklist list it to him), and works none
        assertThatThrownBy(() -> AsUser.run(identity, "manager", () -> approvals.decide(task.getId(), approval)))
                .isInstanceOfAny(AccessDeniedException.class, UserError.class);
        // not even an assignment made with the engine's own API makes a non-candidate its assignee
        assertThatThrownBy(() -> taskService.setAssignee(task.getId(), "expert1")).hasMessageContaining("候选人");
        assertThatThrownBy(() -> taskService.claim(task.getId(), "manager")).hasMessageContaining("候选人");
        // nor through the webapps: claiming or assigning is the platform's
        HttpResponse<String> claim = WebSession.login(port, "party", "demo")
                .call("POST", ENGINE + "/task/" + task.getId() + "/claim", "{\"userId\":\"party\"}");
        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(WebSession.login(port, "office", "demo").call("POST", ENGINE + "/task/" + task.getId() + "/assignee",
                "{\"userId\":\"expert1\"}").statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(forms.isOpen(task.getId())).isTrue();
    }

    @Test
    void anExpertNeverScoresAnApplicationOfItsOwnOrganisation() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "UNDER_REVIEW");
        ProcessInstance instance = forms.start(Forms.EXPERT_SCORE, app, Map.of(ProjectProcess.EXPERT, "expert3"));
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Map<String, BigDecimal> points = new java.util.HashMap<>();
        var criteria = AsUser.call(identity, "expert3", () -> reviews.criteria(
                context.getBean(cn.kexie.capability.application.ApplicationService.class).load(app)));
        criteria.forEach(c -> points.put(c.code(), c.maxPoints()));
        assertThatThrownBy(() -> AsUser.run(identity, "expert3",
                () -> reviews.submitSheet(task.getId(), new ReviewService.Sheet(true, points, "很好"))))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(((UserError) e).problems().get(0).key()).isEqualTo("review.error.conflict"));
        assertThat(forms.isOpen(task.getId())).isTrue();
    }

    @Test
    void theManagerReadsButChangesNothing() {
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "UNDER_REVIEW");
        ProcessInstance instance = forms.start(Forms.FORMAL_REVIEW, app, Map.of());
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        WebSession manager = WebSession.login(port, "manager", "demo");
        assertThat(manager.get(ENGINE + "/process-instance/" + instance.getId() + "/variables").statusCode()).isEqualTo(200);
        assertThat(manager.call("PUT", ENGINE + "/process-instance/" + instance.getId() + "/variables/outcome",
                "{\"value\":\"PASS\",\"type\":\"String\"}").statusCode()).isEqualTo(403);
        assertThat(manager.call("POST", ENGINE + "/task/" + task.getId() + "/assignee", "{\"userId\":\"office\"}")
                .statusCode()).isEqualTo(403);
        assertThat(runtimeService.getVariable(instance.getId(), "outcome")).isNull();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void theOfficeMovesATimerButWritesNoVariable() {
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "UNDER_NOTICE");
        ProcessInstance instance = forms.start(FormTasks.NOTICE, app,
                Map.of(ProjectProcess.NOTICE_ENDS, Date.from(Instant.now().plus(5, ChronoUnit.DAYS))));
        String job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getId();
        WebSession office = WebSession.login(port, "office", "demo");
        String later = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ".000+0000");
        assertThat(office.call("PUT", ENGINE + "/job/" + job + "/duedate", "{\"duedate\":\"" + later + "\"}").statusCode())
                .isEqualTo(204);
        assertThat(office.call("PUT", ENGINE + "/process-instance/" + instance.getId() + "/variables/noticeEnds",
                "{\"value\":null,\"type\":\"Null\"}").statusCode()).isEqualTo(403);
        assertThat(WebSession.login(port, "expert1", "demo")
                .call("PUT", ENGINE + "/job/" + job + "/duedate", "{\"duedate\":\"" + later + "\"}").statusCode())
                .isBetween(400, 499);
        assertThat(runtimeService.getVariable(instance.getId(), ProjectProcess.NOTICE_ENDS)).isNotNull();
    }

    // ---------------------------------------------------------------- need to know

    @Test
    void staffSeeTheTasksTheyWorkOnAndNoProcessData() {
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "UNDER_REVIEW");
        ProcessInstance instance = forms.start(Forms.EXPERT_SCORE, app, Map.of(ProjectProcess.EXPERT, "expert2"));
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        WebSession expert1 = WebSession.login(port, "expert1", "demo");
        assertThat(expert1.get(ENGINE + "/task?processInstanceId=" + instance.getId()).body()).isEqualTo("[]");
        WebSession expert2 = WebSession.login(port, "expert2", "demo");
        assertThat(expert2.get(ENGINE + "/task?processInstanceId=" + instance.getId()).body()).contains(task.getId());
        // its own task, but not the application's process data (panel, scores, facts)
        assertThat(expert2.get(ENGINE + "/task/" + task.getId() + "/variables").statusCode()).isEqualTo(403);
        assertThat(expert2.get(ENGINE + "/process-instance/" + instance.getId() + "/variables").statusCode())
                .isEqualTo(403);
        assertThat(WebSession.login(port, "county", "demo").get(ENGINE + "/task").body()).doesNotContain(task.getId());
    }

    @Test
    void anOfficeOfOneCitySeesNothingOfAnotherInTasklistOrCockpit() {
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "UNDER_REVIEW");
        ProcessInstance instance = forms.start(Forms.FORMAL_REVIEW, app, Map.of());
        assertThat(instance.getTenantId()).isEqualTo("CHENZHOU");
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        WebSession xuzhou = WebSession.login(port, "office-xz", "demo");
        assertThat(xuzhou.get(ENGINE + "/task?processInstanceId=" + instance.getId()).body()).isEqualTo("[]");
        assertThat(xuzhou.get(ENGINE + "/process-instance?processInstanceIds=" + instance.getId()).body()).isEqualTo("[]");
        assertThat(xuzhou.get(ENGINE + "/history/process-instance?processInstanceId=" + instance.getId()).body())
                .isEqualTo("[]");
        WebSession everyCity = WebSession.login(port, "office", "demo");
        assertThat(everyCity.get(ENGINE + "/task?processInstanceId=" + instance.getId()).body()).contains(task.getId());
        assertThat(everyCity.get(ENGINE + "/process-instance?processInstanceIds=" + instance.getId()).body())
                .contains(instance.getId());

        // and in the platform: the task is not Xuzhou's office's to open
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz",
                () -> context.getBean(cn.kexie.capability.workflow.WorkflowTasks.class).get(task.getId())))
                .isInstanceOf(UserError.class);
    }

    @Test
    void expertSheetsAndPanelCandidatesOfAnotherCityAreRefused() {
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "UNDER_REVIEW");
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> reviews.sheets(app)))
                .isInstanceOfAny(AccessDeniedException.class, UserError.class);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> reviews.candidates(app)))
                .isInstanceOfAny(AccessDeniedException.class, UserError.class);
        assertThat(AsUser.call(identity, "office", () -> reviews.candidates(app))).isNotEmpty();
    }

    private static HttpResponse<String> deploy(WebSession session, String base, String bpmn) {
        return session.multipart(base + "/deployment/create", "escalation.bpmn", bpmn);
    }
}
