package cn.kexie.capability.evaluation;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.ApplicationStatus;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 综合评定: the applications of an intake ranked by panel score within each quota (a category, or
 * a group of categories such as Xuzhou's INNOVATION_*), the quota pre-applied, and the office's
 * changes within the quota, each with its reason.
 */
@Service
public class EvaluationService {

    /** The status of applications whose review is done and which wait for the call's result. */
    static final String WAITING = ApplicationStatus.AWAITING_RESULT.name();
    /** Statuses of applications still on their way to the call's result. */
    static final List<String> ON_THE_WAY = ApplicationStatus.names(ApplicationStatus.Kind.ON_THE_WAY);

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue catalogue;
    private final ApplicationService applications;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final FundingLedger ledger;

    EvaluationService(JdbcClient jdbc, ProgrammeCatalogue catalogue, ApplicationService applications,
            WorkflowTasks tasks, CurrentUser currentUser, FundingLedger ledger) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.applications = applications;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.ledger = ledger;
    }

    /** One application in the ranking. */
    public record Candidate(long applicationId, String number, String organisation, String title, String categoryCode,
            String quotaCode, BigDecimal panelScore, int rank, boolean preSelected, boolean selected, String reason,
            boolean withdrawn, boolean recommended) {
    }

    /** A quota as the ranking applies it. */
    public record Quota(String code, int min, int max, int candidates) {
    }

    /** Whether every live application of the categories has its review done. */
    boolean reviewsIn(long callId, List<String> categories) {
        if (categories.isEmpty()) {
            return true;
        }
        String marks = String.join(",", Collections.nCopies(categories.size(), "?"));
        String states = String.join(",", Collections.nCopies(ON_THE_WAY.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(callId);
        params.addAll(categories);
        params.addAll(ON_THE_WAY);
        return jdbc.sql("select count(*) from application where call_id = ? and category_code in (" + marks + ")"
                + " and status in (" + states + ")").params(params).query(Integer.class).single() == 0;
    }

    /** The ranking of an intake: saved choices if the office already evaluated it, otherwise the quota pre-applied. */
    @Transactional(readOnly = true)
    public List<Candidate> ranking(long callId, String intakeKey, List<String> categories) {
        String programme = catalogue.call(callId).orElseThrow().programmeCode();
        Map<String, String> quotaOf = new HashMap<>();
        for (Category c : catalogue.categories(programme)) {
            quotaOf.put(c.code(), c.quotaCode());
        }
        Map<String, CallQuota> quotas = new HashMap<>();
        catalogue.quotas(callId).forEach(q -> quotas.put(q.quotaCode(), q));
        Map<Long, Object[]> saved = new HashMap<>();
        jdbc.sql("select application_id, selected, reason, withdrawn, recommended from evaluation_selection where call_id = ? and intake_key = ?")
                .params(callId, intakeKey)
                .query((rs, n) -> saved.put(rs.getLong(1),
                        new Object[] {rs.getBoolean(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)}))
                .list();
        List<Application> waiting = candidatesOf(callId, categories);
        Map<String, List<Application>> byQuota = new LinkedHashMap<>();
        for (Application a : waiting) {
            byQuota.computeIfAbsent(quotaOf.getOrDefault(a.categoryCode(), a.categoryCode()), k -> new ArrayList<>()).add(a);
        }
        List<Candidate> ranking = new ArrayList<>();
        for (var entry : byQuota.entrySet()) {
            List<Application> ranked = new ArrayList<>(entry.getValue());
            ranked.sort(Comparator.comparing((Application a) -> a.panelScore() == null ? BigDecimal.ZERO : a.panelScore())
                    .reversed().thenComparing(Application::number));
            int max = Optional.ofNullable(quotas.get(entry.getKey())).map(CallQuota::maxCount).orElse(ranked.size());
            for (int i = 0; i < ranked.size(); i++) {
                Application a = ranked.get(i);
                boolean pre = i < max;
                Object[] s = saved.get(a.id());
                ranking.add(new Candidate(a.id(), a.number(), a.organisationName(), a.title(), a.categoryCode(),
                        entry.getKey(), a.panelScore(), i + 1, pre, s == null ? pre : (Boolean) s[0],
                        s == null ? null : (String) s[1], s != null && (Boolean) s[2], s != null && (Boolean) s[3]));
            }
        }
        return ranking;
    }

    @Transactional(readOnly = true)
    public List<Quota> quotas(long callId, List<Candidate> ranking) {
        Map<String, CallQuota> quotas = new HashMap<>();
        catalogue.quotas(callId).forEach(q -> quotas.put(q.quotaCode(), q));
        Map<String, Integer> counts = new LinkedHashMap<>();
        ranking.forEach(c -> counts.merge(c.quotaCode(), 1, Integer::sum));
        List<Quota> result = new ArrayList<>();
        counts.forEach((code, n) -> {
            CallQuota q = quotas.get(code);
            result.add(new Quota(code, q == null ? 0 : q.minCount(), q == null ? n : q.maxCount(), n));
        });
        return result;
    }

    // ---------------------------------------------------------------- reading a call's ranking

    /** Who reads the ranking of a call outside the evaluation task: the office, managers, the leading group that approves it. */
    static final String[] RANKING_READERS = {Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.LEADING_GROUP, Roles.ADMIN};

    /** One intake of a call: the categories with one deadline; its key is the deadline (yyyy-MM-dd). */
    public record Intake(String key, java.time.LocalDate deadline, List<String> categories) {
    }

    /**
     * A call's ranking as it stands: the office's evaluation with its changes and reasons once it is
     * done ({@code evaluated}, when and by whom), the quota pre-applied to the panel scores before.
     */
    public record Ranking(boolean evaluated, java.time.Instant decidedAt, String decidedBy, List<Candidate> candidates) {
    }

    /** The intakes of a call of the caller's cities, earliest deadline first. */
    @Transactional(readOnly = true)
    public List<Intake> intakes(long callId) {
        requireRankingReader(callId);
        List<Intake> intakes = new ArrayList<>();
        CallSteps.intakesOf(catalogue.callCategories(callId))
                .forEach((deadline, categories) -> intakes.add(new Intake(deadline.toString(), deadline, List.copyOf(categories))));
        return intakes;
    }

    /**
     * The ranking of one intake of a call, for the office, managers, the leading group and
     * administrators of the call's city (another city's call is refused like a missing one).
     */
    @Transactional(readOnly = true)
    public Ranking rankingOf(long callId, String intakeKey) {
        requireRankingReader(callId);
        Intake intake = intakes(callId).stream().filter(i -> i.key().equals(intakeKey)).findFirst()
                .orElseThrow(() -> new UserError("evaluation.error.noIntake"));
        List<Candidate> saved = jdbc.sql("""
                select e.application_id, a.number, o.name, a.title, a.category_code, e.quota_code, a.panel_score,
                       e.rank_no, e.pre_selected, e.selected, e.reason, e.withdrawn, e.recommended
                from evaluation_selection e
                join application a on a.id = e.application_id
                join organisation o on o.id = a.organisation_id
                where e.call_id = ? and e.intake_key = ?
                order by e.quota_code, e.rank_no, a.number""")
                .params(callId, intakeKey)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getInt(8), rs.getBoolean(9),
                        rs.getBoolean(10), rs.getString(11), rs.getBoolean(12), rs.getBoolean(13)))
                .list();
        if (saved.isEmpty()) {
            return new Ranking(false, null, null, ranking(callId, intakeKey, intake.categories()));
        }
        Object[] decided = jdbc.sql("""
                select max(decided_at), max(decided_by) from evaluation_selection where call_id = ? and intake_key = ?""")
                .params(callId, intakeKey)
                .query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getString(2)}).single();
        java.sql.Timestamp at = (java.sql.Timestamp) decided[0];
        return new Ranking(true, at == null ? null : at.toInstant(), (String) decided[1], saved);
    }

    private void requireRankingReader(long callId) {
        if (!currentUser.hasAnyRole(RANKING_READERS)) {
            throw new AccessDeniedException("rankings");
        }
        String city = catalogue.call(callId).flatMap(call -> catalogue.programme(call.programmeCode()))
                .map(cn.kexie.capability.programme.Programme::cityCode).orElse(null);
        if (city == null || !currentUser.cities().includes(city)) {
            throw new AccessDeniedException("ranking of call " + callId);
        }
    }

    /** The intake a task of the call process belongs to: its key and categories. */
    @SuppressWarnings("unchecked")
    public IntakeRef intakeOfTask(String taskId) {
        Object intake = tasks.variable(taskId, CallSteps.INTAKE);
        Object callId = tasks.variable(taskId, CallSteps.CALL_ID);
        if (!(intake instanceof Map<?, ?> map) || !(callId instanceof Number id)) {
            throw new UserError("evaluation.error.noIntake");
        }
        return new IntakeRef(id.longValue(), String.valueOf(map.get("key")), (List<String>) map.get("categories"));
    }

    /** The intake of a call: key (its deadline) and categories. */
    public record IntakeRef(long callId, String key, List<String> categories) {
    }

    /**
     * The office's evaluation: which applications are selected; every choice that differs from the
     * pre-applied ranking needs a reason; no quota may be exceeded, and none left short while
     * candidates remain.
     */
    @Transactional
    public void evaluate(String taskId, Map<Long, Boolean> selected, Map<Long, String> reasons) {
        evaluate(taskId, selected, reasons, Map.of());
    }

    /** As above; {@code recommended} marks selected projects recommended to the province (where the programme does so). */
    @Transactional
    public void evaluate(String taskId, Map<Long, Boolean> selected, Map<Long, String> reasons,
            Map<Long, Boolean> recommended) {
        evaluate(taskId, selected, reasons, recommended, Map.of(), Map.of());
    }

    /**
     * As above, with the approved amount (核定金额) the office proposes for each selected project and its
     * reason where the amount is above the request ({@code amounts} without a project: the amount the
     * table {@code approved-amount} proposes, i.e. the request; an award's catalogue amount is fixed).
     * The leading group sees the amounts with the list, and its approval sets them.
     */
    @Transactional
    public void evaluate(String taskId, Map<Long, Boolean> selected, Map<Long, String> reasons,
            Map<Long, Boolean> recommended, Map<Long, BigDecimal> amounts, Map<Long, String> amountReasons) {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("programme office only");
        }
        WorkItem task = tasks.get(taskId);
        IntakeRef intake = intakeOfTask(task.id());
        List<Candidate> ranking = ranking(intake.callId(), intake.key(), intake.categories());
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> chosen = new HashMap<>();
        for (Candidate c : ranking) {
            boolean pick = selected.getOrDefault(c.applicationId(), c.preSelected());
            if (pick) {
                chosen.merge(c.quotaCode(), 1, Integer::sum);
            }
            String reason = reasons.get(c.applicationId());
            if (pick != c.preSelected() && (reason == null || reason.isBlank())) {
                problems.add(new Problem("evaluation.error.reasonRequired", c.number()));
            }
            if (reason != null && reason.length() > 1000) {
                problems.add(new Problem("evaluation.error.reasonLength", c.number()));
            }
            if (pick) {
                problems.addAll(ledger.checkProposal(applications.load(c.applicationId()),
                        amountOf(c.applicationId(), amounts), amountReasons.get(c.applicationId())));
            }
        }
        for (Quota q : quotas(intake.callId(), ranking)) {
            int n = chosen.getOrDefault(q.code(), 0);
            if (n > q.max()) {
                problems.add(new Problem("evaluation.error.overQuota", q.code(), q.max(), n));
            }
            if (n < Math.min(q.min(), q.candidates())) {
                problems.add(new Problem("evaluation.error.underQuota", q.code(), Math.min(q.min(), q.candidates()), n));
            }
        }
        UserError.throwIfAny(problems);
        Timestamp now = Timestamp.from(PlatformClock.now());
        for (Candidate c : ranking) {
            boolean pick = selected.getOrDefault(c.applicationId(), c.preSelected());
            String reason = reasons.get(c.applicationId());
            jdbc.sql("delete from evaluation_selection where application_id = ?").param(c.applicationId()).update();
            jdbc.sql("""
                    insert into evaluation_selection (application_id, call_id, intake_key, quota_code, rank_no, pre_selected,
                        selected, reason, withdrawn, decided_by, decided_at, recommended)
                    values (?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)""")
                    .params(c.applicationId(), intake.callId(), intake.key(), c.quotaCode(), c.rank(), c.preSelected(),
                            pick, reason == null || reason.isBlank() ? null : reason.trim(), currentUser.requireId(), now,
                            pick && recommended.getOrDefault(c.applicationId(), false))
                    .update();
            Map<String, Object> data = new HashMap<>();
            if (pick) {
                Application app = applications.load(c.applicationId());
                BigDecimal amount = amountOf(c.applicationId(), amounts);
                ledger.propose(app, amount, amountReasons.get(c.applicationId()));
                data.put("approvedAmount", ledger.proposal(c.applicationId()).proposed().toPlainString());
            }
            data.put("rank", c.rank());
            data.put("quota", c.quotaCode());
            if (pick && recommended.getOrDefault(c.applicationId(), false)) {
                data.put("recommendedToProvince", true);
            }
            applications.record(c.applicationId(), "comprehensiveEvaluation", pick ? "SELECTED" : "NOT_SELECTED",
                    reason, data);
        }
        tasks.complete(taskId, Map.of());
    }

    /** The amount the office gave for the project, or the one the table proposes if it gave none. */
    private BigDecimal amountOf(long applicationId, Map<Long, BigDecimal> amounts) {
        return amounts.containsKey(applicationId) ? amounts.get(applicationId)
                : ledger.amountRule(applicationId).proposed();
    }

    /** The approved list a call-level task (organisational approval) is about: the intake's selected projects. */
    @Transactional(readOnly = true)
    public List<Candidate> selectionOfTask(String taskId) {
        IntakeRef intake = intakeOfTask(taskId);
        return ranking(intake.callId(), intake.key(), intake.categories()).stream()
                .filter(c -> c.selected() && !c.withdrawn()).toList();
    }

    /**
     * The candidates of the approval task's intake that its list leaves out (not selected, or withdrawn
     * after an objection), with their scores and the office's reasons, for the body that approves it.
     */
    @Transactional(readOnly = true)
    public List<Candidate> leftOutOfTask(String taskId) {
        IntakeRef intake = intakeOfTask(taskId);
        return ranking(intake.callId(), intake.key(), intake.categories()).stream()
                .filter(c -> !c.selected() || c.withdrawn()).toList();
    }

    /** The applications of an intake selected and not withdrawn after an objection. */
    List<Long> selectedApplications(long callId, String intakeKey) {
        return jdbc.sql("select application_id from evaluation_selection where call_id = ? and intake_key = ? and selected and not withdrawn")
                .params(callId, intakeKey).query(Long.class).list();
    }

    /** Every application the intake's evaluation decided on. */
    List<Long> evaluatedApplications(long callId, String intakeKey) {
        return jdbc.sql("select application_id from evaluation_selection where call_id = ? and intake_key = ?")
                .params(callId, intakeKey).query(Long.class).list();
    }

    void withdraw(long applicationId) {
        jdbc.sql("update evaluation_selection set withdrawn = true where application_id = ?").param(applicationId).update();
    }

    private List<Application> candidatesOf(long callId, List<String> categories) {
        List<Application> result = new ArrayList<>();
        for (String category : categories) {
            result.addAll(applications.searchInternal(callId, category, List.of(WAITING, ApplicationStatus.UNDER_NOTICE.name())));
        }
        return result;
    }
}
