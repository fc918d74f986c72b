package cn.kexie.capability.workflow;

import cn.kexie.capability.security.Roles;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Only a candidate becomes assignee: whoever claims or is given a task must be one of its candidate
 * users or a member of one of its candidate groups (an organisation's group counts for that
 * organisation's applicants only, not for an expert affiliated with it). The assignment the diagram
 * makes when the task is created (a drawn expert) stands; a task the diagram assigned that way has
 * no candidates, so nobody else can take it over. Attached to every user task of every diagram at
 * deployment, as a built-in listener that no deployment can leave out.
 */
final class CandidateAssignmentRule implements TaskListener {

    /** The state a task is in when a command changes it after its creation ({@code TaskEntity.TaskState.STATE_UPDATED}). */
    private static final String UPDATED = "Updated";

    static final String MESSAGE = "只能交给该任务的候选人办理 / Only a candidate of this task can be made its assignee";

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null || !(task instanceof TaskEntity entity)
                || !UPDATED.equals(entity.getTaskState())) {
            return;
        }
        if (!isCandidate(assignee, task.getCandidates())) {
            throw new AuthorizationException(MESSAGE);
        }
    }

    static boolean isCandidate(String userId, Set<IdentityLink> candidates) {
        List<String> groups = groupsOf(userId);
        boolean applicant = groups.contains(Roles.APPLICANT);
        for (IdentityLink link : candidates) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (userId.equals(link.getUserId())) {
                return true;
            }
            String group = link.getGroupId();
            if (group != null && groups.contains(group) && (applicant || !Roles.isOrganisationGroup(group))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user's groups: those the command runs with when the user claims for itself (the platform
     * read them for this request), else from the identity store.
     */
    private static List<String> groupsOf(String userId) {
        var authentication = Context.getCommandContext().getAuthentication();
        if (authentication != null && userId.equals(authentication.getUserId())
                && authentication.getGroupIds() != null && !authentication.getGroupIds().isEmpty()) {
            return authentication.getGroupIds();
        }
        return Context.getCommandContext().getReadOnlyIdentityProvider().createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /** Adds the rule to every user task when a diagram is deployed. */
    static final class OnEveryUserTask extends AbstractBpmnParseListener {

        private final CandidateAssignmentRule rule = new CandidateAssignmentRule();

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, rule);
            }
        }
    }
}
