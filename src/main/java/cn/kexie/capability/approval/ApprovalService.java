package cn.kexie.capability.approval;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.evaluation.EvaluationService;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval by a body that meets (党组研究同意, 领导小组审定): approve or not, with the meeting's
 * date and the minutes' reference. Who may approve is the task's candidate group. Approving sets each
 * project's approved amount (核定金额) to what the office proposed in its step before (see {@link FundingLedger}).
 */
@Service
public class ApprovalService {

    private final ApplicationService applications;
    private final WorkflowTasks tasks;
    private final EvaluationService evaluation;
    private final FundingLedger ledger;

    ApprovalService(ApplicationService applications, WorkflowTasks tasks, EvaluationService evaluation,
            FundingLedger ledger) {
        this.applications = applications;
        this.tasks = tasks;
        this.evaluation = evaluation;
        this.ledger = ledger;
    }

    /** The approved amount the office proposes for a project of the decision, as the group sees it. */
    @Transactional
    public FundingLedger.Proposal proposal(long applicationId) {
        return ledger.proposal(applicationId);
    }

    /** For a call-level approval (a list, not one application): the projects on the list. */
    @Transactional(readOnly = true)
    public List<EvaluationService.Candidate> listOf(String taskId) {
        return tasks.get(taskId).applicationId() == null ? evaluation.selectionOfTask(taskId) : List.of();
    }

    public record Approval(boolean approved, LocalDate meetingDate, String minutesReference, String comment) {
    }

    @Transactional
    public void decide(String taskId, Approval approval) {
        WorkItem task = tasks.get(taskId);
        List<Problem> problems = new ArrayList<>();
        if (approval.meetingDate() == null) {
            problems.add(new Problem("approval.error.meetingDate"));
        } else if (approval.meetingDate().isAfter(PlatformClock.today())) {
            problems.add(new Problem("approval.error.meetingInFuture"));
        } else if (approval.meetingDate().getYear() < 2000) {
            problems.add(new Problem("approval.error.meetingTooEarly"));
        }
        if (approval.minutesReference() == null || approval.minutesReference().isBlank()
                || approval.minutesReference().length() > 100) {
            problems.add(new Problem("approval.error.minutes"));
        }
        if (!approval.approved() && (approval.comment() == null || approval.comment().isBlank())) {
            problems.add(new Problem("approval.error.reasonRequired"));
        }
        if (approval.comment() != null && approval.comment().length() > 4000) {
            problems.add(new Problem("approval.error.commentLength"));
        }
        UserError.throwIfAny(problems);
        String outcome = approval.approved() ? ProjectProcess.PASS : ProjectProcess.REJECT;
        Map<String, Object> data = Map.of("meetingDate", approval.meetingDate().toString(),
                "minutes", approval.minutesReference().trim());
        List<Long> decided = task.applicationId() != null ? List.of(task.applicationId())
                // a list approved together: each project's dossier records the decision
                : evaluation.selectionOfTask(taskId).stream().map(EvaluationService.Candidate::applicationId).toList();
        for (Long applicationId : decided) {
            applications.record(applicationId, task.taskDefinitionKey(), outcome, approval.comment(), data);
            if (approval.approved()) {
                // approved with the amount the office proposed (an award's catalogue amount): the 核定金额
                ledger.approve(applicationId, approval.meetingDate(), approval.minutesReference().trim());
            }
        }
        tasks.complete(taskId, Map.of(ProjectProcess.OUTCOME, outcome));
    }
}
