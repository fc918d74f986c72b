package cn.kexie.capability.approval;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.workflow.BatchSteps;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量审批: a meeting body (党组, 领导小组) decides several listed items of one step at once — one
 * decision, one meeting, one comment (审批意见) — where the diagram marks the step for it
 * ({@link BatchSteps}). Each item is decided through the same path as a single decision
 * ({@link ApprovalService#decide}), in a transaction of its own: its own platform step, its own history
 * entry, its own ledger entry. The result is per item: done, or refused with its reason (another step,
 * not the user's task, already done, a step without batch decisions, or whatever the single decision
 * refuses); a refused item leaves nothing of itself, and the others stand. What the decision itself
 * lacks (the meeting, a reason for not approving) refuses the whole batch before any item.
 */
@Service
class BatchApprovalService {

    /** At most so many items in one batch. */
    static final int MAX_ITEMS = 200;

    private final ApprovalService approvals;
    private final WorkflowTasks tasks;
    private final BatchSteps batchSteps;
    private final TransactionTemplate eachItem;

    BatchApprovalService(ApprovalService approvals, WorkflowTasks tasks, BatchSteps batchSteps,
            PlatformTransactionManager transactions) {
        this.approvals = approvals;
        this.tasks = tasks;
        this.batchSteps = batchSteps;
        this.eachItem = new TransactionTemplate(transactions);
        this.eachItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One item's result: done, or refused with the problems that refused it. */
    public record ItemResult(String taskId, String number, boolean done, List<Problem> refusals) {
    }

    /** Decides each task with the one decision; see the class comment for what is refused. */
    public List<ItemResult> decide(List<String> taskIds, ApprovalService.Approval approval) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw new UserError("approval.batch.error.none");
        }
        if (taskIds.size() > MAX_ITEMS) {
            throw new UserError("approval.batch.error.tooMany", MAX_ITEMS);
        }
        if (approval == null) {
            throw UserError.at(ApprovalService.DECISION, "form.approval.chooseDecision");
        }
        UserError.throwIfAny(ApprovalService.commonProblems(approval));
        List<ItemResult> results = new ArrayList<>();
        String[] step = new String[2]; // the batch's step: its definition key and name, from the first item that is the user's
        for (String taskId : new LinkedHashSet<>(taskIds)) {
            results.add(decideOne(taskId, approval, step));
        }
        return results;
    }

    private ItemResult decideOne(String taskId, ApprovalService.Approval approval, String[] step) {
        String[] number = new String[1];
        try {
            eachItem.executeWithoutResult(status -> {
                WorkItem task = tasks.get(taskId);
                number[0] = task.businessKey();
                if (!batchSteps.allows(tasks.processDefinitionOf(taskId), task.taskDefinitionKey())) {
                    throw new UserError("approval.batch.error.notBatchStep", task.name());
                }
                if (step[0] == null) {
                    step[0] = task.taskDefinitionKey();
                    step[1] = task.name();
                } else if (!step[0].equals(task.taskDefinitionKey())) {
                    throw new UserError("approval.batch.error.otherStep", task.name(), step[1]);
                }
                approvals.decide(taskId, approval);
            });
            return new ItemResult(taskId, number[0], true, List.of());
        } catch (UserError refused) {
            return new ItemResult(taskId, number[0], false, refused.problems());
        } catch (AccessDeniedException denied) {
            return new ItemResult(taskId, number[0], false, List.of(new Problem("approval.batch.error.notYours")));
        }
    }
}
