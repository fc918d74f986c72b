package cn.kexie.capability.workflow;

import cn.kexie.capability.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine's last word on who moves a workflow on. Engine authorizations decide what each role
 * may read and touch; on top of them, a logged-in user's command that changes the course of a
 * workflow — completing, claiming, assigning or delegating a task, correlating a message, sending a
 * signal, modifying or restarting an instance, writing variables — runs only inside a platform step,
 * which has checked the role, the rules and written the step's record first. Through Tasklist, the
 * webapps' engine API or REST it is refused with 403, even for a user who may work the task.
 * Administrators may repair a workflow (messages, modification, variables) but move no task outside
 * the platform either: a completion would miss the step's record, and claims, assignments and
 * delegations are the platform's moves, which check the candidates. The job executor and the
 * platform's own code run without a logged-in user and are not concerned.
 */
final class WorkflowCourseGuard extends CommandInterceptor {

    static final String MESSAGE = "请在平台的任务页面办理：流程的推进只能由平台的办理步骤完成 / "
            + "Work on this in the platform: only its steps move a workflow on";

    private static final List<Class<?>> COURSE_CHANGING = List.of(
            CompleteTaskCmd.class, SubmitTaskFormCmd.class, ClaimTaskCmd.class, DelegateTaskCmd.class,
            ResolveTaskCmd.class, AbstractSetTaskPropertyCmd.class, SaveTaskCmd.class, DeleteTaskCmd.class,
            HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
            AbstractCorrelateMessageCmd.class, CorrelateMessageCmd.class, CorrelateAllMessageCmd.class,
            MessageEventReceivedCmd.class, SignalCmd.class, SignalEventReceivedCmd.class,
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
            ProcessInstanceModificationBatchCmd.class, AbstractProcessInstanceModificationCommand.class,
            AbstractRestartProcessInstanceCmd.class,
            AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class);

    private final IdentityServiceSource identity;

    WorkflowCourseGuard(IdentityServiceSource identity) {
        this.identity = identity;
    }

    /** The engine's identity service, known only once the engine is built. */
    interface IdentityServiceSource {
        IdentityService get();
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!PlatformStep.inProgress() && changesCourse(command)) {
            Authentication authentication = identity.get().getCurrentAuthentication();
            if (authentication != null && authentication.getUserId() != null
                    && (movesTask(command) || !isAdministrator(authentication))) {
                throw new AuthorizationException(MESSAGE);
            }
        }
        return next.execute(command);
    }

    /** Completing, claiming, assigning or delegating a task: for everyone, the platform's business. */
    static boolean movesTask(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                || command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd
                || command instanceof ResolveTaskCmd || command instanceof AbstractSetTaskPropertyCmd;
    }

    static boolean changesCourse(Command<?> command) {
        for (Class<?> type : COURSE_CHANGING) {
            if (type.isInstance(command)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAdministrator(Authentication authentication) {
        return authentication.getGroupIds() != null && authentication.getGroupIds().contains(Roles.ADMIN);
    }
}
