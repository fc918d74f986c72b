package cn.kexie.capability.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Who may do what, on every surface: each demo role against each Vaadin route (as the platform's
 * navigation access control decides it), representative REST endpoints, and the Cockpit,
 * Tasklist, Admin and engine APIs of the webapps. Every cell is tried for real; the matrix the run
 * produces must be the one the README prints, so the README never promises what the code does
 * not do.
 */
@PlatformTest
class AuthorizationMatrixTest {

    static final String START = "<!-- authorization-matrix:start -->";
    static final String END = "<!-- authorization-matrix:end -->";
    private static final String ENGINE = "/camunda/api/engine/engine/default";

    /** The columns: a demo user of each role (null: nobody logged in). */
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("anonymous", null);
        USERS.put("applicant", "cz-med");
        USERS.put("expert", "expert1");
        USERS.put("party-group", "party");
        USERS.put("leading-group", "leader");
        USERS.put("county", "county");
        USERS.put("finance", "finance");
        USERS.put("manager", "manager");
        USERS.put("office", "office");
        USERS.put("admin", "demo");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Test
    void everyRoleOnEverySurfaceIsAsTheReadmePrintsIt() throws Exception {
        Fixture fixture = fixture();
        List<String[]> rows = new ArrayList<>();
        routes().forEach((path, view) -> rows.add(row("UI `/" + path + "`", (role, user) -> routeAllowed(view, user))));

        rows.add(row("REST `GET /engine-rest/task`", (role, user) -> ok(rest(user).get("/engine-rest/task"))));
        rows.add(row("REST `GET /engine-rest/process-instance/{id}/variables`", (role, user) ->
                ok(rest(user).get("/engine-rest/process-instance/" + fixture.review + "/variables"))));
        rows.add(row("REST `GET /engine-rest/history/process-instance`", (role, user) ->
                ok(rest(user).get("/engine-rest/history/process-instance?maxResults=1"))));
        rows.add(row("REST `POST /engine-rest/deployment/create`", (role, user) ->
                ok(rest(user).multipart("/engine-rest/deployment/create", "matrix.bpmn", fixture.diagram))));
        rows.add(row("REST `GET /engine-rest/user`", (role, user) -> ok(rest(user).get("/engine-rest/user?maxResults=1"))));
        rows.add(row("REST `PUT /engine-rest/group/{group}/members/{self}`", (role, user) ->
                ok(rest(user).call("PUT", "/engine-rest/group/matrix-scratch/members/" + user, null))));
        rows.add(row("REST `GET /engine-rest/authorization`", (role, user) ->
                ok(rest(user).get("/engine-rest/authorization?maxResults=1"))));
        rows.add(row("REST `POST /engine-rest/identity/verify`", (role, user) -> ok(rest(user).call("POST",
                "/engine-rest/identity/verify", "{\"username\":\"manager\",\"password\":\"demo\"}"))));
        rows.add(row("REST `GET /engine-rest/job`", (role, user) -> ok(rest(user).get("/engine-rest/job?maxResults=1"))));

        rows.add(row("Tasklist (`/camunda/app/tasklist/`)", (role, user) ->
                ok(web(user).get("/camunda/app/tasklist/default/"))));
        rows.add(row("Cockpit (`/camunda/app/cockpit/`)", (role, user) ->
                ok(web(user).get("/camunda/app/cockpit/default/"))));
        rows.add(row("Admin (`/camunda/app/admin/`)", (role, user) -> ok(web(user).get("/camunda/app/admin/default/"))));
        rows.add(row("Cockpit API: process statistics", (role, user) ->
                ok(web(user).get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"))));
        rows.add(row("webapps API: who is logged in (`/camunda/api/admin/auth/user`)", (role, user) ->
                ok(web(user).get("/camunda/api/admin/auth/user/default"))));
        rows.add(row("engine API: list tasks", (role, user) -> ok(web(user).get(ENGINE + "/task?maxResults=1"))));
        rows.add(row("engine API: sees the office's formal review task", (role, user) ->
                ok(web(user).get(ENGINE + "/task?processInstanceId=" + fixture.review), fixture.reviewTask)));
        rows.add(row("engine API: reads an application's process variables", (role, user) ->
                ok(web(user).get(ENGINE + "/process-instance/" + fixture.review + "/variables"))));
        rows.add(row("engine API: reads the history of instances", (role, user) ->
                ok(web(user).get(ENGINE + "/history/process-instance?processInstanceId=" + fixture.review),
                        fixture.review)));
        rows.add(row("engine API: completes the formal review task", (role, user) ->
                ok(web(user).call("POST", ENGINE + "/task/" + fixture.reviewTask + "/complete", "{}"))));
        rows.add(row("engine API: claims the formal review task", (role, user) -> ok(web(user).call("POST",
                ENGINE + "/task/" + fixture.reviewTask + "/claim", "{\"userId\":\"" + user + "\"}"))));
        rows.add(row("engine API: writes a process variable", (role, user) -> ok(web(user).call("PUT",
                ENGINE + "/process-instance/" + fixture.review + "/variables/matrix", "{\"value\":1,\"type\":\"Integer\"}"))));
        rows.add(row("engine API: moves a timer (job due date)", (role, user) -> ok(web(user).call("PUT",
                ENGINE + "/job/" + fixture.timer + "/duedate", "{\"duedate\":\"" + fixture.later + "\"}"))));
        rows.add(row("engine API: retries a job", (role, user) -> ok(web(user).call("PUT",
                ENGINE + "/job/" + fixture.timer + "/retries", "{\"retries\":3}"))));
        rows.add(row("engine API: deploys a diagram", (role, user) ->
                ok(web(user).multipart(ENGINE + "/deployment/create", "matrix.bpmn", fixture.diagram))));
        rows.add(row("engine API: adds itself to a group", (role, user) ->
                ok(web(user).call("PUT", ENGINE + "/group/matrix-scratch/members/" + user, null))));
        rows.add(row("engine API: reads other users' accounts", (role, user) ->
                ok(web(user).get(ENGINE + "/user?id=expert2"), "\"expert2\"")));
        rows.add(row("engine API: reads authorizations", (role, user) ->
                ok(web(user).get(ENGINE + "/authorization?maxResults=1"), "\"id\"")));
        rows.add(row("engine API: `identity/verify`", (role, user) -> ok(web(user).call("POST",
                ENGINE + "/identity/verify", "{\"username\":\"manager\",\"password\":\"demo\"}"))));
        // 撤回 and 退回 are the platform's steps (application.ApplicationMoves); the engine's own
        // process-instance modification stays an administrator's repair. Last: an administrator's
        // modification starts the fixture's task afresh (cancel and start the same step).
        rows.add(row("engine API: modifies a process instance (撤回 / 退回 outside the platform)", (role, user) ->
                ok(web(user).call("POST", ENGINE + "/process-instance/" + fixture.review + "/modification", restart(fixture)))));
        rows.add(row("REST `POST /engine-rest/process-instance/{id}/modification`", (role, user) ->
                ok(rest(user).call("POST", "/engine-rest/process-instance/" + fixture.review + "/modification", restart(fixture)))));

        String matrix = render(rows);
        System.out.println(matrix);
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains(START, END);
        String printed = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END)).strip();
        assertThat(printed).isEqualTo(matrix.strip());
    }

    /** A modification that starts the fixture's open step afresh: start it again, cancel the one open now. */
    private String restart(Fixture fixture) {
        var open = runtimeService.getActivityInstance(fixture.review()).getChildActivityInstances()[0];
        return "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + open.getActivityId()
                + "\"},{\"type\":\"cancel\",\"activityInstanceId\":\"" + open.getId() + "\"}]}";
    }

    // ---------------------------------------------------------------- the cells

    private final Map<String, WebSession> sessions = new LinkedHashMap<>();

    private String[] row(String surface, BiFunction<String, String, Boolean> allowed) {
        String[] row = new String[USERS.size() + 1];
        row[0] = surface;
        int i = 1;
        for (Map.Entry<String, String> column : USERS.entrySet()) {
            row[i++] = allowed.apply(column.getKey(), column.getValue()) ? "✓" : "✗";
            // an administrator's successful membership is taken back, so each run starts alike
            if (column.getValue() != null) {
                identity.deleteMembership(column.getValue(), "matrix-scratch");
            }
        }
        return row;
    }

    private WebSession web(String user) {
        if (user == null) {
            return WebSession.anonymous(port);
        }
        return sessions.computeIfAbsent(user, u -> WebSession.login(port, u, "demo"));
    }

    private WebSession rest(String user) {
        return user == null ? WebSession.anonymous(port) : WebSession.basic(port, user, "demo");
    }

    private static boolean ok(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            throw new AssertionError(response.uri() + " answered " + status + ": " + response.body());
        }
        return status >= 200 && status < 300;
    }

    /** Answered 2xx and the answer holds {@code expected}: the user sees it. */
    private static boolean ok(HttpResponse<String> response, String expected) {
        return ok(response) && response.body().contains(expected);
    }

    private boolean routeAllowed(Class<?> view, String user) {
        Set<String> roles = user == null ? Set.of() : identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Principal principal = user == null ? null : () -> user;
        return new AccessAnnotationChecker().hasAccess(view, principal, roles::contains);
    }

    /** Every routed view of the platform, by path. */
    private Map<String, Class<?>> routes() {
        Map<String, Class<?>> routes = new java.util.TreeMap<>();
        for (Object view : context.getBeansWithAnnotation(Route.class).values()) {
            Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(view);
            routes.put(type.getAnnotation(Route.class).value(), type);
        }
        if (routes.isEmpty()) {
            var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(Route.class));
            for (var candidate : scanner.findCandidateComponents("cn.kexie.capability")) {
                try {
                    Class<?> type = Class.forName(candidate.getBeanClassName());
                    routes.put(type.getAnnotation(Route.class).value(), type);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return routes;
    }

    private static String render(List<String[]> rows) {
        StringBuilder out = new StringBuilder("| surface | ");
        out.append(String.join(" | ", USERS.keySet())).append(" |\n|---|");
        out.append("---|".repeat(USERS.size())).append('\n');
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- what the cells act on

    record Fixture(String review, String reviewTask, String timer, String later, String diagram) {
    }

    private Fixture fixture() {
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "UNDER_REVIEW");
        ProcessInstance review = forms.start(Forms.FORMAL_REVIEW, app, Map.of());
        String reviewTask = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult().getId();
        ProcessInstance notice = forms.start(FormTasks.NOTICE, forms.application("CZ-AGRI", "ACADEMIC_EXCHANGE", "UNDER_NOTICE"),
                Map.of(ProjectProcess.NOTICE_ENDS, Date.from(Instant.now().plus(5, ChronoUnit.DAYS))));
        String timer = managementService.createJobQuery().processInstanceId(notice.getId()).singleResult().getId();
        String later = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()
                .replace("Z", ".000+0000");
        if (identity.createGroupQuery().groupId("matrix-scratch").count() == 0) {
            Group scratch = identity.newGroup("matrix-scratch");
            scratch.setName("matrix");
            identity.saveGroup(scratch);
        }
        String diagram = Bpmn.convertToString(Bpmn.createExecutableProcess("matrix-deploy")
                .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
        return new Fixture(review.getId(), reviewTask, timer, later, diagram);
    }
}
