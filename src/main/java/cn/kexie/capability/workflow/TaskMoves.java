package cn.kexie.capability.workflow;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.common.PersonName;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moves of a task between people, each a platform step: checked here (role, city, holder, the
 * task still open), then made on the engine inside {@link PlatformStep} — the engine refuses the same
 * moves from Tasklist or REST ({@link WorkflowCourseGuard}) — and recorded in the application's
 * history with who, when and why ({@link TaskMoved}), all in one transaction.
 * <ul>
 * <li>转办 {@link #transfer}: the holder gives the task to another user of the task's candidate group
 * (of the task's city); it is theirs from then on;
 * <li>委派 {@link #delegate}: the holder asks another user of the group to prepare it; the delegate
 * hands it back with a comment ({@link #resolve}) and the holder decides;
 * <li>催办 {@link #remind}: the programme office reminds the holder (or, while nobody has claimed
 * it, the candidate group) of a waiting task of its city; the reminder shows on their home page;
 * <li>退回 {@link #release}: the holder gives a claimed task back to its candidate group; a task the
 * diagram assigned to one person (a drawn expert) has no group, so it goes to the programme office,
 * which names a replacement ({@link #replace}) and the panel finishes with that person.
 * </ul>
 * The engine's moves run without the user's engine authentication (the roles hold no engine grant
 * to assign tasks, and Tasklist must not give them one): the checks above are the platform's.
 */
@Service
public class TaskMoves {

    /** Task-local variable set while a declined task waits for the office to name a replacement. */
    public static final String DECLINED_BY = "declinedBy";
    static final int MAX_REASON = 500;

    private final WorkflowTasks tasks;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    TaskMoves(WorkflowTasks tasks, TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
            IdentityService identityService, CurrentUser currentUser, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.currentUser = currentUser;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** A person one may hand a task to. */
    public record Person(String userId, String name) {
    }

    /** What the current user may do with the task now. */
    public record State(boolean holder, boolean delegatedToMe, String delegatedBy, boolean awaitingReplacement,
            boolean mayTransfer, boolean mayRelease, boolean mayRemind) {
    }

    // ------------------------------------------------------------------ 转办

    @Transactional
    public void transfer(String taskId, String toUser, String reason) {
        Task task = tasks.allowedTask(taskId);
        String me = currentUser.requireId();
        List<Problem> problems = new ArrayList<>();
        requireHolder(task, me);
        reason(reason, true, problems);
        colleague(task, toUser, me, problems);
        UserError.throwIfAny(problems);
        asPlatform(() -> {
            taskService.setAssignee(taskId, toUser);
            clearOwner(task);
        });
        publish(task, TaskMoved.Move.TRANSFERRED, me, toUser, reason);
    }

    /** The users the holder may transfer or delegate the task to: its candidate group's, in the task's city. */
    @Transactional(readOnly = true)
    public List<Person> colleagues(String taskId) {
        Task task = tasks.allowedTask(taskId);
        String me = currentUser.requireId();
        Map<String, Person> people = new LinkedHashMap<>();
        for (String group : groups(task)) {
            for (User user : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
                if (!user.getId().equals(me) && inCity(task, group, user.getId())) {
                    people.putIfAbsent(user.getId(), new Person(user.getId(), PersonName.of(user)));
                }
            }
        }
        return List.copyOf(people.values());
    }

    // ------------------------------------------------------------------ 委派

    @Transactional
    public void delegate(String taskId, String toUser, String reason) {
        Task task = tasks.allowedTask(taskId);
        String me = currentUser.requireId();
        List<Problem> problems = new ArrayList<>();
        requireHolder(task, me);
        reason(reason, true, problems);
        colleague(task, toUser, me, problems);
        UserError.throwIfAny(problems);
        asPlatform(() -> taskService.delegateTask(taskId, toUser));
        publish(task, TaskMoved.Move.DELEGATED, me, toUser, reason);
    }

    /** The delegate hands the task back to whoever delegated it, with its comment. */
    @Transactional
    public void resolve(String taskId, String comment) {
        Task task = tasks.allowedTask(taskId);
        String me = currentUser.requireId();
        if (task.getDelegationState() != DelegationState.PENDING || !me.equals(task.getAssignee())) {
            throw new UserError("task.move.error.notDelegatedToYou");
        }
        List<Problem> problems = new ArrayList<>();
        reason(comment, true, problems);
        UserError.throwIfAny(problems);
        asPlatform(() -> taskService.resolveTask(taskId));
        publish(task, TaskMoved.Move.RESOLVED, me, task.getOwner(), comment);
    }

    // ------------------------------------------------------------------ 催办

    /** The programme office of the task's city reminds whoever holds the waiting task (or its group). */
    @Transactional
    public void remind(String taskId, String note) {
        if (!currentUser.hasRole(Roles.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("only the programme office reminds");
        }
        Task task = openTaskOfMyCities(taskId);
        String me = currentUser.requireId();
        List<Problem> problems = new ArrayList<>();
        reason(note, false, problems);
        if (me.equals(task.getAssignee())) {
            problems.add(new Problem("task.move.error.remindSelf"));
        }
        UserError.throwIfAny(problems);
        String group = task.getAssignee() != null ? null : groups(task).stream().findFirst().orElse(null);
        if (task.getAssignee() == null && group == null) {
            throw new UserError("task.move.error.nobodyToRemind");
        }
        String number = task.getProcessInstanceId() == null ? null
                : runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                        .singleResult().getBusinessKey();
        jdbc.sql("""
                insert into task_reminder (task_id, process_instance_id, business_key, task_name, recipient_user,
                    recipient_group, sent_by, sent_at, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.getId(), task.getProcessInstanceId(), number, task.getName(), task.getAssignee(), group, me,
                        Timestamp.from(Instant.now()), blankToNull(note))
                .update();
        // the history names a person reminded; a group reminded is the step's own role, named by the step
        publish(task, TaskMoved.Move.REMINDED, me, task.getAssignee(), note);
    }

    /** A waiting task the office may remind of: its step, who holds it (or the group it is offered to) and its due date. */
    public record Waiting(String taskId, String step, String holder, String group, java.util.Date due) {
    }

    /** The open tasks of an application's process the programme office may remind of (none for other roles). */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(String processInstanceId) {
        if (processInstanceId == null || !currentUser.hasRole(Roles.PROGRAMME_OFFICE)) {
            return List.of();
        }
        String me = currentUser.requireId();
        List<Waiting> result = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).active().list()) {
            if (me.equals(task.getAssignee())
                    || task.getTenantId() != null && !currentUser.cities().includes(task.getTenantId())) {
                continue;
            }
            String holder = task.getAssignee() == null ? null : displayName(task.getAssignee());
            String group = task.getAssignee() != null ? null : groups(task).stream().findFirst().orElse(null);
            if (holder != null || group != null) {
                result.add(new Waiting(task.getId(), task.getName(), holder, group, task.getDueDate()));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ 退回 / 谢绝 / 更换

    /**
     * The holder gives the task back: to its candidate group; a task the diagram assigned to the
     * holder alone (a drawn expert, who declines) to the programme office, which names a replacement.
     */
    @Transactional
    public void release(String taskId, String reason) {
        Task task = tasks.allowedTask(taskId);
        String me = currentUser.requireId();
        requireHolder(task, me);
        boolean hasGroup = !groups(task).isEmpty();
        List<Problem> problems = new ArrayList<>();
        reason(reason, !hasGroup, problems);
        UserError.throwIfAny(problems);
        if (hasGroup) {
            asPlatform(() -> {
                taskService.setAssignee(taskId, null);
                clearOwner(task);
            });
            publish(task, TaskMoved.Move.RELEASED, me, null, reason);
            return;
        }
        asPlatform(() -> {
            taskService.setVariableLocal(taskId, DECLINED_BY, me);
            taskService.addCandidateGroup(taskId, Roles.PROGRAMME_OFFICE);
            taskService.setAssignee(taskId, null);
            // a replacement named earlier was made the task's candidate: it leaves with the task
            candidateUsers(taskId).forEach(user -> taskService.deleteCandidateUser(taskId, user));
        });
        publish(task, TaskMoved.Move.DECLINED, me, null, reason);
    }

    /**
     * The programme office of the task's city takes back a task the diagram assigned to one person (a
     * drawn expert) who has not done it in time: it waits for a replacement as a declined task does
     * ({@link #replace}). Whether it is late enough is the caller's rule (the review's); here: office,
     * city, a task held by one person without a candidate group.
     */
    @Transactional
    public void withdraw(String taskId, String reason) {
        if (!currentUser.hasRole(Roles.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("only the programme office withdraws a task");
        }
        Task task = openTaskOfMyCities(taskId);
        List<Problem> problems = new ArrayList<>();
        reason(reason, true, problems);
        if (task.getAssignee() == null || !groups(task).isEmpty() || declinedBy(task) != null) {
            problems.add(new Problem("task.move.error.notWithdrawable"));
        }
        UserError.throwIfAny(problems);
        String holder = task.getAssignee();
        asPlatform(() -> {
            taskService.setVariableLocal(taskId, DECLINED_BY, holder);
            taskService.addCandidateGroup(taskId, Roles.PROGRAMME_OFFICE);
            taskService.setAssignee(taskId, null);
            candidateUsers(taskId).forEach(user -> taskService.deleteCandidateUser(taskId, user));
        });
        publish(task, TaskMoved.Move.WITHDRAWN, currentUser.requireId(), holder, reason);
    }

    /** The programme office names who takes over a declined task: an expert of the city, not conflicted, not yet on it. */
    @Transactional
    public void replace(String taskId, String newHolder, String reason) {
        if (!currentUser.hasRole(Roles.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("only the programme office replaces");
        }
        Task task = tasks.allowedTask(taskId);
        Object declinedBy = declinedBy(task);
        if (declinedBy == null) {
            throw new UserError("task.move.error.notDeclined");
        }
        List<Problem> problems = new ArrayList<>();
        reason(reason, true, problems);
        if (newHolder == null || newHolder.isBlank()) {
            problems.add(new Problem("task.move.error.chooseUser"));
        } else if (!replacements(task, String.valueOf(declinedBy)).stream().anyMatch(p -> p.userId().equals(newHolder))) {
            problems.add(new Problem("task.move.error.notReplacement", displayName(newHolder)));
        }
        UserError.throwIfAny(problems);
        asPlatform(() -> {
            // the replacement becomes the task's one candidate (the engine gives a task to candidates only)
            taskService.addCandidateUser(taskId, newHolder);
            taskService.setAssignee(taskId, newHolder);
            taskService.deleteCandidateGroup(taskId, Roles.PROGRAMME_OFFICE);
            taskService.removeVariableLocal(taskId, DECLINED_BY);
            // the diagram's element variable (the expert of a panel's multi-instance) follows the task
            if (runtimeService.getVariableLocal(task.getExecutionId(), ProjectProcess.EXPERT) != null) {
                runtimeService.setVariableLocal(task.getExecutionId(), ProjectProcess.EXPERT, newHolder);
            }
            // and the panel's list names the replacement instead
            if (task.getProcessInstanceId() != null
                    && runtimeService.getVariable(task.getProcessInstanceId(), ProjectProcess.EXPERTS) instanceof List<?> panel
                    && panel.contains(declinedBy)) {
                List<Object> updated = new ArrayList<>(panel);
                updated.set(updated.indexOf(declinedBy), newHolder);
                runtimeService.setVariable(task.getProcessInstanceId(), ProjectProcess.EXPERTS, updated);
            }
        });
        publish(task, TaskMoved.Move.REPLACED, currentUser.requireId(), newHolder, reason);
    }

    /** Who may take over a declined task. */
    @Transactional(readOnly = true)
    public List<Person> replacements(String taskId) {
        Task task = tasks.allowedTask(taskId);
        Object declinedBy = declinedBy(task);
        return declinedBy == null || !currentUser.hasRole(Roles.PROGRAMME_OFFICE) ? List.of()
                : replacements(task, String.valueOf(declinedBy));
    }

    private List<Person> replacements(Task task, String declinedBy) {
        Object applicantGroup = task.getProcessInstanceId() == null ? null
                : runtimeService.getVariable(task.getProcessInstanceId(), ProjectProcess.APPLICANT_GROUP);
        List<String> onIt = historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(task.getTaskDefinitionKey()).list().stream()
                .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getAssignee).filter(Objects::nonNull).toList();
        List<Person> result = new ArrayList<>();
        for (User user : identityService.createUserQuery().memberOfGroup(Roles.EXPERT).orderByUserId().asc().list()) {
            boolean conflicted = applicantGroup != null && identityService.createGroupQuery().groupMember(user.getId())
                    .groupId(String.valueOf(applicantGroup)).count() > 0;
            if (!conflicted && !user.getId().equals(declinedBy) && !onIt.contains(user.getId())
                    && (task.getTenantId() == null || currentUser.citiesOf(user.getId()).includes(task.getTenantId()))) {
                result.add(new Person(user.getId(), PersonName.of(user)));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ state

    /** What the current user may do with the task now (for the task page); refused like {@link WorkflowTasks#get}. */
    @Transactional(readOnly = true)
    public State state(String taskId) {
        Task task = tasks.allowedTask(taskId);
        String me = currentUser.requireId();
        boolean holder = me.equals(task.getAssignee());
        boolean pending = task.getDelegationState() == DelegationState.PENDING;
        boolean declined = declinedBy(task) != null;
        return new State(holder, pending && holder, pending ? displayName(task.getOwner()) : null, declined,
                holder && !pending && !groups(task).isEmpty(), holder && !pending,
                currentUser.hasRole(Roles.PROGRAMME_OFFICE) && !holder);
    }

    // ------------------------------------------------------------------ checks

    /** After a delegation came back, the task's owner is its former holder: it goes with the task. */
    private void clearOwner(Task task) {
        if (task.getOwner() != null) {
            taskService.setOwner(task.getId(), null);
        }
    }

    private static void requireHolder(Task task, String me) {
        if (!me.equals(task.getAssignee())) {
            throw new UserError("task.move.error.notHolder");
        }
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw new UserError("task.move.error.delegated");
        }
    }

    /** The target must be another user of one of the task's candidate groups, working in the task's city. */
    private void colleague(Task task, String target, String me, List<Problem> problems) {
        List<String> groups = groups(task);
        if (groups.isEmpty()) {
            problems.add(new Problem("task.move.error.noGroup"));
            return;
        }
        if (target == null || target.isBlank()) {
            problems.add(new Problem("task.move.error.chooseUser"));
            return;
        }
        if (target.equals(me)) {
            problems.add(new Problem("task.move.error.toSelf"));
            return;
        }
        boolean ok = groups.stream().anyMatch(group -> identityService.createUserQuery().userId(target)
                .memberOfGroup(group).count() > 0 && inCity(task, group, target));
        if (!ok) {
            problems.add(new Problem("task.move.error.notColleague", displayName(target)));
        }
    }

    /** An organisation's group works its own tasks wherever; a role's members only in their cities. */
    private boolean inCity(Task task, String group, String userId) {
        return Roles.isOrganisationGroup(group) || task.getTenantId() == null
                || currentUser.citiesOf(userId).includes(task.getTenantId());
    }

    /** The task's candidate groups: role groups, or the applicant organisation's group. */
    private List<String> groups(Task task) {
        return tasks.candidatesOf(task.getId()).stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .distinct().toList();
    }

    private List<String> candidateUsers(String taskId) {
        return tasks.candidatesOf(taskId).stream().map(IdentityLink::getUserId).filter(Objects::nonNull).toList();
    }

    private Object declinedBy(Task task) {
        return taskService.getVariableLocal(task.getId(), DECLINED_BY);
    }

    /** An open task of the caller's cities, whoever holds it (the office reminds any role's holder). */
    private Task openTaskOfMyCities(String taskId) {
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).active().singleResult();
        if (task == null) {
            throw new UserError("task.error.gone");
        }
        if (task.getTenantId() != null && !currentUser.cities().includes(task.getTenantId())) {
            throw new AccessDeniedException("task " + taskId + " is of another city");
        }
        return task;
    }

    private static void reason(String reason, boolean required, List<Problem> problems) {
        if (reason == null || reason.isBlank()) {
            if (required) {
                problems.add(new Problem("task.move.error.reason"));
            }
        } else if (reason.length() > MAX_REASON) {
            problems.add(new Problem("task.move.error.reasonTooLong", MAX_REASON));
        }
    }

    private void publish(Task task, TaskMoved.Move move, String actor, String target, String reason) {
        events.publishEvent(new TaskMoved(task.getProcessInstanceId(), task.getId(), task.getName(), move, actor, target,
                blankToNull(reason)));
    }

    /** The engine's move, as a platform step, without the user's engine authentication. */
    private void asPlatform(Runnable move) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            PlatformStep.run(move);
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }

    private String displayName(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? String.valueOf(userId) : PersonName.of(user);
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
