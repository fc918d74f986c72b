package cn.kexie.capability.workflow;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task list's engine side: what a user may see and work on, claiming, and completing. A user
 * works on a task assigned to it, or offered to one of its groups (an applicant's organisation
 * group included); everything else is refused whatever task id is sent.
 */
@Service
public class WorkflowTasks {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;

    WorkflowTasks(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
            CurrentUser currentUser) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    /** Which tasks: assigned to me, or offered to my groups and not yet claimed. */
    public enum Scope { MINE, GROUPS }

    @Transactional(readOnly = true)
    public List<WorkItem> list(Scope scope, int offset, int limit) {
        List<Task> tasks = query(scope).orderByDueDate().asc().orderByTaskCreateTime().asc()
                .initializeFormKeys().listPage(offset, limit);
        // two queries for the whole page, not two per task
        String[] instances = tasks.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                .distinct().toArray(String[]::new);
        Map<String, String> businessKeys = new java.util.HashMap<>();
        Map<String, Long> applicationIds = new java.util.HashMap<>();
        if (instances.length > 0) {
            runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(instances)).list()
                    .forEach(pi -> businessKeys.put(pi.getId(), pi.getBusinessKey()));
            runtimeService.createVariableInstanceQuery().variableName(ProjectProcess.APPLICATION_ID)
                    .processInstanceIdIn(instances).list()
                    .forEach(v -> {
                        if (v.getValue() instanceof Number n && v.getExecutionId().equals(v.getProcessInstanceId())) {
                            applicationIds.put(v.getProcessInstanceId(), n.longValue());
                        }
                    });
        }
        return tasks.stream().map(t -> item(t, businessKeys.get(t.getProcessInstanceId()),
                applicationIds.get(t.getProcessInstanceId()))).toList();
    }

    @Transactional(readOnly = true)
    public long count(Scope scope) {
        return query(scope).count();
    }

    /** My tasks and my groups' unclaimed tasks whose due date has passed. */
    @Transactional(readOnly = true)
    public long countOverdue() {
        java.util.Date now = java.util.Date.from(cn.kexie.capability.common.PlatformClock.now());
        return query(Scope.MINE).dueBefore(now).count() + query(Scope.GROUPS).dueBefore(now).count();
    }

    private TaskQuery query(Scope scope) {
        String user = currentUser.requireId();
        TaskQuery query = taskService.createTaskQuery().active();
        if (scope == Scope.MINE) {
            return query.taskAssignee(user);
        }
        List<String> groups = groupsOf(user);
        if (groups.isEmpty()) {
            return query.taskId("-none-");
        }
        return query.taskCandidateGroupIn(groups).taskUnassigned();
    }

    /** The open tasks of a process instance that the current user may work on (for a dossier's page). */
    @Transactional(readOnly = true)
    public List<WorkItem> openTasksOf(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        String user = currentUser.requireId();
        List<String> groups = groupsOf(user);
        List<WorkItem> result = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).active()
                .initializeFormKeys().list()) {
            boolean mine = user.equals(task.getAssignee());
            boolean offered = task.getAssignee() == null && taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(IdentityLink::getGroupId).anyMatch(groups::contains);
            if (mine || offered) {
                result.add(item(task));
            }
        }
        return result;
    }

    /** The task, if the current user may work on it. */
    @Transactional(readOnly = true)
    public WorkItem get(String taskId) {
        Task task = requireAllowed(taskId);
        return item(task);
    }

    @Transactional
    public void claim(String taskId) {
        Task task = requireAllowed(taskId);
        String user = currentUser.requireId();
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new UserError("task.error.claimedByOther", displayName(task.getAssignee()));
        }
        if (task.getAssignee() == null) {
            taskService.claim(taskId, user);
        }
    }

    @Transactional
    public void unclaim(String taskId) {
        Task task = requireAllowed(taskId);
        if (currentUser.requireId().equals(task.getAssignee())) {
            taskService.setAssignee(taskId, null);
        }
    }

    /**
     * Completes the task as the current user (claiming it if it was only offered). Call it inside
     * the transaction that writes the step's domain data, so both commit together or not at all.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> variables) {
        claim(taskId);
        taskService.complete(taskId, variables);
    }

    /** The process variable of the task's process instance. */
    @Transactional(readOnly = true)
    public Object variable(String taskId, String name) {
        Task task = requireAllowed(taskId);
        return runtimeService.getVariable(task.getExecutionId(), name);
    }

    Task requireAllowed(String taskId) {
        String user = currentUser.requireId();
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            throw new UserError("task.error.gone");
        }
        if (user.equals(task.getAssignee())) {
            return task;
        }
        List<String> groups = groupsOf(user);
        boolean offered = taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .anyMatch(groups::contains);
        if (!offered) {
            throw new AccessDeniedException("task " + taskId + " is not for " + user);
        }
        return task;
    }

    /** Role groups and the organisation group of the user. */
    List<String> groupsOf(String userId) {
        List<String> groups = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groups.add(group.getId());
        }
        // an expert's organisation membership only records affiliation (for 回避), it offers no applicant tasks
        if (!groups.contains(Roles.APPLICANT)) {
            groups.removeIf(Roles::isOrganisationGroup);
        }
        return groups;
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
        return new WorkItem(task.getId(), task.getName(), task.getFormKey(), task.getAssignee(), task.getCreateTime(),
                task.getDueDate(), task.getProcessInstanceId(), businessKey, applicationId, task.getTaskDefinitionKey());
    }
}
