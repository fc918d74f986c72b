package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.calendar.WorkingDays;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.document.PdfRenderer;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.common.PersonName;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review steps: formal review (形式审查), assigning the expert panel (with 回避), each expert's
 * scoring sheet against the programme's criteria table, the panel score and the office's
 * conclusion. Each step writes its record and completes its task in one transaction.
 */
@Service
public class ReviewService {

    private final ApplicationService applications;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final cn.kexie.capability.common.DecisionLookup lookup;
    private final ProgrammeCatalogue catalogue;
    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final PdfRenderer renderer;
    private final FundingLedger ledger;
    private final cn.kexie.capability.expert.ExpertPool pool;

    ReviewService(ApplicationService applications, WorkflowTasks tasks, CurrentUser currentUser,
            IdentityService identityService, ProgrammeCatalogue catalogue,
            JdbcClient jdbc, WorkingDays workingDays, PdfRenderer renderer, FundingLedger ledger,
            cn.kexie.capability.common.DecisionLookup lookup, cn.kexie.capability.expert.ExpertPool pool) {
        this.pool = pool;
        this.lookup = lookup;
        this.renderer = renderer;
        this.applications = applications;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.ledger = ledger;
    }

    // ---------------------------------------------------------------- the programme's review rules

    /**
     * The review rules of the application's programme, from the decision {@link ReviewRules#DECISION},
     * read as a lookup (no decision history: the rules are configuration, not a decision on the case).
     */
    @Transactional(readOnly = true)
    public ReviewRules rules(Application app) {
        return ReviewRules.of(lookup.evaluate(ReviewRules.DECISION, app.cityCode(),
                Map.of("programme", app.programmeCode())).getSingleResult().getEntryMap());
    }

    /** The review rules of an application the caller may read. */
    @Transactional(readOnly = true)
    public ReviewRules rules(long applicationId) {
        return rules(applications.get(applicationId));
    }

    // ---------------------------------------------------------------- formal review

    /** The office's formal review: passed checks, and an outcome with reasons when not passed. */
    public record FormalReview(Set<String> checksPassed, String outcome, String reasons, Integer correctionWorkingDays) {
    }

    @Transactional
    public void formalReview(String taskId, FormalReview review) {
        WorkItem task = tasks.get(taskId);
        long applicationId = task.applicationId();
        ReviewRules rules = rules(applications.load(applicationId));
        List<Problem> problems = new ArrayList<>();
        String outcome = review.outcome();
        if (outcome == null || !List.of(ProjectProcess.PASS, ProjectProcess.RETURN, ProjectProcess.REJECT).contains(outcome)) {
            problems.add(new Problem("review.error.outcome").at("outcome"));
        }
        boolean allPassed = review.checksPassed() != null && review.checksPassed().containsAll(rules.formalChecks());
        if (ProjectProcess.PASS.equals(outcome) && !allPassed) {
            problems.add(new Problem("review.error.checksForPass", rules.formalChecks().size()).at("checks"));
        }
        if (!ProjectProcess.PASS.equals(outcome) && (review.reasons() == null || review.reasons().isBlank())) {
            problems.add(new Problem("review.error.reasonsRequired").at("reasons"));
        }
        if (review.reasons() != null && review.reasons().length() > 4000) {
            problems.add(new Problem("review.error.reasonsLength").at("reasons"));
        }
        // no default here: an empty field, or a number too large to read, is refused rather than taken as the default
        int days = review.correctionWorkingDays() == null ? 0 : review.correctionWorkingDays();
        if (ProjectProcess.RETURN.equals(outcome) && !rules.correctionDaysAllowed(days)) {
            problems.add(new Problem("review.error.correctionDays", rules.maxCorrectionDays()).at("correctionDays"));
        }
        UserError.throwIfAny(problems);
        Map<String, Object> vars = new HashMap<>();
        vars.put(ProjectProcess.OUTCOME, outcome);
        Map<String, Object> data = new HashMap<>();
        data.put("checksPassed", new ArrayList<>(review.checksPassed() == null ? Set.of() : review.checksPassed()));
        if (ProjectProcess.RETURN.equals(outcome)) {
            Date deadline = workingDays.endOfPeriod(Date.from(PlatformClock.now()), days);
            vars.put(ProjectProcess.CORRECTION_DEADLINE, deadline);
            data.put("correctionWorkingDays", days);
            data.put("correctionDeadline", deadline.toInstant().toString());
        }
        applications.record(applicationId, "formalReview", outcome, review.reasons(), data);
        tasks.complete(taskId, vars);
    }

    // ---------------------------------------------------------------- panel

    /** A possible reviewer: user id, name, and whether 回避 rules them out for this application. */
    public record Candidate(String userId, String name, boolean conflicted) {
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(long applicationId) {
        requireOffice();
        // an application of the office's own cities only
        Application app = applications.get(applicationId);
        String applicantGroup = applicantGroupOf(app);
        Set<String> affiliated = pool.affiliatedWith(app.organisationId());
        List<Candidate> result = new ArrayList<>();
        for (User u : identityService.createUserQuery().memberOfGroup(Roles.EXPERT).orderByUserId().asc().list()) {
            boolean conflicted = affiliated.contains(u.getId()) || identityService.createGroupQuery().groupMember(u.getId()).list().stream()
                    .map(Group::getId).anyMatch(applicantGroup::equals);
            result.add(new Candidate(u.getId(), PersonName.of(u), conflicted));
        }
        return result;
    }

    /** How a panel was put together: drawn at random from the pool (随机抽取), or ticked by the office. */
    enum PanelMethod { RANDOM, MANUAL }

    /** The office ticks the panel itself (the manual choice beside the random draw, {@link PanelDraw}). */
    @Transactional
    public void assignPanel(String taskId, List<String> expertIds) {
        assignPanel(taskId, expertIds, PanelMethod.MANUAL, List.of());
    }

    /**
     * Puts the panel on the application, checked again whoever chose it (size, experts, 回避: member
     * of the applicant's organisation group or affiliated with it in the pool), records how it was
     * chosen (in the history and in {@code panel_draw}) and completes the step.
     */
    @Transactional
    void assignPanel(String taskId, List<String> expertIds, PanelMethod method, List<String> specialties) {
        requireOffice();
        WorkItem task = tasks.get(taskId);
        if (!ProjectProcess.Forms.ASSIGN_PANEL.equals(task.formKey())) {
            throw new UserError("task.error.gone");
        }
        // the task is of the office's own cities (tasks.get)
        Application app = applications.load(task.applicationId());
        Set<String> chosen = new LinkedHashSet<>(expertIds == null ? List.of() : expertIds);
        List<Problem> problems = new ArrayList<>();
        ReviewRules rules = rules(app);
        if (!rules.panelSizeAllowed(chosen.size())) {
            problems.add(new Problem("review.error.panelSize", rules.minPanel(), rules.maxPanel()));
        }
        String applicantGroup = applicantGroupOf(app);
        Set<String> affiliated = pool.affiliatedWith(app.organisationId());
        List<String> names = new ArrayList<>();
        for (String expert : chosen) {
            User user = identityService.createUserQuery().userId(expert).memberOfGroup(Roles.EXPERT).singleResult();
            if (user == null) {
                problems.add(new Problem("review.error.notExpert", expert));
            } else if (affiliated.contains(expert)
                    || identityService.createGroupQuery().groupMember(expert).groupId(applicantGroup).count() > 0) {
                problems.add(new Problem("review.error.conflict", expert));
            } else {
                names.add(PersonName.of(user));
            }
        }
        UserError.throwIfAny(problems);
        archiveEarlierRound(app.id());
        List<String> criteria = specialties == null ? List.of() : List.copyOf(specialties);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("experts", new ArrayList<>(chosen));
        data.put("method", method.name());
        data.put("specialties", criteria);
        // the comment names the experts: the history hides it from applicants and experts (DossierAccess)
        applications.record(app.id(), "assignPanel", null, panelComment(method, chosen.size(), criteria, names), data);
        recordDraw(app.id(), new ArrayList<>(chosen), "PANEL", method, chosen.size(), criteria, null);
        tasks.complete(taskId, Map.of(ProjectProcess.EXPERTS, new ArrayList<>(chosen)));
    }

    /** 随机抽取 3 位（专业领域：医学）：李教授、张研究员、陈高工 — stored as the history's comment, in Chinese. */
    static String panelComment(PanelMethod method, int size, List<String> specialties, List<String> names) {
        String how = method == PanelMethod.RANDOM ? "随机抽取 " + size + " 位" : "手工选择 " + size + " 位";
        String criteria = method == PanelMethod.RANDOM
                ? (specialties.isEmpty() ? "（专业领域不限）" : "（专业领域：" + String.join("、", specialties) + "）") : "";
        return how + criteria + "：" + String.join("、", names);
    }

    /** The experts put on the application's panel, in one statement, with how and by whom. */
    void recordDraw(long applicationId, List<String> experts, String kind, PanelMethod method, int size,
            List<String> specialties, String replaces) {
        if (experts.isEmpty()) {
            return;
        }
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object> params = new ArrayList<>();
        Timestamp now = Timestamp.from(PlatformClock.now());
        String me = currentUser.requireId();
        for (String expert : experts) {
            params.addAll(java.util.Arrays.asList(applicationId, expert, kind, method.name(), size,
                    specialties.isEmpty() ? null : String.join(",", specialties), replaces, me, now));
        }
        jdbc.sql("insert into panel_draw (application_id, expert_id, kind, method, panel_size, specialties, replaces, drawn_by, drawn_at) values "
                + String.join(", ", java.util.Collections.nCopies(experts.size(), row))).params(params).update();
    }

    /**
     * A new panel (after an upheld objection sent the project back to review) scores afresh: the
     * earlier round's sheets go into the dossier's history and no longer count.
     */
    private void archiveEarlierRound(long applicationId) {
        List<SubmittedSheet> earlier = loadSheets(applicationId);
        if (earlier.isEmpty()) {
            return;
        }
        Map<String, Object> totals = new java.util.LinkedHashMap<>();
        earlier.forEach(s -> totals.put(s.expertId(), s.total().toPlainString()));
        applications.record(applicationId, "reviewRoundArchived", null, null, Map.of("totals", totals));
        jdbc.sql("delete from review_sheet where application_id = ?").param(applicationId).update();
    }

    // ---------------------------------------------------------------- expert scoring

    /** One criterion of the programme's scoring table. */
    public record Criterion(String code, String label, BigDecimal maxPoints) {
    }

    /**
     * The criteria of the application's category, from the programme's scoring decision table, read
     * as a lookup as the review rules are: the table is the programme's scoring sheet, not a decision
     * on the case, so its reading writes no decision history (it wrote 17 statements for every sheet
     * submitted and every scoring form opened).
     */
    @Transactional(readOnly = true)
    public List<Criterion> criteria(Application app) {
        String key = catalogue.requireProgramme(app.programmeCode()).scoringDecisionKey();
        if (key == null) {
            return List.of();
        }
        Map<String, Object> facts = new java.util.HashMap<>();
        facts.put("category", app.categoryCode());
        return lookup.evaluate(key, app.cityCode(), facts).getResultList().stream()
                .map(row -> new Criterion(String.valueOf(row.get("criterion")), String.valueOf(row.get("label")),
                        new BigDecimal(String.valueOf(row.get("maxPoints")))))
                .toList();
    }

    /** An expert's sheet: the declaration of no conflict, points per criterion, comment. */
    public record Sheet(boolean noConflict, Map<String, BigDecimal> points, String comment) {
    }

    /**
     * The sheet the expert working on the task submitted earlier for its application, if any: the
     * scoring task started again (the office returned the application to the panel, 退回), and the
     * expert starts from its own sheet. Only the expert itself reads it.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Sheet> earlierSheet(String taskId) {
        WorkItem task = tasks.get(taskId);
        String expert = currentUser.requireId();
        if (!expert.equals(task.assignee()) || !currentUser.hasRole(Roles.EXPERT) || task.applicationId() == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select comment from review_sheet where application_id = ? and expert_id = ?")
                .params(task.applicationId(), expert).query(String.class).optional().map(comment -> {
                    Map<String, BigDecimal> points = new java.util.HashMap<>();
                    jdbc.sql("select criterion, points from review_score where application_id = ? and expert_id = ?")
                            .params(task.applicationId(), expert)
                            .query((rs, n) -> points.put(rs.getString(1), rs.getBigDecimal(2))).list();
                    return new Sheet(true, points, comment);
                });
    }

    // ---------------------------------------------------------------- drafts (暂存)

    /**
     * The expert's draft of the task's sheet (暂存), if he kept one: only the expert holding the task
     * reads it; anyone else gets nothing. A draft is never a sheet: the office, the panel score and the
     * exports read only submitted sheets.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Sheet> draft(String taskId) {
        WorkItem task = tasks.get(taskId);
        String expert = currentUser.requireId();
        if (!expert.equals(task.assignee()) || !currentUser.hasRole(Roles.EXPERT) || task.applicationId() == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select no_conflict, comment from review_draft where application_id = ? and expert_id = ?")
                .params(task.applicationId(), expert)
                .query((rs, n) -> new Sheet(rs.getBoolean(1), new HashMap<>(), rs.getString(2))).optional()
                .map(draft -> {
                    jdbc.sql("select criterion, points from review_draft_score where application_id = ? and expert_id = ?")
                            .params(task.applicationId(), expert)
                            .query((rs, n) -> draft.points().put(rs.getString(1), rs.getBigDecimal(2))).list();
                    return draft;
                });
    }

    /**
     * Keeps the expert's sheet as far as he got (暂存): criteria may be empty, but what is there must
     * be within its range, and the comment within its length. Only the expert holding the task.
     */
    @Transactional
    public void saveDraft(String taskId, Sheet sheet) {
        WorkItem task = tasks.get(taskId);
        String expert = currentUser.requireId();
        if (!expert.equals(task.assignee()) || !currentUser.hasRole(Roles.EXPERT)
                || !ProjectProcess.Forms.EXPERT_SCORE.equals(task.formKey())) {
            throw new AccessDeniedException("draft of another expert's sheet");
        }
        Application app = applications.load(task.applicationId());
        List<Problem> problems = new ArrayList<>();
        Map<String, BigDecimal> kept = new java.util.LinkedHashMap<>();
        for (Criterion c : criteria(app)) {
            BigDecimal p = sheet == null || sheet.points() == null ? null : sheet.points().get(c.code());
            if (p == null) {
                continue;
            }
            if (p.signum() < 0 || p.compareTo(c.maxPoints()) > 0 || p.scale() > 2) {
                problems.add(new Problem("review.error.scoreRange", c.label(), c.maxPoints().toPlainString()));
            } else {
                kept.put(c.code(), p);
            }
        }
        String comment = sheet == null || sheet.comment() == null || sheet.comment().isBlank() ? null : sheet.comment();
        if (comment != null && comment.length() > 4000) {
            problems.add(new Problem("review.error.comment"));
        }
        UserError.throwIfAny(problems);
        jdbc.sql("delete from review_draft where application_id = ? and expert_id = ?").params(app.id(), expert).update();
        jdbc.sql("insert into review_draft (application_id, expert_id, no_conflict, comment, saved_at) values (?, ?, ?, ?, ?)")
                .params(app.id(), expert, sheet != null && sheet.noConflict(), comment, Timestamp.from(PlatformClock.now()))
                .update();
        for (Map.Entry<String, BigDecimal> e : kept.entrySet()) {
            jdbc.sql("insert into review_draft_score (application_id, expert_id, criterion, points) values (?, ?, ?, ?)")
                    .params(app.id(), expert, e.getKey(), e.getValue()).update();
        }
    }

    @Transactional
    public void submitSheet(String taskId, Sheet sheet) {
        WorkItem task = tasks.get(taskId);
        String expert = currentUser.requireId();
        // a declined sheet waits in the office's pool for a replacement: the office may claim it, never score it
        if (!expert.equals(task.assignee()) || !currentUser.hasRole(Roles.EXPERT)) {
            throw new AccessDeniedException("review sheet of another expert");
        }
        Application app = applications.load(task.applicationId());
        // 回避: whoever assigned the task, nobody scores an application of its own organisation
        if (identityService.createGroupQuery().groupMember(expert).groupId(applicantGroupOf(app)).count() > 0) {
            throw new UserError("review.error.conflict", expert);
        }
        List<Criterion> criteria = criteria(app);
        List<Problem> problems = new ArrayList<>();
        if (sheet == null) {
            throw new UserError("review.error.declaration");
        }
        if (!sheet.noConflict()) {
            problems.add(new Problem("review.error.declaration"));
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            BigDecimal p = sheet.points() == null ? null : sheet.points().get(c.code());
            if (p == null) {
                problems.add(new Problem("review.error.scoreMissing", c.label()));
            } else if (p.signum() < 0 || p.compareTo(c.maxPoints()) > 0 || p.scale() > 2) {
                problems.add(new Problem("review.error.scoreRange", c.label(), c.maxPoints().toPlainString()));
            } else {
                total = total.add(p);
            }
        }
        if (sheet.comment() == null || sheet.comment().isBlank() || sheet.comment().length() > 4000) {
            problems.add(new Problem("review.error.comment"));
        }
        UserError.throwIfAny(problems);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("delete from review_sheet where application_id = ? and expert_id = ?").params(app.id(), expert).update();
        jdbc.sql("""
                insert into review_sheet (application_id, expert_id, no_conflict, comment, total_points, submitted_at)
                values (?, ?, ?, ?, ?, ?)""").params(app.id(), expert, true, sheet.comment().trim(), total, now).update();
        if (!criteria.isEmpty()) {
            // the sheet's points in one statement, a row per criterion
            List<Object> params = new ArrayList<>();
            for (Criterion c : criteria) {
                params.addAll(java.util.Arrays.asList(app.id(), expert, c.code(), c.label(), c.maxPoints(),
                        sheet.points().get(c.code())));
            }
            jdbc.sql("insert into review_score (application_id, expert_id, criterion, label, max_points, points) values "
                    + String.join(", ", java.util.Collections.nCopies(criteria.size(), "(?, ?, ?, ?, ?, ?)")))
                    .params(params).update();
        }
        // the submission takes the draft's place
        jdbc.sql("delete from review_draft where application_id = ? and expert_id = ?").params(app.id(), expert).update();
        applications.record(app.id(), "expertReview", "SCORED", null, Map.of("expert", expert));
        tasks.complete(taskId, Map.of());
    }

    /** A submitted sheet as the office sees it. */
    public record SubmittedSheet(String expertId, String expertName, BigDecimal total, String comment,
            Map<String, BigDecimal> points, Instant submittedAt) {
    }

    /** Every expert's sheet of the application: for the office (and managers), never for applicants or other experts. */
    @Transactional(readOnly = true)
    public List<SubmittedSheet> sheets(long applicationId) {
        if (!currentUser.hasAnyRole(SHEET_READERS)) {
            throw new AccessDeniedException("review sheets");
        }
        // of an application the caller may read: its own cities' only
        applications.get(applicationId);
        return loadSheets(applicationId);
    }

    /** Roles that see the experts' sheets and the panel's score summary: never applicants, experts or finance. */
    static final String[] SHEET_READERS = {Roles.PROGRAMME_OFFICE, Roles.ADMIN, Roles.MANAGER, Roles.PARTY_GROUP,
            Roles.LEADING_GROUP};

    /**
     * The panel's score summary sheet (评审汇总表) as a PDF: criteria × experts with the means, for
     * the roles that see the sheets ({@link #sheets}), of an application of their cities. Read-write,
     * since reading the criteria table writes the decision's history.
     */
    @Transactional
    public byte[] scoreSheet(long applicationId) {
        List<SubmittedSheet> sheets = sheets(applicationId);
        if (sheets.isEmpty()) {
            throw new UserError("review.error.noSheets");
        }
        Application app = applications.get(applicationId);
        List<Criterion> criteria = new ArrayList<>(criteria(app));
        // a criterion scored then but no longer in the table is still shown, as scored
        jdbc.sql("select distinct criterion, label, max_points from review_score where application_id = ? order by criterion")
                .param(applicationId)
                .query((rs, n) -> new Criterion(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list().stream()
                .filter(stored -> criteria.stream().noneMatch(c -> c.code().equals(stored.code())))
                .forEach(criteria::add);
        String programme = catalogue.requireProgramme(app.programmeCode()).nameZh();
        String category = catalogue.category(app.programmeCode(), app.categoryCode())
                .map(cn.kexie.capability.programme.Category::nameZh).orElse(app.categoryCode());
        BigDecimal score = app.panelScore() != null ? app.panelScore()
                : rules(app).panelScore(sheets.stream().map(SubmittedSheet::total).toList());
        return renderer.render(ScoreSheetDocument.xhtml(app, programme, category, criteria, sheets, score));
    }

    /** Whether the current user sees the sheets of an application at all (its cities are checked on reading). */
    boolean readsSheets() {
        return currentUser.hasAnyRole(SHEET_READERS);
    }

    /** How many sheets the application's current panel submitted. */
    int sheetCount(long applicationId) {
        return jdbc.sql("select count(*) from review_sheet where application_id = ?").param(applicationId)
                .query(Integer.class).single();
    }

    List<SubmittedSheet> loadSheets(long applicationId) {
        List<SubmittedSheet> sheets = jdbc.sql("""
                select expert_id, total_points, comment, submitted_at from review_sheet
                where application_id = ? order by submitted_at""").param(applicationId)
                .query((rs, n) -> new SubmittedSheet(rs.getString(1), rs.getString(1), rs.getBigDecimal(2),
                        rs.getString(3), new HashMap<>(), rs.getTimestamp(4).toInstant()))
                .list();
        if (sheets.isEmpty()) {
            return sheets;
        }
        // every sheet's points in one query and every expert's name in another, whatever the panel's size
        Map<String, Map<String, BigDecimal>> points = new HashMap<>();
        jdbc.sql("select expert_id, criterion, points from review_score where application_id = ? order by expert_id, criterion")
                .param(applicationId)
                .query((rs, n) -> points.computeIfAbsent(rs.getString(1), e -> new java.util.LinkedHashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3)))
                .list();
        Map<String, User> users = new HashMap<>();
        identityService.createUserQuery().userIdIn(sheets.stream().map(SubmittedSheet::expertId).distinct().toArray(String[]::new))
                .list().forEach(u -> users.put(u.getId(), u));
        List<SubmittedSheet> named = new ArrayList<>();
        for (SubmittedSheet s : sheets) {
            User u = users.get(s.expertId());
            named.add(new SubmittedSheet(s.expertId(), u == null ? s.expertId() : PersonName.of(u), s.total(), s.comment(),
                    points.getOrDefault(s.expertId(), new java.util.LinkedHashMap<>()), s.submittedAt()));
        }
        return named;
    }

    // ---------------------------------------------------------------- score sheets for reading and export

    /** Who reads every sheet of an application and any expert's sheets: the office, managers, administrators. */
    static final String[] SHEET_EXPORTERS = {Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.ADMIN};

    /** All sheets of one application with the criteria they scored, in the order of the scoring table. */
    public record SheetMatrix(Application application, List<Criterion> criteria, List<SubmittedSheet> sheets,
            ReviewRules rules) {

        /** The stored panel score, or the one the sheets give so far under the programme's rules. */
        public BigDecimal panelScore() {
            return application.panelScore() != null ? application.panelScore()
                    : rules.panelScore(sheets.stream().map(SubmittedSheet::total).toList());
        }
    }

    /**
     * Every expert's sheet of the application, criteria by experts: for the office, managers and
     * administrators of the application's city only (experts' identities are confidential to
     * applicants and other experts). Read-write: the scoring table is evaluated for its order.
     */
    @Transactional
    public SheetMatrix sheetMatrix(long applicationId) {
        if (!currentUser.hasAnyRole(SHEET_EXPORTERS)) {
            throw new AccessDeniedException("review sheets");
        }
        Application app = applications.get(applicationId);
        List<SubmittedSheet> sheets = loadSheets(applicationId);
        Map<String, Criterion> scored = new java.util.LinkedHashMap<>();
        jdbc.sql("select distinct criterion, label, max_points from review_score where application_id = ? order by criterion")
                .param(applicationId)
                .query((rs, n) -> scored.put(rs.getString(1), new Criterion(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))))
                .list();
        List<Criterion> ordered = new ArrayList<>();
        for (Criterion c : criteria(app)) {
            Criterion stored = scored.remove(c.code());
            if (stored != null) {
                ordered.add(stored);
            }
        }
        // criteria the table no longer has (a sheet scored against an earlier version) come last
        ordered.addAll(scored.values());
        return new SheetMatrix(app, ordered, sheets, rules(app));
    }

    /** Whether the caller may read the application's sheets (see {@link #sheetMatrix}) and there are any. */
    @Transactional(readOnly = true)
    public boolean hasSheets(long applicationId) {
        if (!currentUser.hasAnyRole(SHEET_EXPORTERS)) {
            return false;
        }
        applications.get(applicationId);
        return jdbc.sql("select count(*) from review_sheet where application_id = ?").param(applicationId)
                .query(Integer.class).single() > 0;
    }

    /** One expert's sheet of one application, with the application's identity. */
    public record ExpertSheet(long applicationId, String number, String title, String organisation,
            String programmeCode, String categoryCode, BigDecimal total, String comment, Instant submittedAt,
            List<Score> scores) {
    }

    /** The points of one criterion of a sheet. */
    public record Score(String criterion, String label, BigDecimal maxPoints, BigDecimal points) {
    }

    /** An expert as the office picks one. */
    public record Expert(String userId, String name) {
    }

    /** The experts, for the office, managers and administrators choosing whose sheets to read. */
    @Transactional(readOnly = true)
    public List<Expert> experts() {
        if (!currentUser.hasAnyRole(SHEET_EXPORTERS)) {
            throw new AccessDeniedException("experts");
        }
        return identityService.createUserQuery().memberOfGroup(Roles.EXPERT).orderByUserId().asc().list().stream()
                .map(u -> new Expert(u.getId(), PersonName.of(u))).toList();
    }

    /**
     * The sheets an expert submitted, newest first, of applications of the caller's cities: an expert
     * reads its own; the office, managers and administrators read any expert's. Anyone else, and an
     * expert asking for another's sheets, is refused. Each sheet's points come in the order of its
     * scoring table (read-write: the table is evaluated for that order).
     */
    @Transactional
    public List<ExpertSheet> sheetsOfExpert(String expertId) {
        String me = currentUser.requireId();
        boolean own = me.equals(expertId) && currentUser.hasRole(Roles.EXPERT);
        if (!own && !currentUser.hasAnyRole(SHEET_EXPORTERS)) {
            throw new AccessDeniedException("review sheets of " + expertId);
        }
        cn.kexie.capability.security.CityScope cities = currentUser.cities();
        if (!cities.all() && cities.cities().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(expertId);
        String inCities = "";
        if (!cities.all()) {
            inCities = " and p.city_code in (" + String.join(",", java.util.Collections.nCopies(cities.cities().size(), "?")) + ")";
            params.addAll(cities.cities().stream().sorted().toList());
        }
        List<ExpertSheet> sheets = jdbc.sql("""
                select s.application_id, a.number, a.title, o.name, a.programme_code, a.category_code, s.total_points,
                       s.comment, s.submitted_at
                from review_sheet s
                join application a on a.id = s.application_id
                join organisation o on o.id = a.organisation_id
                join programme p on p.code = a.programme_code
                where s.expert_id = ?""" + inCities + " order by s.submitted_at desc, a.number")
                .params(params)
                .query((rs, n) -> new ExpertSheet(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), new ArrayList<>()))
                .list();
        for (ExpertSheet sheet : sheets) {
            jdbc.sql("""
                    select criterion, label, max_points, points from review_score
                    where application_id = ? and expert_id = ? order by criterion""")
                    .params(sheet.applicationId(), expertId)
                    .query((rs, n) -> sheet.scores().add(new Score(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                            rs.getBigDecimal(4))))
                    .list();
        }
        // the order of the scoring table, once per programme and category
        Map<String, List<String>> orders = new HashMap<>();
        for (ExpertSheet sheet : sheets) {
            List<String> order = orders.computeIfAbsent(sheet.programmeCode() + "/" + sheet.categoryCode(),
                    key -> criteria(applications.load(sheet.applicationId())).stream().map(Criterion::code).toList());
            sheet.scores().sort(java.util.Comparator.comparingInt((Score score) -> order.contains(score.criterion())
                    ? order.indexOf(score.criterion()) : order.size()).thenComparing(Score::criterion));
        }
        return sheets;
    }

    /**
     * Called by the diagram after the panel: computes (the mean of the sheets' totals, without the highest
     * and lowest from as many sheets as the programme's rules say), stores and returns the panel score.
     */
    BigDecimal computePanelScore(long applicationId) {
        BigDecimal score = rules(applications.load(applicationId))
                .panelScore(loadSheets(applicationId).stream().map(SubmittedSheet::total).toList());
        applications.setPanelScore(applicationId, score);
        applications.record(applicationId, "panelScore", null, score.toPlainString(), Map.of("panelScore", score.toPlainString()));
        return score;
    }

    // ---------------------------------------------------------------- conclusion

    /** The conclusion with the approved amount the table proposes (the request, for a project). */
    @Transactional
    public void conclude(String taskId, String outcome, String comment) {
        requireOffice();
        WorkItem task = tasks.get(taskId);
        conclude(taskId, outcome, comment, ledger.amountRule(task.applicationId()).proposed(), null);
    }

    /**
     * 评审结论: passed, with the approved amount (核定金额) the office proposes to the deciding group
     * (above the request only with {@code amountReason}), or not qualified with the reason. Every
     * problem at once; nothing kept if there is any.
     */
    @Transactional
    public void conclude(String taskId, String outcome, String comment, BigDecimal approvedAmount, String amountReason) {
        requireOffice();
        WorkItem task = tasks.get(taskId);
        List<Problem> problems = new ArrayList<>();
        if (outcome == null || !List.of(ProjectProcess.PASS, ProjectProcess.REJECT).contains(outcome)) {
            problems.add(new Problem("review.error.outcome").at("outcome"));
        }
        if (ProjectProcess.REJECT.equals(outcome) && (comment == null || comment.isBlank())) {
            problems.add(new Problem("review.error.reasonsRequired").at("comment"));
        }
        if (comment != null && comment.length() > 4000) {
            problems.add(new Problem("review.error.reasonsLength").at("comment"));
        }
        Application app = applications.load(task.applicationId());
        if (ProjectProcess.PASS.equals(outcome)) {
            // a reason missing or too long is the reason's field; any other, the amount's
            ledger.checkProposal(app, approvedAmount, amountReason).forEach(p -> problems.add(p.at(
                    List.of("funding.error.aboveRequest", "funding.error.reasonLength").contains(p.key())
                            ? "amountReason" : "approvedAmount")));
        }
        UserError.throwIfAny(problems);
        if (ProjectProcess.PASS.equals(outcome)) {
            ledger.propose(app, approvedAmount, amountReason);
        }
        applications.record(task.applicationId(), "reviewConclusion", outcome, comment,
                ProjectProcess.PASS.equals(outcome) && approvedAmount != null
                        ? Map.of("approvedAmount", approvedAmount.toPlainString()) : null);
        tasks.complete(taskId, Map.of(ProjectProcess.OUTCOME, outcome));
    }

    private void requireOffice() {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("programme office only");
        }
    }

    private String applicantGroupOf(Application app) {
        return jdbc.sql("select code from organisation where id = ?").param(app.organisationId())
                .query(String.class).optional().map(Roles::organisationGroup).orElse("-");
    }

}
