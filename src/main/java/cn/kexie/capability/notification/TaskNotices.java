package cn.kexie.capability.notification;

import cn.kexie.capability.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells people of the tasks the engine gives them, in the engine's own transaction: every user task
 * of every diagram gets a create and an assignment listener (a parse listener adds them, so no
 * diagram names them). A task created without an assignee is offered to its candidate groups (one
 * notification per group, read by its members in the task's city); a task that gets an assignee
 * other than the person acting (an expert's sheet, a transfer, a delegation) is announced to that
 * assignee. Claiming a task oneself announces nothing, and neither does the first task of a process
 * a user has just started, offered to a group of his own: an applicant who opens a draft is at its
 * 申报书 already, and is not told of it.
 */
@Component
class TaskNotices extends AbstractProcessEnginePlugin {

    static final String TASK_LINK = "tasks/";

    private final ObjectProvider<NotificationWriter> writer;
    private final ObjectProvider<CurrentUser> currentUser;

    TaskNotices(ObjectProvider<NotificationWriter> writer, ObjectProvider<CurrentUser> currentUser) {
        this.writer = writer;
        this.currentUser = currentUser;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener created = this::created;
        TaskListener assigned = this::assigned;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigned);
                }
            }
        });
    }

    void created(DelegateTask task) {
        if (task.getAssignee() != null) {
            return; // the assignment listener announces it
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).distinct().toList();
        if (startedJustNowBy(task, groups)) {
            return;
        }
        for (String group : groups) {
            writer.getObject().write(NotificationWriter.Recipient.group(group, task.getTenantId()),
                    content(task, NotificationKind.TASK_OFFERED, "notification.taskOffered"));
        }
    }

    void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null || assignee.equals(currentUser.getObject().id().orElse(null))) {
            return;
        }
        writer.getObject().write(NotificationWriter.Recipient.user(assignee),
                content(task, NotificationKind.TASK_ASSIGNED, "notification.taskAssigned"));
    }

    /**
     * Whether the task's process instance was started in this very engine command by the user acting,
     * who is one of the groups offered the task: the process is still to be inserted when its first
     * task is created.
     */
    private boolean startedJustNowBy(DelegateTask task, List<String> groups) {
        String me = currentUser.getObject().id().orElse(null);
        if (me == null || !(task.getExecution() instanceof ExecutionEntity execution)
                || org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null) {
            return false;
        }
        ExecutionEntity instance = execution.getProcessInstance();
        boolean startedNow = instance != null && org.camunda.bpm.engine.impl.context.Context.getCommandContext()
                .getDbEntityManager().getDbEntityCache().isTransient(instance);
        CurrentUser user = currentUser.getObject();
        // an applicant starts a process for his own organisation only (ApplicationService#start), so an
        // organisation's group offered the first task is his: no query for his membership
        return startedNow && groups.stream().anyMatch(group -> user.hasRole(group)
                || cn.kexie.capability.security.Roles.isOrganisationGroup(group)
                        && user.hasRole(cn.kexie.capability.security.Roles.APPLICANT));
    }

    private static NotificationWriter.Content content(DelegateTask task, NotificationKind kind, String key) {
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        return new NotificationWriter.Content(kind, key, List.of(task.getName() == null ? "" : task.getName(),
                NotificationWriter.inBrackets(businessKey)), TASK_LINK + task.getId(), task.getId(),
                task.getProcessInstanceId(), businessKey);
    }
}
