package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.calendar.WorkingDays;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.expert.ExpertPool;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskMoves;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 随机抽取: the programme office of the application's city draws the panel at random from the expert
 * pool — active experts serving the city, of the specialties asked for (any, when none) — leaving
 * out who must stand aside (回避: a member of the applicant's organisation group, or affiliated with
 * the applicant organisation in the pool); and replaces an expert who declined, or who is overdue by
 * the review rules' {@link ReviewRules#replaceOverdueDays} working days, by drawing again with the
 * same criteria among those not drawn for the application before.
 *
 * <p>Overdue experts are replaced by the office's action, not by a timer: a timer would take the
 * sheet from an expert who is about to submit, where the office can ask first (催办) and replace
 * when it decides; and a boundary timer on the panel's multi-instance would change both project
 * diagrams. The task's due date stays the diagram's; the dossier shows the office when an expert is
 * late enough to be replaced.
 *
 * <p>The random source is a bean ({@link RandomGenerator}, a {@link java.security.SecureRandom}), so a
 * test may give its own; the draw itself is {@link #pick}, a plain function of the sorted candidates.
 */
@Service
public class PanelDraw {

    private final ReviewService reviews;
    private final ApplicationService applications;
    private final WorkflowTasks tasks;
    private final TaskMoves moves;
    private final ExpertPool pool;
    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final RandomGenerator random;

    PanelDraw(ReviewService reviews, ApplicationService applications, WorkflowTasks tasks, TaskMoves moves,
            ExpertPool pool, CurrentUser currentUser, IdentityService identityService, TaskService taskService,
            JdbcClient jdbc, WorkingDays workingDays, PanelRandom random) {
        this.reviews = reviews;
        this.applications = applications;
        this.tasks = tasks;
        this.moves = moves;
        this.pool = pool;
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.random = random.generator();
    }

    /** The random source of the draws: a bean of its own, so that it can be replaced. */
    @org.springframework.stereotype.Component
    static class PanelRandom {
        private final RandomGenerator generator = new java.security.SecureRandom();

        RandomGenerator generator() {
            return generator;
        }
    }

    // ------------------------------------------------------------------ the draw

    /**
     * Draws {@code size} experts at random for the assign-panel task and completes it (as {@link
     * ReviewService#assignPanel} does, recording the method and the criteria). Too few eligible: a
     * {@link UserError} saying how many there are, nothing saved.
     */
    @Transactional
    public List<String> draw(String taskId, int size, Collection<String> specialties) {
        requireOffice();
        WorkItem task = tasks.get(taskId);
        if (!ProjectProcess.Forms.ASSIGN_PANEL.equals(task.formKey())) {
            throw new UserError("task.error.gone");
        }
        Application app = applications.get(task.applicationId());
        ReviewRules rules = reviews.rules(app);
        if (!rules.panelSizeAllowed(size)) {
            throw new UserError("review.error.panelSize", rules.minPanel(), rules.maxPanel());
        }
        List<String> criteria = criteria(specialties);
        List<String> eligible = eligible(app, criteria, Set.of());
        if (eligible.size() < size) {
            throw new UserError("review.draw.error.tooFew", size, eligible.size());
        }
        List<String> drawn = pick(eligible, size, random);
        reviews.assignPanel(taskId, drawn, ReviewService.PanelMethod.RANDOM, criteria);
        return drawn;
    }

    /** How many experts a draw with these criteria could take for the application now (for the form). */
    @Transactional(readOnly = true)
    public int eligibleCount(long applicationId, Collection<String> specialties) {
        requireOffice();
        return eligible(applications.get(applicationId), criteria(specialties), Set.of()).size();
    }

    /** The pool's specialties in the caller's cities, for the draw's criteria. */
    @Transactional(readOnly = true)
    public List<String> specialties() {
        requireOffice();
        return pool.specialties();
    }

    /**
     * {@code size} of the candidates, at random: the candidates sorted (so that the same source gives
     * the same draw), then a partial Fisher–Yates shuffle.
     */
    static List<String> pick(Collection<String> candidates, int size, RandomGenerator random) {
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(candidates));
        if (size > sorted.size()) {
            throw new IllegalArgumentException("drawing " + size + " of " + sorted.size());
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(sorted.size() - i);
            java.util.Collections.swap(sorted, i, j);
        }
        return List.copyOf(sorted.subList(0, size));
    }

    // ------------------------------------------------------------------ replacement

    /**
     * Draws a replacement for an expert who declined the scoring task (or was taken off it, {@link
     * #replaceOverdue}): the same criteria as the panel's draw, among experts never drawn for the
     * application and not on its panel now; the task goes to the one drawn ({@link TaskMoves#replace}).
     */
    @Transactional
    public String redraw(String taskId, String reason) {
        requireOffice();
        Task task = scoringTask(taskId);
        Object declinedBy = asPlatform(() -> taskService.getVariableLocal(task.getId(), TaskMoves.DECLINED_BY));
        if (declinedBy == null) {
            throw new UserError("review.draw.error.notDeclined");
        }
        Application app = applicationOf(task);
        List<String> criteria = panelCriteria(app.id());
        Set<String> exclude = new HashSet<>(jdbc.sql("select expert_id from panel_draw where application_id = ?")
                .param(app.id()).query(String.class).list());
        exclude.add(String.valueOf(declinedBy));
        // and whoever holds or held a scoring task of the application (a replacement named by hand)
        Set<String> takers = new HashSet<>();
        moves.replacements(taskId).forEach(p -> takers.add(p.userId()));
        List<String> eligible = eligible(app, criteria, exclude).stream().filter(takers::contains).toList();
        if (eligible.isEmpty()) {
            throw new UserError("review.draw.error.noneLeft");
        }
        String drawn = pick(eligible, 1, random).get(0);
        String why = reason == null || reason.isBlank() ? cn.kexie.capability.common.Messages.get(
                cn.kexie.capability.common.Messages.CHINESE, "review.draw.reason") : reason;
        moves.replace(taskId, drawn, why);
        reviews.recordDraw(app.id(), List.of(drawn), "REPLACEMENT", ReviewService.PanelMethod.RANDOM, 1, criteria,
                String.valueOf(declinedBy));
        // the names only for the association's own readers (the history hides the entry from outsiders)
        applications.record(app.id(), "expertRedrawn", null,
                "随机抽取替补专家" + (criteria.isEmpty() ? "（专业领域不限）" : "（专业领域：" + String.join("、", criteria) + "）")
                        + "：" + nameOf(drawn) + " 替换 " + nameOf(String.valueOf(declinedBy)),
                Map.of("expert", drawn, "replaces", String.valueOf(declinedBy)));
        return drawn;
    }

    /**
     * Takes the scoring task from an expert overdue by the review rules' days ({@link
     * TaskMoves#withdraw}) and draws a replacement ({@link #redraw}), in one transaction.
     */
    @Transactional
    public String replaceOverdue(String taskId, String reason) {
        requireOffice();
        Task task = scoringTask(taskId);
        Application app = applicationOf(task);
        LocalDate after = lateDay(task, reviews.rules(app));
        if (after == null || PlatformClock.now().isBefore(workingDays.endOfDay(after))) {
            throw new UserError("review.draw.error.notOverdue", after == null ? "-" : after.toString());
        }
        moves.withdraw(taskId, reason == null || reason.isBlank() ? "评分逾期" : reason);
        return redraw(taskId, reason);
    }

    /**
     * The last day of the grace the rules give a late expert: the task's due day plus {@link
     * ReviewRules#replaceOverdueDays} working days; the office may replace him once it has ended.
     * Null for a task without a due date.
     */
    private LocalDate lateDay(Task task, ReviewRules rules) {
        if (task.getDueDate() == null) {
            return null;
        }
        return workingDays.addWorkingDays(workingDays.dateOf(task.getDueDate()), rules.replaceOverdueDays());
    }

    // ------------------------------------------------------------------ the panel on the dossier

    /** One seat of the panel as the office sees it on the dossier. */
    public record Seat(String taskId, String expertId, String expertName, State state, Date due,
            LocalDate graceEnds) {
    }

    /** Where a seat stands. */
    public enum State { SCORING, OVERDUE, DECLINED, SUBMITTED }

    /** What the office reads of the panel: how it was chosen and each seat. */
    public record Panel(String method, List<String> specialties, List<Seat> seats, int replaceAfterDays) {
    }

    /**
     * The application's panel for the programme office of its city: the seats of the open scoring
     * tasks and the sheets submitted. Empty for anyone else (the panel's names are the association's).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Panel> panel(Application app) {
        if (!currentUser.hasRole(Roles.PROGRAMME_OFFICE) || app.processInstanceId() == null
                || !currentUser.cities().includes(app.cityCode())) {
            return java.util.Optional.empty();
        }
        ReviewRules rules = reviews.rules(app);
        Map<String, Seat> seats = new LinkedHashMap<>();
        Instant now = PlatformClock.now();
        for (Task task : asPlatform(() -> taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .active().initializeFormKeys().orderByTaskCreateTime().asc().list())) {
            if (!ProjectProcess.Forms.EXPERT_SCORE.equals(task.getFormKey())) {
                continue;
            }
            Object declinedBy = asPlatform(() -> taskService.getVariableLocal(task.getId(), TaskMoves.DECLINED_BY));
            String expert = declinedBy != null ? String.valueOf(declinedBy) : task.getAssignee();
            State state = declinedBy != null ? State.DECLINED
                    : task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now) ? State.OVERDUE : State.SCORING;
            seats.put(task.getId(), new Seat(task.getId(), expert, nameOf(expert), state, task.getDueDate(),
                    lateDay(task, rules)));
        }
        for (ReviewService.SubmittedSheet sheet : reviews.loadSheets(app.id())) {
            seats.put("sheet-" + sheet.expertId(), new Seat(null, sheet.expertId(), sheet.expertName(), State.SUBMITTED,
                    null, null));
        }
        List<String> method = jdbc.sql("""
                select method from panel_draw where application_id = ? and kind = 'PANEL' order by id desc""")
                .param(app.id()).query(String.class).list();
        return java.util.Optional.of(new Panel(method.isEmpty() ? null : method.get(0), panelCriteria(app.id()),
                List.copyOf(seats.values()), rules.replaceOverdueDays()));
    }

    /** Whether the seat's expert may be replaced for being late now. */
    boolean replaceableNow(Seat seat) {
        return seat.state() == State.OVERDUE && seat.graceEnds() != null
                && !PlatformClock.now().isBefore(workingDays.endOfDay(seat.graceEnds()));
    }

    // ------------------------------------------------------------------ helpers

    /** The active experts of the pool for the application's city, of the criteria, without 回避 and {@code exclude}. */
    private List<String> eligible(Application app, List<String> criteria, Set<String> exclude) {
        String applicantGroup = jdbc.sql("select code from organisation where id = ?").param(app.organisationId())
                .query(String.class).optional().map(Roles::organisationGroup).orElse("-");
        Set<String> members = new HashSet<>();
        identityService.createUserQuery().memberOfGroup(applicantGroup).list().forEach(u -> members.add(u.getId()));
        List<String> result = new ArrayList<>();
        for (ExpertPool.Member m : pool.members(app.cityCode())) {
            boolean ofCriteria = criteria.isEmpty() || m.specialties().stream().anyMatch(criteria::contains);
            boolean standsAside = members.contains(m.expertId())
                    || m.affiliationOrgId() != null && m.affiliationOrgId() == app.organisationId();
            if (ofCriteria && !standsAside && !exclude.contains(m.expertId())) {
                result.add(m.expertId());
            }
        }
        return result;
    }

    /** The specialties of the application's latest panel draw (none: any). */
    private List<String> panelCriteria(long applicationId) {
        return jdbc.sql("select specialties from panel_draw where application_id = ? and kind = 'PANEL' order by id desc")
                .param(applicationId).query((rs, n) -> rs.getString(1) == null ? "" : rs.getString(1)).list().stream()
                .findFirst().map(s -> s.isEmpty() ? List.<String>of() : List.of(s.split(","))).orElse(List.of());
    }

    private static List<String> criteria(Collection<String> specialties) {
        return specialties == null ? List.of()
                : specialties.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).distinct().sorted().toList();
    }

    /** An open scoring task of the caller's cities (the office reads any expert's, to replace him). */
    private Task scoringTask(String taskId) {
        Task task = taskId == null ? null : asPlatform(() -> taskService.createTaskQuery().taskId(taskId).active()
                .initializeFormKeys().singleResult());
        if (task == null) {
            throw new UserError("task.error.gone");
        }
        if (task.getTenantId() != null && !currentUser.cities().includes(task.getTenantId())) {
            throw new AccessDeniedException("task " + taskId + " is of another city");
        }
        if (!ProjectProcess.Forms.EXPERT_SCORE.equals(task.getFormKey())) {
            throw new UserError("review.draw.error.notScoring");
        }
        return task;
    }

    private Application applicationOf(Task task) {
        Object id = asPlatform(() -> taskService.getVariable(task.getId(), ProjectProcess.APPLICATION_ID));
        if (id == null) {
            throw new UserError("review.draw.error.notScoring");
        }
        // an application the office may read: its own cities'
        return applications.get(((Number) id).longValue());
    }

    private String nameOf(String userId) {
        User u = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return u == null ? String.valueOf(userId) : cn.kexie.capability.common.PersonName.of(u);
    }

    private void requireOffice() {
        if (!currentUser.hasRole(Roles.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("programme office only");
        }
    }

    /** Engine reads without the user's engine authentication (the office reads experts' tasks of its city). */
    private <T> T asPlatform(java.util.function.Supplier<T> read) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }
}
