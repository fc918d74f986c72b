package cn.kexie.capability.application;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProcessMoves;
import cn.kexie.capability.workflow.ProcessMoves.Course;
import cn.kexie.capability.workflow.ProcessMoves.Step;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回 and 退回 on an application, each one transaction with the engine's move, recorded in the
 * dossier's history with who, when and why:
 * <ul>
 * <li>{@link #withdrawSubmission}: the applicant takes back its submitted 申报书 while formal review
 * has not started — the process waits in the office's first step (形式审查 / 材料初审 / 初审) or the
 * county's confirmation, nobody has claimed it or saved anything on it, and no formal review was ever
 * completed (after a return for correction the review had started). It goes back to the applicant's
 * 填写申报书 with its data, as a draft (submitted again within the call's deadline);
 * <li>{@link #withdrawStep}: the programme office takes back the step it completed last while the
 * step after it has not started (not claimed, nothing saved, nobody completed anything since); its
 * record in the history is marked withdrawn, the diagram's status of that step restored;
 * <li>{@link #returnTo}: the office returns the application, with a reason, to a human step the diagram
 * passed since its last barrier ({@link ProcessMoves}: never across a party or leading group decision,
 * a published notice or a payment): to the applicant for correction, to the panel for re-scoring …
 * The step starts again with its earlier data (the 申报书 and the experts' sheets are the dossier's,
 * the process variables stay).
 * </ul>
 * Each is refused, with the reason, where it does not apply; for another city or another
 * organisation like a missing application.
 */
@Service
public class ApplicationMoves {

    static final String WITHDRAWN = "applicationWithdrawn";
    static final String STEP_WITHDRAWN = "stepWithdrawn";
    static final String RETURNED = "returnedToStep";
    /** History steps of these moves; their comment reaches outsiders only where the applicant is addressed. */
    static final Set<String> STEPS = Set.of(WITHDRAWN, STEP_WITHDRAWN, RETURNED);
    static final int MAX_REASON = 500;
    /** Entries a person makes beside a step's own record: opening the application, the moves of tasks, these moves. */
    static final Set<String> NOT_A_STEPS_RECORD = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("created", WITHDRAWN, STEP_WITHDRAWN, RETURNED),
            DossierAccess.MOVE_STEPS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** The forms with which formal review has not yet started, while nobody has begun on them. */
    static final Set<String> BEFORE_FORMAL_REVIEW = Set.of(Forms.FORMAL_REVIEW, Forms.CONFIRMATION);

    private final ApplicationRepository repository;
    private final ProcessMoves process;
    private final CurrentUser currentUser;
    private final DossierAccess access;

    ApplicationMoves(ApplicationRepository repository, ProcessMoves process, CurrentUser currentUser, DossierAccess access) {
        this.repository = repository;
        this.process = process;
        this.currentUser = currentUser;
        this.access = access;
    }

    /** A step the office may return the application to. */
    public record Target(String activityId, String name) {
    }

    /** What the current user may do now; nothing for a user who may not. */
    public record Options(boolean withdrawSubmission, String withdrawableStep, List<Target> returnTargets) {
        static final Options NONE = new Options(false, null, List.of());

        public boolean any() {
            return withdrawSubmission || withdrawableStep != null || !returnTargets.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Options options(long applicationId) {
        Application app = repository.find(applicationId).orElse(null);
        if (app == null || app.processInstanceId() == null) {
            return Options.NONE;
        }
        if (currentUser.hasRole(Roles.APPLICANT) && access.isOwn(app)) {
            Course course = process.course(app.processInstanceId());
            return new Options(submissionProblem(course) == null, null, List.of());
        }
        if (isOfficeOf(app)) {
            Course course = process.course(app.processInstanceId());
            Step own = stepProblem(app.id(), course) == null ? course.last() : null;
            List<Target> targets = process.returnable(course).stream().map(s -> new Target(s.activityId(), s.name())).toList();
            return new Options(false, own == null ? null : own.name(), targets);
        }
        return Options.NONE;
    }

    /**
     * The office's earlier record of a step ({@code step} as the history names it) when the step was
     * withdrawn or returned to since: the step's form starts from it. Empty otherwise, and for a
     * reader who does not see the office's records.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ApplicationEvent> earlierRecord(long applicationId, String step) {
        Application app = repository.find(applicationId).orElse(null);
        if (app == null || !isOfficeOf(app)) {
            return java.util.Optional.empty();
        }
        ApplicationEvent earlier = null;
        boolean movedSince = false;
        for (ApplicationEvent e : repository.events(applicationId)) {
            if (step.equals(e.step())) {
                earlier = e;
                movedSince = false;
            } else if (earlier != null && (STEP_WITHDRAWN.equals(e.step()) || RETURNED.equals(e.step()))) {
                movedSince = true;
            }
        }
        return movedSince ? java.util.Optional.of(earlier) : java.util.Optional.empty();
    }

    // ------------------------------------------------------------------ 撤回 by the applicant

    @Transactional
    public void withdrawSubmission(long applicationId, String reason) {
        if (!currentUser.hasRole(Roles.APPLICANT)) {
            throw new UserError("moves.error.applicantOnly");
        }
        Application app = lock(applicationId);
        if (!access.isOwn(app)) {
            throw new AccessDeniedException("application.error.forbidden");
        }
        Course course = process.course(app.processInstanceId());
        List<Problem> problems = new ArrayList<>();
        reason(reason, problems);
        String problem = submissionProblem(course);
        if (problem != null) {
            problems.add(new Problem(problem));
        }
        UserError.throwIfAny(problems);
        Step submission = course.last();
        String me = currentUser.requireId();
        repository.markWithdrawn(app.id(), submission.assignee(), submission.started(), submission.ended(), NOT_A_STEPS_RECORD);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", names(course));
        data.put("toApplicant", true);
        // the move's entry first, then the status the diagram sets as the step starts again
        repository.addEvent(app.id(), me, WITHDRAWN, null, reason.trim(), data);
        process.moveTo(app.processInstanceId(), submission.activityId());
    }

    /** Why the applicant may not withdraw now (a text key), or null. */
    private static String submissionProblem(Course course) {
        Step last = course.last();
        if (!course.completedForm(Forms.APPLICATION) || course.open().isEmpty() || course.hasOpenForm(Forms.APPLICATION)) {
            return "moves.error.notSubmitted";
        }
        // anybody's completed step since the submission (a formal review, the county's stamp), a claimed
        // or saved task, a task beyond the first review: formal review has started
        if (!Forms.APPLICATION.equals(last.formKey()) || course.completedForm(Forms.FORMAL_REVIEW) || !course.allUntouched()
                || !course.open().stream().allMatch(o -> BEFORE_FORMAL_REVIEW.contains(o.formKey()))) {
            return "moves.error.reviewStarted";
        }
        return null;
    }

    // ------------------------------------------------------------------ 撤回 by the office

    @Transactional
    public void withdrawStep(long applicationId, String reason) {
        Application app = requireOffice(applicationId);
        Course course = process.course(app.processInstanceId());
        List<Problem> problems = new ArrayList<>();
        reason(reason, problems);
        String problem = stepProblem(app.id(), course);
        if (problem != null) {
            problems.add(new Problem(problem));
        }
        UserError.throwIfAny(problems);
        Step step = course.last();
        String statusBefore = app.status();
        repository.markWithdrawn(app.id(), step.assignee(), step.started(), step.ended(), NOT_A_STEPS_RECORD);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", step.name());
        data.put("cancelled", names(course));
        repository.addEvent(app.id(), currentUser.requireId(), STEP_WITHDRAWN, shortName(step.name()), reason.trim(), data);
        process.moveTo(app.processInstanceId(), step.activityId());
        restoreStatus(app, statusBefore, step);
    }

    /** Why the office may not withdraw its last step now (a text key), or null. */
    private String stepProblem(long applicationId, Course course) {
        Step last = course.last();
        if (last == null || !currentUser.requireId().equals(last.assignee())) {
            return "moves.error.notYourLastStep";
        }
        if (course.barrierAfterLastStep() || course.sinceBarrier().stream().noneMatch(s -> s.taskId().equals(last.taskId()))) {
            return "moves.error.pastBarrier";
        }
        if (course.movedSinceLast()) {
            return "moves.error.alreadyMoved";
        }
        if (!course.allUntouched()) {
            return "moves.error.nextStarted";
        }
        // the applicant has begun on its correction: its saved 申报书 or files since the step are data on the next step
        if (course.hasOpenForm(Forms.APPLICATION) && repository.changedAfter(applicationId, last.ended())) {
            return "moves.error.nextStarted";
        }
        return null;
    }

    // ------------------------------------------------------------------ 退回 by the office

    @Transactional
    public void returnTo(long applicationId, String activityId, String reason) {
        Application app = requireOffice(applicationId);
        Course course = process.course(app.processInstanceId());
        List<Problem> problems = new ArrayList<>();
        reason(reason, problems);
        Step target = process.returnable(course).stream().filter(s -> s.activityId().equals(activityId)).findFirst()
                .orElse(null);
        if (target == null) {
            problems.add(new Problem(course.open().isEmpty() ? "moves.error.notRunning" : "moves.error.notReturnable"));
        }
        UserError.throwIfAny(problems);
        String statusBefore = app.status();
        boolean toApplicant = Forms.APPLICATION.equals(target.formKey());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", target.name());
        data.put("cancelled", names(course));
        data.put("toApplicant", toApplicant);
        repository.addEvent(app.id(), currentUser.requireId(), RETURNED, shortName(target.name()), reason.trim(), data);
        process.moveTo(app.processInstanceId(), target.activityId());
        if (toApplicant) {
            // the 申报书 comes back for correction (not as a new draft: no deadline of the call applies)
            repository.setStatus(app.id(), ApplicationStatus.RETURNED.name());
            repository.addEvent(app.id(), null, "status", ApplicationStatus.RETURNED.name(), null, null);
        } else {
            restoreStatus(app, statusBefore, target);
        }
    }

    // ------------------------------------------------------------------ checks

    private boolean isOfficeOf(Application app) {
        return currentUser.hasRole(Roles.PROGRAMME_OFFICE) && currentUser.cities().includes(app.cityCode());
    }

    /** The application for a move of the office of its city; refused like a missing one otherwise. */
    private Application requireOffice(long applicationId) {
        if (!currentUser.hasRole(Roles.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("only the programme office withdraws or returns steps");
        }
        Application app = lock(applicationId);
        if (!currentUser.cities().includes(app.cityCode())) {
            throw new AccessDeniedException("application.error.forbidden");
        }
        return app;
    }

    private Application lock(long applicationId) {
        return repository.lockAndFind(applicationId)
                .orElseThrow(() -> new UserError("application.error.notFound", applicationId));
    }

    /**
     * The step started again with its own listener, which set the diagram's status of that step; a step
     * without one (the panel's scoring) gets back the status the application had when it began.
     */
    private void restoreStatus(Application app, String statusBefore, Step step) {
        if (process.startsWithListener(app.processInstanceId(), step.activityId())) {
            return;
        }
        repository.statusAt(app.id(), step.started()).filter(status -> !status.equals(statusBefore)).ifPresent(status -> {
            repository.setStatus(app.id(), status);
            repository.addEvent(app.id(), null, "status", status, null, null);
        });
    }

    private static void reason(String reason, List<Problem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("moves.error.reason"));
        } else if (reason.trim().length() > MAX_REASON) {
            problems.add(new Problem("moves.error.reasonTooLong", MAX_REASON));
        }
    }

    private static String names(Course course) {
        return String.join("、", course.open().stream().map(ProcessMoves.Open::name).distinct().toList());
    }

    /** The history's outcome column holds 40 characters. */
    private static String shortName(String name) {
        return name == null ? null : name.length() > 40 ? name.substring(0, 40) : name;
    }
}
