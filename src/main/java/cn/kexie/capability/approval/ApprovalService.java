package cn.kexie.capability.approval;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.evaluation.EvaluationService;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.programme.ProgrammeCatalogue;
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
    private final ProgrammeCatalogue catalogue;

    ApprovalService(ApplicationService applications, WorkflowTasks tasks, EvaluationService evaluation,
            FundingLedger ledger, ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
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

    /** The candidates the list leaves out, for a list's approval; none for a single application's. */
    public List<EvaluationService.Candidate> leftOutOf(String taskId) {
        return tasks.get(taskId).applicationId() == null ? evaluation.leftOutOfTask(taskId) : List.of();
    }

    /**
     * The decision: approved or not, the meeting (of the first body, where the catalogue names several)
     * and, for each further body the programme's catalogue names, that body's meeting.
     */
    public record Approval(boolean approved, LocalDate meetingDate, String minutesReference, String comment,
            List<Meeting> otherBodies) {

        public Approval(boolean approved, LocalDate meetingDate, String minutesReference, String comment) {
            this(approved, meetingDate, minutesReference, comment, List.of());
        }
    }

    /** One body's meeting that decided (e.g. CHAIRPERSONS_MEETING 市科协主席会). */
    public record Meeting(String body, LocalDate date, String minutesReference) {
    }

    /**
     * The bodies whose meetings decide this step, in order, as the programme's catalogue names them
     * (Lianyungang: the leading group and the chairpersons' meeting); empty: the step's group alone.
     */
    @Transactional(readOnly = true)
    public List<String> bodies(String taskId) {
        Object programme = tasks.variable(taskId, ProjectProcess.PROGRAMME);
        return programme == null ? List.of() : catalogue.approvingBodies(String.valueOf(programme));
    }

    @Transactional
    public void decide(String taskId, Approval approval) {
        WorkItem task = tasks.get(taskId);
        List<Problem> problems = new ArrayList<>();
        List<String> bodies = bodies(taskId);
        checkMeeting(approval.meetingDate(), approval.minutesReference(), bodies.isEmpty() ? null : bodies.get(0), "", problems);
        List<Meeting> others = approval.otherBodies() == null ? List.of() : approval.otherBodies();
        List<Map<String, Object>> meetings = new ArrayList<>();
        if (!bodies.isEmpty()) {
            meetings.add(meeting(bodies.get(0), approval.meetingDate(), approval.minutesReference()));
        }
        for (String body : bodies.stream().skip(1).toList()) {
            Meeting m = others.stream().filter(o -> body.equals(o.body())).findFirst().orElse(new Meeting(body, null, null));
            checkMeeting(m.date(), m.minutesReference(), body, ":" + body, problems);
            meetings.add(meeting(body, m.date(), m.minutesReference()));
        }
        if (!approval.approved() && (approval.comment() == null || approval.comment().isBlank())) {
            problems.add(new Problem("approval.error.reasonRequired").at(COMMENT));
        }
        if (approval.comment() != null && approval.comment().length() > 4000) {
            problems.add(new Problem("approval.error.commentLength").at(COMMENT));
        }
        UserError.throwIfAny(problems);
        String outcome = approval.approved() ? ProjectProcess.PASS : ProjectProcess.REJECT;
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("meetingDate", approval.meetingDate().toString());
        data.put("minutes", approval.minutesReference().trim());
        if (!meetings.isEmpty()) {
            // each body's approval on record (领导小组和市科协主席会研究审定)
            data.put("bodies", meetings);
        }
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

    /**
     * What a decision needs whichever item it decides: the meeting (of the step's group or the first
     * body), and a reason when not approving. A batch checks it once, before any item.
     */
    static List<Problem> commonProblems(Approval approval) {
        List<Problem> problems = new ArrayList<>();
        checkMeeting(approval.meetingDate(), approval.minutesReference(), null, "", problems);
        if (!approval.approved() && (approval.comment() == null || approval.comment().isBlank())) {
            problems.add(new Problem("approval.error.reasonRequired").at(COMMENT));
        }
        if (approval.comment() != null && approval.comment().length() > 4000) {
            problems.add(new Problem("approval.error.commentLength").at(COMMENT));
        }
        return problems;
    }

    /**
     * The meeting's date and minutes, as a problem naming the body (where the catalogue names bodies),
     * at the fields {@link #MEETING_DATE} and {@link #MINUTES} ({@code fieldSuffix} {@code :BODY} for
     * a further body's meeting).
     */
    private static void checkMeeting(LocalDate date, String minutes, String body, String fieldSuffix, List<Problem> problems) {
        String suffix = body == null ? "" : "Of";
        Object[] named = body == null ? new Object[0] : new Object[] {"approval.body." + body};
        if (date == null) {
            problems.add(new Problem("approval.error.meetingDate" + suffix, named).at(MEETING_DATE + fieldSuffix));
        } else if (date.isAfter(PlatformClock.today())) {
            problems.add(new Problem("approval.error.meetingInFuture" + suffix, named).at(MEETING_DATE + fieldSuffix));
        } else if (date.getYear() < 2000) {
            problems.add(new Problem("approval.error.meetingTooEarly" + suffix, named).at(MEETING_DATE + fieldSuffix));
        }
        if (minutes == null || minutes.isBlank() || minutes.length() > 100) {
            problems.add(new Problem("approval.error.minutes" + suffix, named).at(MINUTES + fieldSuffix));
        }
    }

    /** The fields a refused decision names (see {@link UserError.Problem#field()}). */
    static final String DECISION = "decision";
    static final String MEETING_DATE = "meetingDate";
    static final String MINUTES = "minutes";
    static final String COMMENT = "comment";

    private static Map<String, Object> meeting(String body, LocalDate date, String minutes) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("body", body);
        m.put("meetingDate", date == null ? null : date.toString());
        m.put("minutes", minutes == null ? null : minutes.trim());
        return m;
    }
}
