package cn.kexie.capability.worklog;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ChengduEvaluation;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly evaluation of Chengdu societies (年度评估), process {@code chengdu-evaluation}: the office
 * starts it for a year, one instance per society with records that year; the society confirms its
 * records; the tier table suggests a tier and subsidy from the counts per class and type; the office
 * sets the tier and subsidy, with a reason where it departs from the suggestion (the subsidy is the
 * approved amount in the funding ledger); finance pays it.
 * Each step writes its data and completes its task in one transaction.
 */
@Service
class WorkEvaluationService {

    static final int MAX_NOTE = 1000;
    static final BigDecimal MAX_YUAN = new BigDecimal("100000000");
    /** The tier of a society that gets no subsidy; the tier table's last row gives it. */
    static final String NO_TIER = "NONE";

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final WorkRecordService records;
    private final WorkRecordRepository recordRepository;
    private final FundingLedger ledger;
    private final WorkRecordProgrammes programmes;
    private final WorkClassifier classifier;

    WorkEvaluationService(JdbcClient jdbc, RuntimeService runtimeService, RepositoryService repositoryService,
            WorkflowTasks tasks, CurrentUser currentUser, WorkRecordService records,
            WorkRecordRepository recordRepository, FundingLedger ledger, WorkRecordProgrammes programmes,
            WorkClassifier classifier) {
        this.programmes = programmes;
        this.classifier = classifier;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.records = records;
        this.recordRepository = recordRepository;
        this.ledger = ledger;
    }

    /** What starting a year did: instances started now, and societies whose evaluation already ran. */
    record StartResult(int started, int alreadyStarted) {
    }

    /** Records counted per class and per type, as the evaluation form shows them and the tier table reads them. */
    record Counts(Map<String, Integer> byClass, Map<String, Integer> byType) {
    }

    /** Everything the office's evaluation form shows. */
    record Sheet(WorkEvaluation evaluation, List<WorkRecord> records, Counts counts, String suggestedTier,
            BigDecimal suggestedYuan, List<String> tiers, List<OneOff> oneOffs) {
    }

    // ---------------------------------------------------------------- start

    /**
     * Starts the evaluation of the year for every society of the programme's city with records that year;
     * a society whose evaluation of the year already started is left as it is, so starting twice starts
     * nothing. Only for a programme whose catalogue row keeps work records, by the office of its city.
     */
    @Transactional
    StartResult startYear(String programmeCode, int year) {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("the programme office starts evaluations");
        }
        Programme programme = programmes.requireMine(programmeCode);
        int thisYear = PlatformClock.today().getYear();
        if (year < WorkRecordService.FIRST_YEAR || year > thisYear) {
            throw new UserError("worklog.error.evaluationYear", String.valueOf(WorkRecordService.FIRST_YEAR), String.valueOf(thisYear));
        }
        List<Object[]> societies = jdbc.sql("""
                select distinct o.id, o.code from organisation o join work_record r on r.organisation_id = o.id
                where o.city_code = ? and r.record_year = ? order by o.code""")
                .params(programme.cityCode(), year)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        if (societies.isEmpty()) {
            throw new UserError("worklog.error.noRecordsInYear", String.valueOf(year));
        }
        String user = currentUser.requireId();
        int started = 0;
        int already = 0;
        for (Object[] society : societies) {
            long organisationId = (Long) society[0];
            String code = (String) society[1];
            recordRepository.lockOrganisation(organisationId);
            if (recordRepository.evaluationStarted(organisationId, year)) {
                already++;
                continue;
            }
            String businessKey = ChengduEvaluation.businessKey(programme.code(), year, code);
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into work_evaluation (organisation_id, evaluation_year, business_key, status, started_by, started_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(organisationId, year, businessKey, WorkEvaluation.STARTED, user,
                            Timestamp.from(PlatformClock.now()))
                    .update(keys, "id");
            long evaluationId = keys.getKey().longValue();
            Map<String, Object> variables = new HashMap<>();
            variables.put(ChengduEvaluation.EVALUATION_ID, evaluationId);
            variables.put(ChengduEvaluation.ORGANISATION_ID, organisationId);
            variables.put(ChengduEvaluation.ORGANISATION_CODE, code);
            variables.put(ChengduEvaluation.EVALUATION_YEAR, year);
            variables.put(ChengduEvaluation.APPLICANT_GROUP, Roles.organisationGroup(code));
            // names the programme, and so the city whose tenant the instance carries
            variables.put(cn.kexie.capability.workflow.ProjectProcess.PROGRAMME, programme.code());
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(ChengduEvaluation.PROCESS_KEY,
                    businessKey, variables);
            jdbc.sql("update work_evaluation set process_instance_id = ? where id = ?")
                    .params(instance.getId(), evaluationId).update();
            started++;
        }
        return new StartResult(started, already);
    }

    /** The evaluations of a programme's year, for the office's list (a programme of the reader's cities). */
    @Transactional(readOnly = true)
    List<WorkEvaluation> ofYear(String programmeCode, int year) {
        if (!currentUser.hasAnyRole(WorkRecordService.READERS)) {
            throw new AccessDeniedException("evaluations are for the programme office");
        }
        Programme programme = programmes.requireMine(programmeCode);
        return jdbc.sql(SELECT + " where e.evaluation_year = ? and o.city_code = ? order by o.code")
                .params(year, programme.cityCode())
                .query(WorkEvaluationService::map).list();
    }

    // ---------------------------------------------------------------- the steps' tasks

    /** The evaluation a task belongs to, if the current user may work on the task. */
    @Transactional(readOnly = true)
    WorkEvaluation evaluationOfTask(String taskId) {
        tasks.get(taskId);
        Object id = tasks.variable(taskId, ChengduEvaluation.EVALUATION_ID);
        if (!(id instanceof Number n)) {
            throw new UserError("worklog.error.noEvaluation");
        }
        return load(n.longValue());
    }

    /** The society's records of the year, for a task of its evaluation. */
    @Transactional(readOnly = true)
    List<WorkRecord> recordsOfTask(String taskId) {
        WorkEvaluation evaluation = evaluationOfTask(taskId);
        return records.recordsOf(evaluation.organisationId(), evaluation.year());
    }

    /** The society confirms that its records of the year are complete (the task of its organisation group). */
    @Transactional
    void confirm(String taskId, boolean complete, String note) {
        WorkItem task = requireStep(taskId, ChengduEvaluation.TASK_CONFIRM_RECORDS);
        WorkEvaluation evaluation = evaluationOfTask(task.id());
        List<Problem> problems = new ArrayList<>();
        if (!complete) {
            problems.add(new Problem("worklog.error.confirmationMissing"));
        }
        String cleanNote = note == null || note.isBlank() ? null : note.trim();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            problems.add(new Problem("worklog.error.noteLength", MAX_NOTE));
        }
        UserError.throwIfAny(problems);
        jdbc.sql("update work_evaluation set confirmed_by = ?, confirmed_at = ?, confirmation_note = ? where id = ?")
                .params(currentUser.requireId(), Timestamp.from(PlatformClock.now()), cleanNote, evaluation.id())
                .update();
        tasks.complete(taskId, Map.of(ChengduEvaluation.RECORDS_CONFIRMED, true));
    }

    /** The office's evaluation form: the classified list, the counts, and the tier table's suggestion. */
    @Transactional(readOnly = true)
    Sheet sheet(String taskId) {
        WorkEvaluation evaluation = evaluationOfTask(taskId);
        List<WorkRecord> list = records.recordsOf(evaluation.organisationId(), evaluation.year());
        Object suggestion = tasks.variable(taskId, ChengduEvaluation.TIER_SUGGESTION);
        String tier = null;
        BigDecimal yuan = null;
        if (suggestion instanceof Map<?, ?> map) {
            tier = map.get(ChengduEvaluation.TIER) == null ? null : String.valueOf(map.get(ChengduEvaluation.TIER));
            yuan = yuan(map.get(ChengduEvaluation.SUGGESTED_YUAN));
        }
        return new Sheet(evaluation, list, counts(evaluation.organisationId(), list), tier, yuan, tiers(tier),
                oneOffs(evaluation, list));
    }

    /**
     * The office sets the tier and the subsidy. A tier of {@value #NO_TIER} goes with no money and
     * every other tier with some; a tier or amount that differs from the table's suggestion needs a reason.
     */
    @Transactional
    void evaluate(String taskId, String tier, BigDecimal subsidyYuan, String reason) {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("the programme office evaluates");
        }
        requireStep(taskId, ChengduEvaluation.TASK_YEARLY_EVALUATION);
        Sheet sheet = sheet(taskId);
        List<Problem> problems = new ArrayList<>();
        if (tier == null || !sheet.tiers().contains(tier)) {
            problems.add(new Problem("worklog.error.tier", String.join("、", sheet.tiers())));
        }
        if (subsidyYuan == null || subsidyYuan.signum() < 0 || subsidyYuan.compareTo(MAX_YUAN) > 0
                || subsidyYuan.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem("worklog.error.amount"));
        } else if (NO_TIER.equals(tier) && subsidyYuan.signum() != 0) {
            problems.add(new Problem("worklog.error.noTierNoMoney"));
        } else if (tier != null && !NO_TIER.equals(tier) && subsidyYuan.signum() == 0) {
            problems.add(new Problem("worklog.error.tierNeedsMoney", tier));
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.trim();
        boolean departs = !Objects.equals(tier, sheet.suggestedTier()) || subsidyYuan == null
                || sheet.suggestedYuan() == null || subsidyYuan.compareTo(sheet.suggestedYuan()) != 0;
        if (departs && cleanReason == null) {
            problems.add(new Problem("worklog.error.reasonRequired", tierArgument(sheet.suggestedTier()),
                    sheet.suggestedYuan() == null ? "—" : sheet.suggestedYuan().toPlainString()));
        }
        if (cleanReason != null && cleanReason.length() > MAX_NOTE) {
            problems.add(new Problem("worklog.error.reasonLength", MAX_NOTE));
        }
        UserError.throwIfAny(problems);
        BigDecimal amount = subsidyYuan.setScale(2, RoundingMode.UNNECESSARY);
        jdbc.sql("""
                update work_evaluation set suggested_tier = ?, suggested_yuan = ?, tier = ?, subsidy_yuan = ?,
                    override_reason = ?, evaluated_by = ?, evaluated_at = ? where id = ?""")
                .params(sheet.suggestedTier(), sheet.suggestedYuan(), tier, amount, cleanReason,
                        currentUser.requireId(), Timestamp.from(PlatformClock.now()), sheet.evaluation().id())
                .update();
        // the subsidy set is the evaluation's approved amount (核定金额) in the ledger
        ledger.approveEvaluation(ledgerSubject(sheet.evaluation()), amount, cleanReason);
        if (amount.signum() > 0) {
            // the one-off subsidies of new stations and consortia are granted with it, once: the register's
            // unique key (society, type, name) refuses a second grant
            for (OneOff oneOff : oneOffsDue(sheet.evaluation().organisationId(), sheet.records())) {
                jdbc.sql("""
                        insert into work_one_off_grant (organisation_id, work_type, subject, work_record_id,
                            evaluation_id, amount_yuan, granted_by, granted_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(sheet.evaluation().organisationId(), oneOff.record().workType(), oneOff.subject(),
                                oneOff.record().id(), sheet.evaluation().id(), oneOff.yuan(), currentUser.requireId(),
                                Timestamp.from(PlatformClock.now()))
                        .update();
            }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ChengduEvaluation.TIER, tier);
        variables.put(ChengduEvaluation.SUBSIDY_YUAN, amount.doubleValue());
        variables.put(ChengduEvaluation.SUBSIDY_DUE, amount.signum() > 0);
        tasks.complete(taskId, variables);
    }

    /**
     * Finance records the payment of the subsidy and completes its step: at most the approved amount
     * (the subsidy set), on a day from the evaluation to today, to the account the register holds;
     * checked and kept by the funding ledger.
     */
    @Transactional
    void pay(String taskId, BigDecimal paidYuan, LocalDate paidOn, String voucherNo) {
        if (!currentUser.hasAnyRole(Roles.FINANCE, Roles.ADMIN)) {
            throw new AccessDeniedException("finance pays");
        }
        requireStep(taskId, ChengduEvaluation.TASK_PAY_SUBSIDY);
        WorkEvaluation evaluation = evaluationOfTask(taskId);
        ledger.payEvaluation(ledgerSubject(evaluation), new FundingService.Payment(paidYuan, paidOn, voucherNo));
        tasks.complete(taskId, Map.of());
    }

    /** The evaluation's money: its subsidy as approved, what was paid. */
    Money money(WorkEvaluation evaluation) {
        return ledger.moneyOfEvaluation(evaluation.id());
    }

    /** The money of each evaluation, for the office's list (evaluations without entries have none). */
    Map<Long, Money> money(List<WorkEvaluation> evaluations) {
        return ledger.moneyOfEvaluations(evaluations.stream().map(WorkEvaluation::id).toList());
    }

    private FundingLedger.Evaluation ledgerSubject(WorkEvaluation e) {
        String programme = records.programmeOf(e.organisationId()).map(Programme::code)
                .orElseThrow(() -> new IllegalStateException("no work-record programme for organisation " + e.organisationId()));
        return new FundingLedger.Evaluation(e.id(), programme, e.organisationId(), e.businessKey());
    }

    // ---------------------------------------------------------------- for the diagram's steps

    void setStatus(long evaluationId, String status) {
        jdbc.sql("update work_evaluation set status = ? where id = ?").params(status, evaluationId).update();
    }

    /**
     * The counts the tier table reads, one process variable each: every class
     * ({@code internationalActivities}, ...), the research outcomes that count ({@code researchOutcomes}),
     * and every work type of the catalogue ({@code serviceStationRecords}, ...); zero where there is none.
     */
    Map<String, Object> countVariables(long organisationId, int year) {
        Counts counts = counts(organisationId, records.recordsOf(organisationId, year));
        Map<String, Object> variables = new LinkedHashMap<>();
        counts.byClass().forEach((cls, n) -> {
            if (WorkClassifier.OUTCOME.equals(cls)) {
                variables.put(WorkClassifier.OUTCOME_COUNT_VARIABLE, n);
            } else if (!WorkClassifier.NO_OUTCOME.equals(cls)) {
                variables.put(WorkClassifier.classCountVariable(cls), n);
            }
        });
        counts.byType().forEach((type, n) -> variables.put(WorkClassifier.typeCountVariable(type), n));
        // 一次性补助 of new stations and consortia not granted before: the tier table adds it to its amount
        variables.put(ONE_OFF_YUAN, oneOffsDue(organisationId, records.recordsOf(organisationId, year)).stream()
                .map(OneOff::yuan).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
        return variables;
    }

    /** The variable the tier table adds to its amount: the one-off subsidies due, in yuan. */
    static final String ONE_OFF_YUAN = "oneOffYuan";

    /** A one-off subsidy (一次性补助) a record of a new station or consortium brings. */
    record OneOff(WorkRecord record, String subject, BigDecimal yuan) {
    }

    /**
     * The one-off subsidies the records bring ({@code chengdu-one-off-subsidy}), leaving out each station
     * or consortium (work type and name) the society was granted one for before: once, never twice.
     */
    List<OneOff> oneOffsDue(long organisationId, List<WorkRecord> list) {
        List<OneOff> due = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (WorkRecord r : list) {
            BigDecimal yuan = classifier.oneOffYuan(r);
            String subject = r.title().trim();
            if (yuan.signum() <= 0 || !seen.add(r.workType() + "/" + subject)
                    || oneOffGranted(organisationId, r.workType(), subject)) {
                continue;
            }
            due.add(new OneOff(r, subject, yuan));
        }
        return due;
    }

    private boolean oneOffGranted(long organisationId, String workType, String subject) {
        return jdbc.sql("select count(*) from work_one_off_grant where organisation_id = ? and work_type = ? and subject = ?")
                .params(organisationId, workType, subject).query(Integer.class).single() > 0;
    }

    /** The one-off subsidies of an evaluation's sheet: those still due, or those it granted once decided. */
    List<OneOff> oneOffs(WorkEvaluation evaluation, List<WorkRecord> list) {
        List<Long> granted = jdbc.sql("select work_record_id from work_one_off_grant where evaluation_id = ?")
                .param(evaluation.id()).query(Long.class).list();
        if (!granted.isEmpty()) {
            return list.stream().filter(r -> granted.contains(r.id()))
                    .map(r -> new OneOff(r, r.title().trim(), classifier.oneOffYuan(r))).toList();
        }
        return oneOffsDue(evaluation.organisationId(), list);
    }

    /** Counts per class (every activity class and both outcome classes, zero included) and per work type. */
    Counts counts(long organisationId, List<WorkRecord> list) {
        Map<String, Integer> byClass = new LinkedHashMap<>();
        WorkClassifier.ACTIVITY_CLASSES.forEach(c -> byClass.put(c, 0));
        WorkClassifier.KEY_WORK_CLASSES.forEach(c -> byClass.put(c, 0));
        byClass.put(WorkClassifier.OUTCOME, 0);
        byClass.put(WorkClassifier.NO_OUTCOME, 0);
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (Category type : records.workTypesOf(organisationId)) {
            byType.put(type.code(), 0);
        }
        for (WorkRecord r : list) {
            byType.merge(r.workType(), 1, Integer::sum);
            if (r.workClass() != null) {
                byClass.merge(r.workClass(), 1, Integer::sum);
            }
        }
        return new Counts(byClass, byType);
    }

    /**
     * The tiers the office may choose: those the deployed tier table gives (in its rule order), and the
     * suggested one. Read from the table, so a tier added in the Modeler is offered without a rebuild.
     */
    List<String> tiers(String suggested) {
        Set<String> tiers = new LinkedHashSet<>();
        DecisionDefinition table = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ChengduEvaluation.DECISION_SUBSIDY_TIER).latestVersion().singleResult();
        if (table != null) {
            DmnModelInstance model = repositoryService.getDmnModelInstance(table.getId());
            for (DecisionTable decisionTable : model.getModelElementsByType(DecisionTable.class)) {
                List<Output> outputs = new ArrayList<>(decisionTable.getOutputs());
                int column = -1;
                for (int i = 0; i < outputs.size(); i++) {
                    if (ChengduEvaluation.TIER.equals(outputs.get(i).getName())) {
                        column = i;
                    }
                }
                if (column < 0) {
                    continue;
                }
                for (Rule rule : decisionTable.getRules()) {
                    OutputEntry entry = new ArrayList<>(rule.getOutputEntries()).get(column);
                    String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
                    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                        tiers.add(text.substring(1, text.length() - 1));
                    }
                }
            }
        }
        if (suggested != null) {
            tiers.add(suggested);
        }
        tiers.add(NO_TIER);
        return List.copyOf(tiers);
    }

    /** A tier for a message: its message key where the bundles name it (translated when shown), else the code. */
    private static String tierArgument(String tier) {
        if (tier == null) {
            return "—";
        }
        String key = "worklog.tier." + tier;
        return Messages.get(Messages.CHINESE, key).equals(key) ? tier : key;
    }

    private WorkItem requireStep(String taskId, String taskDefinitionKey) {
        WorkItem task = tasks.get(taskId);
        if (!taskDefinitionKey.equals(task.taskDefinitionKey())) {
            throw new UserError("worklog.error.wrongTask");
        }
        return task;
    }

    private WorkEvaluation load(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(WorkEvaluationService::map).optional()
                .orElseThrow(() -> new UserError("worklog.error.noEvaluation"));
    }

    private static BigDecimal yuan(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP);
        }
        return null;
    }

    private static final String SELECT = """
            select e.*, o.code as organisation_code, o.name as organisation_name
            from work_evaluation e join organisation o on o.id = e.organisation_id""";

    private static WorkEvaluation map(ResultSet rs, int row) throws SQLException {
        return new WorkEvaluation(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_code"),
                rs.getString("organisation_name"), rs.getInt("evaluation_year"), rs.getString("business_key"),
                rs.getString("process_instance_id"), rs.getString("status"), rs.getString("started_by"),
                instant(rs, "started_at"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"),
                rs.getString("confirmation_note"), rs.getString("suggested_tier"), rs.getBigDecimal("suggested_yuan"),
                rs.getString("tier"), rs.getBigDecimal("subsidy_yuan"), rs.getString("override_reason"),
                rs.getString("evaluated_by"), instant(rs, "evaluated_at"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
