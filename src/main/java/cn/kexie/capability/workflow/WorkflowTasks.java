package cn.kexie.capability.workflow;

import cn.kexie.capability.common.TransactionScoped;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The task list's engine side: what a user may see and work on, claiming, and completing.
 * <p>
 * A staff user's engine calls run as that user, so the engine's own authorization and tenant
 * checks apply as they do in Tasklist and Cockpit: a user sees the tasks of its cities that it may
 * read. On top, a user works on a task only as one of its candidates — a candidate user, a member
 * of a candidate group (an organisation's group for its applicants only) — or as the assignee the
 * diagram itself named when it created the task (a drawn expert). Being assignee is not enough:
 * whoever assigned the task, the role must be the step's. Applicants have no engine surface; the
 * platform offers them the tasks of their organisation's group only.
 * <p>
 * Only {@link #complete} completes a task, inside the feature service's transaction that writes the
 * step's record: the engine refuses a completion from anywhere else ({@link WorkflowCourseGuard}).
 */
@Service
public class WorkflowTasks {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;
    private final ProcessEngine processEngine;

    WorkflowTasks(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
            CurrentUser currentUser, ProcessEngine processEngine) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.currentUser = currentUser;
        this.processEngine = processEngine;
    }

    /**
     * Runs several engine calls in one engine command, so that they share one command context: the
     * engine reads the caller's authorized groups and whether any revoke exists once per command,
     * and writes once at its end (a claim and the completion that follows it flush together).
     * Nested service calls still pass every interceptor, {@link WorkflowCourseGuard} included.
     */
    private <T> T oneCommand(Supplier<T> work) {
        CommandExecutor executor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        return executor.execute(commandContext -> work.get());
    }

    /**
     * The task list's queries: the caller's own tasks or its groups' unclaimed ones, of the caller's
     * cities (the engine's tenant check, which stays on), without the engine's authorization join.
     * That join adds nothing here, since the engine grants a task's candidate groups and its assignee
     * their reading of it when it offers or assigns the task; but it matches every open task against
     * every grant of the caller's groups, so that its cost grows with the square of the open tasks
     * (2.7 s for the first page at 2,000 open tasks on PostgreSQL, see BENCHMARKS.md). Opening or
     * working on a task still asks the engine as the caller ({@link #allowed}).
     */
    private <T> T listed(Supplier<T> query) {
        return oneCommand(() -> asPlatform(query));
    }

    /**
     * Inside a command: the task's form key, from the diagram the engine holds in its deployment
     * cache when it is a fixed text (the platform's are), so that a page of tasks does not read each
     * of its process definitions again; otherwise as the engine resolves it.
     */
    private static String formKey(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return null;
        }
        var configuration = Context.getProcessEngineConfiguration();
        ProcessDefinitionEntity definition = configuration.getDeploymentCache().getProcessDefinitionCache()
                .get(task.getProcessDefinitionId());
        if (definition == null) {
            definition = configuration.getDeploymentCache().findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        }
        TaskDefinition taskDefinition = definition.getTaskDefinitions().get(task.getTaskDefinitionKey());
        if (taskDefinition == null || taskDefinition.getFormKey() == null) {
            return null;
        }
        String text = taskDefinition.getFormKey().getExpressionText();
        if (text != null && !text.contains("${") && !text.contains("#{")) {
            return text;
        }
        TaskEntity entity = (TaskEntity) task;
        entity.initializeFormKey();
        return entity.getFormKey();
    }

    /**
     * Inside {@link #oneCommand}: reads the platform makes as itself, not as the caller (the
     * process data a task shows, once the caller's own query has found the task).
     */
    private static <T> T asPlatform(Supplier<T> work) {
        return Context.getCommandContext().runWithoutAuthorization(work::get);
    }

    /** Which tasks: assigned to me, or offered to my groups and not yet claimed. */
    public enum Scope { MINE, GROUPS }

    @Transactional(readOnly = true)
    public List<WorkItem> list(Scope scope, int offset, int limit) {
        Caller caller = caller();
        Map<String, String> businessKeys = new HashMap<>();
        Map<String, Long> applicationIds = new HashMap<>();
        Map<String, String> formKeys = new HashMap<>();
        List<Task> tasks = caller.run(() -> listed(() -> {
            List<Task> page = query(caller, scope).orderByDueDate().asc().orderByTaskCreateTime().asc()
                    .listPage(offset, limit);
            page.forEach(t -> formKeys.put(t.getId(), formKey(t)));
            // two queries for the whole page, not two per task
            String[] instances = page.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                    .distinct().toArray(String[]::new);
            if (instances.length > 0) asPlatform(() -> {
                runtimeService.createProcessInstanceQuery().processInstanceIds(Set.of(instances)).list()
                        .forEach(pi -> businessKeys.put(pi.getId(), pi.getBusinessKey()));
                runtimeService.createVariableInstanceQuery().variableName(ProjectProcess.APPLICATION_ID)
                        .processInstanceIdIn(instances).disableCustomObjectDeserialization().list()
                        .forEach(v -> {
                            if (v.getValue() instanceof Number n && v.getExecutionId().equals(v.getProcessInstanceId())) {
                                applicationIds.put(v.getProcessInstanceId(), n.longValue());
                            }
                        });
                return null;
            });
            return page;
        }));
        return tasks.stream().map(t -> item(t, formKeys.get(t.getId()), businessKeys.get(t.getProcessInstanceId()),
                applicationIds.get(t.getProcessInstanceId()))).toList();
    }

    @Transactional(readOnly = true)
    public long count(Scope scope) {
        Caller caller = caller();
        return caller.run(() -> listed(() -> query(caller, scope).count()));
    }

    /** My tasks and my groups' unclaimed tasks whose due date has passed. */
    @Transactional(readOnly = true)
    public long countOverdue() {
        java.util.Date now = java.util.Date.from(cn.kexie.capability.common.PlatformClock.now());
        Caller caller = caller();
        if (caller.workGroups().isEmpty()) {
            return caller.run(() -> listed(() -> query(caller, Scope.MINE).dueBefore(now).count()));
        }
        // one query: assigned to me, or offered to my groups and unclaimed (a candidate-group
        // condition leaves assigned tasks out), as the two counts it replaces
        return caller.run(() -> listed(() -> taskService.createTaskQuery().active().dueBefore(now)
                .or().taskAssignee(caller.userId()).taskCandidateGroupIn(caller.workGroups()).endOr()
                .count()));
    }

    private TaskQuery query(Caller caller, Scope scope) {
        TaskQuery query = taskService.createTaskQuery().active();
        if (scope == Scope.MINE) {
            return query.taskAssignee(caller.userId());
        }
        if (caller.workGroups().isEmpty()) {
            return query.taskId("-none-");
        }
        return query.taskCandidateGroupIn(caller.workGroups()).taskUnassigned();
    }

    /** The open tasks of a process instance that the current user may work on (for a dossier's page). */
    @Transactional(readOnly = true)
    public List<WorkItem> openTasksOf(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        Caller caller = caller();
        List<WorkItem> result = new ArrayList<>();
        List<Task> open = caller.run(() -> taskService.createTaskQuery().processInstanceId(processInstanceId).active()
                .initializeFormKeys().list());
        for (Task task : open) {
            List<IdentityLink> candidates = candidates(task.getId());
            boolean mine = caller.userId().equals(task.getAssignee()) && mayWork(caller, task, candidates);
            boolean offered = task.getAssignee() == null && mayWork(caller, task, candidates);
            if (mine || offered) {
                result.add(item(task));
            }
        }
        return result;
    }

    /**
     * Whether the current user may work now on an open task of the process instance with the form key
     * (one that {@link #openTasksOf} lists): answered from the tasks this transaction has already
     * checked for the user when one of them is such a task (a step checks its own task first, then an
     * upload of the step asks again: 6 statements saved), otherwise as {@link #openTasksOf} finds.
     */
    @Transactional(readOnly = true)
    public boolean mayWorkNow(String processInstanceId, String formKey) {
        if (processInstanceId == null || formKey == null) {
            return false;
        }
        Caller caller = caller();
        Map<String, Allowed> known = TransactionScoped.peek(KNOWN_TASKS);
        if (known != null) {
            String prefix = caller.userId() + "\u0000";
            for (Map.Entry<String, Allowed> entry : known.entrySet()) {
                Task task = entry.getValue().task();
                if (entry.getKey().startsWith(prefix) && processInstanceId.equals(task.getProcessInstanceId())
                        && formKey.equals(task.getFormKey())
                        && (task.getAssignee() == null || task.getAssignee().equals(caller.userId()))) {
                    return true;
                }
            }
        }
        return openTasksOf(processInstanceId).stream().anyMatch(t -> formKey.equals(t.formKey()));
    }

    /**
     * Whether this transaction has already checked, for its caller, an open task of the process
     * instance with the form key that is offered to {@code group}: an applicant's step checks its task
     * first, then its upload asks whether the step is open to the applicant's organisation. False
     * means only that no such task was checked: the caller asks the engine then.
     */
    public boolean checkedTaskOffered(String processInstanceId, String formKey, String group) {
        Map<String, Allowed> known = TransactionScoped.peek(KNOWN_TASKS);
        if (known == null || processInstanceId == null || formKey == null || group == null) {
            return false;
        }
        for (Allowed allowed : known.values()) {
            Task task = allowed.task();
            if (processInstanceId.equals(task.getProcessInstanceId()) && formKey.equals(task.getFormKey())
                    && allowed.candidates().stream().anyMatch(link -> group.equals(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    /** The task, if the current user may work on it. */
    @Transactional(readOnly = true)
    public WorkItem get(String taskId) {
        Allowed allowed = allowed(caller(), taskId);
        return allowed.item();
    }

    @Transactional
    public void claim(String taskId) {
        Caller caller = caller();
        Task task = requireAllowed(caller, taskId);
        requireNotClaimedByOther(caller, task);
        if (task.getAssignee() == null) {
            forget(taskId);
            PlatformStep.run(() -> caller.run(() -> {
                taskService.claim(task.getId(), caller.userId());
                return null;
            }));
        }
    }

    private void requireNotClaimedByOther(Caller caller, Task task) {
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
            throw new UserError("task.error.claimedByOther", displayName(task.getAssignee()));
        }
    }

    /**
     * Gives my task back to its candidate groups. A task the diagram assigned to one person (a drawn
     * expert) has nobody to go back to, so it stays with that person.
     */
    @Transactional
    public void unclaim(String taskId) {
        Caller caller = caller();
        Allowed allowed = allowed(caller, taskId);
        if (!caller.userId().equals(allowed.task().getAssignee())) {
            return;
        }
        boolean hasCandidateGroup = allowed.candidates().stream().anyMatch(link -> link.getGroupId() != null);
        if (!hasCandidateGroup) {
            throw new UserError("task.error.cannotRelease");
        }
        forget(taskId);
        PlatformStep.run(() -> caller.run(() -> {
            taskService.claim(taskId, null);
            return null;
        }));
    }

    /**
     * Completes the task as the current user (claiming it if it was only offered). Call it inside
     * the transaction that writes the step's domain data, so both commit together or not at all.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> variables) {
        Caller caller = caller();
        Task task = requireAllowed(caller, taskId);
        requireNotClaimedByOther(caller, task);
        forget(taskId);
        // the claim (when the task was only offered) and the completion in one engine command: one
        // flush, in which the engine drops the claim's update of the task it deletes
        PlatformStep.run(() -> caller.run(() -> oneCommand(() -> {
            if (task.getAssignee() == null) {
                taskService.claim(taskId, caller.userId());
            }
            taskService.complete(taskId, variables);
            return null;
        })));
    }

    /**
     * Sets a process variable through the task (to the scope that holds it, else the instance), for
     * a user who may work on the task, inside the step's transaction: a step that records part of
     * its work (an instalment paid) and leaves the task open, so that the diagram reads it at once.
     * The platform writes it itself, as the engine's own steps do (the roles hold no engine grant to
     * write variables, and Tasklist must not give them one): the check is that the caller may work
     * on the task.
     */
    @Transactional
    public void setVariable(String taskId, String name, Object value) {
        Task task = requireAllowed(caller(), taskId);
        forget(taskId);
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            PlatformStep.run(() -> taskService.setVariable(task.getId(), name, value));
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }

    /** A comment written on a task of a process (in Camunda Tasklist: {@code TaskService#createComment}). */
    public record TaskComment(java.time.Instant at, String userId, String taskName, String message) {
    }

    /**
     * The comments written on the tasks of the process instance, oldest first, read as the platform:
     * for callers that checked the reader may read the dossier, and which decide what of it the reader sees.
     * One query, and one more for the tasks' names when there are comments.
     */
    @Transactional(readOnly = true)
    public List<TaskComment> commentsOf(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            List<org.camunda.bpm.engine.task.Comment> comments = taskService.getProcessInstanceComments(processInstanceId);
            if (comments.isEmpty()) {
                return List.of();
            }
            Map<String, String> names = new HashMap<>();
            if (comments.stream().anyMatch(c -> c.getTaskId() != null)) {
                processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()
                        .forEach(t -> names.put(t.getId(), t.getName()));
            }
            return comments.stream()
                    .sorted(java.util.Comparator.comparing(org.camunda.bpm.engine.task.Comment::getTime)
                            .thenComparing(org.camunda.bpm.engine.task.Comment::getId))
                    .map(c -> new TaskComment(c.getTime().toInstant(), c.getUserId(),
                            c.getTaskId() == null ? null : names.get(c.getTaskId()), c.getFullMessage()))
                    .toList();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }

    /** The process definition of the task, for a user who may work on the task. */
    @Transactional(readOnly = true)
    public String processDefinitionOf(String taskId) {
        return allowed(caller(), taskId).task().getProcessDefinitionId();
    }

    /** The process variable of the task's process instance, for a user who may work on the task. */
    @Transactional(readOnly = true)
    public Object variable(String taskId, String name) {
        Caller caller = caller();
        Allowed allowed = allowed(caller, taskId);
        if (ProjectProcess.APPLICATION_ID.equals(name) && allowed.applicationId() != null) {
            return allowed.applicationId();
        }
        return runtimeService.getVariable(allowed.task().getExecutionId(), name);
    }

    // ---- small hooks for the task list and the moves (TaskListQuery, TaskMoves), which keep their own logic ----

    /** Runs engine work as the current user (its engine authentication), given its id and work groups. */
    <T> T asCaller(java.util.function.BiFunction<String, List<String>, T> work) {
        Caller caller = caller();
        return caller.run(() -> work.apply(caller.userId(), caller.workGroups()));
    }

    /**
     * Runs a task-list query as the current user, as {@link #list} does: the query's own conditions
     * (my tasks, or my groups' unclaimed ones) and the engine's tenant check (cities) decide what is
     * listed, without the engine's authorization join, whose cost grows with the square of the open
     * tasks (see {@link #listed}).
     */
    <T> T listedAsCaller(java.util.function.BiFunction<String, List<String>, T> work) {
        Caller caller = caller();
        return caller.run(() -> listed(() -> work.apply(caller.userId(), caller.workGroups())));
    }

    /** The open task, if the current user may work on it (as {@link #get} checks); refused otherwise. */
    Task allowedTask(String taskId) {
        return requireAllowed(caller(), taskId);
    }

    /** The task's candidate users and groups. */
    List<IdentityLink> candidatesOf(String taskId) {
        return candidates(taskId);
    }

    private Task requireAllowed(Caller caller, String taskId) {
        return allowed(caller, taskId).task();
    }

    /**
     * A task the caller may work on, with its candidates and its process's business key and
     * application id: read in one engine command, once per transaction and caller (a step checks
     * the task when it starts and again when it completes it; the second check reuses the first
     * one's reading, since only this transaction's own moves, which forget it, change the task in
     * between as far as it can see). The check itself runs every time.
     */
    private Allowed allowed(Caller caller, String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new UserError("task.error.gone");
        }
        Map<String, Allowed> known = TransactionScoped.get(KNOWN_TASKS, HashMap::new);
        Allowed allowed = known == null ? null : known.get(caller.userId() + "\u0000" + taskId);
        if (allowed == null) {
            allowed = caller.run(() -> oneCommand(() -> {
                Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
                if (task == null) {
                    return null;
                }
                List<IdentityLink> candidates = asPlatform(() -> candidates(taskId));
                if (task.getProcessInstanceId() == null) {
                    return new Allowed(task, candidates, null, null);
                }
                return asPlatform(() -> {
                    // the process instance as the command already holds it (a task of the instance's own scope
                    // loaded it), and its variables in one read: not a query for the business key and another
                    // for the application's id
                    var instance = Context.getCommandContext().getExecutionManager()
                            .findExecutionById(task.getProcessInstanceId());
                    Object id = instance == null ? null : instance.getVariable(ProjectProcess.APPLICATION_ID);
                    return new Allowed(task, candidates, instance == null ? null : instance.getBusinessKey(),
                            id instanceof Number n ? n.longValue() : null);
                });
            }));
            if (allowed == null) {
                throw new UserError("task.error.gone");
            }
        }
        if (!mayWork(caller, allowed.task(), allowed.candidates())) {
            throw new AccessDeniedException("task " + taskId + " is not for " + caller.userId());
        }
        if (known != null) {
            known.put(caller.userId() + "\u0000" + taskId, allowed);
        }
        return allowed;
    }

    private record Allowed(Task task, List<IdentityLink> candidates, String businessKey, Long applicationId) {
        WorkItem item() {
            return WorkflowTasks.item(task, businessKey, applicationId);
        }
    }

    private static final String KNOWN_TASKS = WorkflowTasks.class.getName() + ".knownTasks";
    private static final String CALLER = WorkflowTasks.class.getName() + ".caller";

    /** Forgets what this transaction read of a task that it is about to move. */
    private static void forget(String taskId) {
        Map<String, Allowed> known = TransactionScoped.peek(KNOWN_TASKS);
        if (known != null) {
            known.keySet().removeIf(key -> key.endsWith("\u0000" + taskId));
        }
    }


    /** A candidate, or the one person the diagram assigned a task without candidates to. */
    private static boolean mayWork(Caller caller, Task task, List<IdentityLink> candidates) {
        boolean hasCandidates = false;
        for (IdentityLink link : candidates) {
            hasCandidates = true;
            if (caller.userId().equals(link.getUserId())
                    || (link.getGroupId() != null && caller.workGroups().contains(link.getGroupId()))) {
                return true;
            }
        }
        return !hasCandidates && caller.userId().equals(task.getAssignee());
    }

    private List<IdentityLink> candidates(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
    }

    /**
     * Who calls: the user, the groups whose tasks it works (role groups; an organisation's group
     * for its applicants only), and the engine authentication its calls run with (none for
     * applicants, who have no engine surface).
     */
    private record Caller(String userId, List<String> workGroups, Authentication engineAuthentication,
            IdentityService identityService, boolean applicantOnly) {

        <T> T run(Supplier<T> work) {
            if (engineAuthentication == null) {
                return work.get();
            }
            Authentication previous = identityService.getCurrentAuthentication();
            identityService.setAuthentication(engineAuthentication);
            try {
                return work.get();
            } finally {
                if (previous == null) {
                    identityService.clearAuthentication();
                } else {
                    identityService.setAuthentication(previous);
                }
            }
        }
    }

    /**
     * The caller, read once per login session (a page asks for counts and a list in one request, and
     * a user works many requests), or else once per transaction. Like the roles of the login itself,
     * its groups and cities are those of the moment of the first read: a change of membership applies
     * from the user's next login. The session keeps the facts only (user, groups, cities), stamped
     * with the login's authorities, so that another login in the same browser never reuses them.
     */
    private Caller caller() {
        String user = currentUser.requireId();
        boolean applicantOnly = currentUser.isApplicantOnly();
        String stamp = loginStamp(user, applicantOnly);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object cached = request != null ? request.getAttribute(CALLER, RequestAttributes.SCOPE_SESSION)
                : TransactionScoped.peek(CALLER);
        if (cached instanceof CallerFacts facts && facts.stamp().equals(stamp)) {
            return facts.caller(identityService);
        }
        CallerFacts facts = readCaller(user, applicantOnly, stamp);
        if (request != null) {
            request.setAttribute(CALLER, facts, RequestAttributes.SCOPE_SESSION);
        } else {
            TransactionScoped.get(CALLER, () -> facts);
        }
        return facts.caller(identityService);
    }

    private static String loginStamp(String user, boolean applicantOnly) {
        org.springframework.security.core.Authentication login =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return user + "|" + applicantOnly + "|" + (login == null ? "" : login.getAuthorities());
    }

    /** What a session keeps of its caller: plain data, serializable with the session. */
    private record CallerFacts(String stamp, String userId, List<String> groups, List<String> workGroups,
            List<String> cities, boolean applicantOnly) implements java.io.Serializable {

        Caller caller(IdentityService identityService) {
            Authentication engine = applicantOnly ? null : new Authentication(userId, groups, cities);
            return new Caller(userId, workGroups, engine, identityService, applicantOnly);
        }
    }

    private CallerFacts readCaller(String user, boolean applicantOnly, String stamp) {
        List<String> groups = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(user).list()) {
            groups.add(group.getId());
        }
        boolean applicant = groups.contains(Roles.APPLICANT);
        List<String> workGroups = new ArrayList<>(groups);
        // an expert's organisation membership only records affiliation (for 回避), it offers no applicant tasks
        if (!applicant) {
            workGroups.removeIf(Roles::isOrganisationGroup);
        }
        List<String> cities = applicantOnly ? List.of() : List.copyOf(currentUser.citiesOf(user).cities());
        return new CallerFacts(stamp, user, List.copyOf(groups), List.copyOf(workGroups), cities, applicantOnly);
    }

    private String displayName(String userId) {
        User u = identityService.createUserQuery().userId(userId).singleResult();
        return u == null ? userId : (nullToEmpty(u.getLastName()) + nullToEmpty(u.getFirstName())).trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private WorkItem item(Task task) {
        Object applicationId = task.getProcessInstanceId() == null ? null
                : runtimeService.getVariable(task.getProcessInstanceId(), ProjectProcess.APPLICATION_ID);
        String businessKey = task.getProcessInstanceId() == null ? null
                : runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                        .singleResult().getBusinessKey();
        return item(task, businessKey, applicationId instanceof Number n ? n.longValue() : null);
    }

    private static WorkItem item(Task task, String businessKey, Long applicationId) {
        return item(task, task.getFormKey(), businessKey, applicationId);
    }

    private static WorkItem item(Task task, String formKey, String businessKey, Long applicationId) {
        return new WorkItem(task.getId(), task.getName(), formKey, task.getAssignee(), task.getCreateTime(),
                task.getDueDate(), task.getProcessInstanceId(), businessKey, applicationId, task.getTaskDefinitionKey());
    }
}
