package cn.kexie.capability.worklog;

import static cn.kexie.capability.workflow.ChengduEvaluation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.calendar.WorkingDays;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.security.Roles;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path through {@code processes/chengdu-evaluation.bpmn} on the whole application, driven
 * through the services the forms call, as the demo users: the society confirms, the office
 * evaluates and finance pays; the confirmation lapses after ten working days and the evaluation goes
 * on; the office grants no subsidy. Each path keeps to a year of its own.
 */
@PlatformTest
class ChengduEvaluationProcessTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identity;
    @Autowired WorkRecordService records;
    @Autowired WorkEvaluationService evaluations;
    @Autowired WorkingDays workingDays;
    @Autowired FundingLedger ledger;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void confirmedRecordsAreEvaluatedAndTheSubsidyPaid() {
        save("cd-elec", exchange(2016, "全国电子信息学术大会", 300, 7, 1, true, true));
        save("cd-elec", exchange(2016, "成都电子学会年会", 150, 0, 1, true, true));
        save("cd-elec", research(2016, "电子信息产业发展建议"));
        // Monday 2025-03-03, 09:00 in Shanghai: ten working days end with Friday 2025-03-14
        ClockUtil.setCurrentTime(shanghai(2025, 3, 3, 9, 0));

        as("office", () -> evaluations.startYear("CHENGDU", 2016));
        ProcessInstance evaluation = instance(2016, "CD-ELEC");

        assertThat(evaluation).isWaitingAt(TASK_CONFIRM_RECORDS);
        assertThat(task(evaluation)).hasCandidateGroup(Roles.organisationGroup("CD-ELEC"))
                .hasFormKey(Forms.CONFIRM_RECORDS).isNotAssigned()
                .hasDueDate(shanghai(2025, 3, 15, 0, 0))
                .hasDueDate(workingDays.endOfPeriod(shanghai(2025, 3, 3, 9, 0), CONFIRMATION_WORKING_DAYS));
        assertThat(status(2016, "CD-ELEC")).isEqualTo(WorkEvaluation.CONFIRMING);
        String confirmTask = task(evaluation).getId();
        assertThatThrownBy(() -> AsUser.run(identity, "cd-med", () -> evaluations.confirm(confirmTask, true, null)))
                .as("another society cannot confirm").isInstanceOf(AccessDeniedException.class);
        assertThat(refusal(() -> {
            AsUser.run(identity, "cd-elec", () -> evaluations.confirm(confirmTask, false, null));
            return null;
        })).isEqualTo("worklog.error.confirmationMissing");
        assertThat(as("cd-elec", () -> evaluations.recordsOfTask(confirmTask))).hasSize(3);

        AsUser.run(identity, "cd-elec", () -> evaluations.confirm(confirmTask, true, "另有一项科普日活动未录入"));

        assertThat(evaluation).hasPassedInOrder(TASK_CONFIRM_RECORDS, TASK_COUNT_RECORDS, TASK_SUGGEST_TIER)
                .hasNotPassed(TIMER_CONFIRMATION_LAPSED).isWaitingAt(TASK_YEARLY_EVALUATION);
        assertThat(task(evaluation)).hasCandidateGroup(Roles.PROGRAMME_OFFICE).hasFormKey(Forms.YEARLY_EVALUATION);
        assertThat(evaluation).variables().containsEntry("nationalActivities", 1)
                .containsEntry("annualConferenceActivities", 1).containsEntry("internationalActivities", 0)
                .containsEntry("researchOutcomes", 1).containsEntry("academicExchangeRecords", 2)
                .containsEntry("serviceStationRecords", 0).containsEntry(RECORDS_CONFIRMED, true);
        String evaluationTask = task(evaluation).getId();
        WorkEvaluationService.Sheet sheet = as("office", () -> evaluations.sheet(evaluationTask));
        assertThat(sheet.suggestedTier()).isEqualTo("A");
        assertThat(sheet.suggestedYuan()).isEqualByComparingTo("50000");
        assertThat(sheet.tiers()).containsExactly("A", "B", "C", "NONE");
        assertThat(sheet.counts().byClass()).containsEntry("NATIONAL", 1).containsEntry("ANNUAL_CONFERENCE", 1)
                .containsEntry(WorkClassifier.OUTCOME, 1).containsEntry("OTHER", 0);
        assertThat(sheet.counts().byType()).containsEntry("ACADEMIC_EXCHANGE", 2).containsEntry("RESEARCH_ADVICE", 1)
                .containsEntry("MAJOR_WORK", 0).hasSize(7);
        assertThat(sheet.evaluation().confirmedBy()).isEqualTo("cd-elec");
        assertThat(sheet.evaluation().confirmationNote()).isEqualTo("另有一项科普日活动未录入");
        assertThatThrownBy(() -> AsUser.run(identity, "cd-elec",
                () -> evaluations.evaluate(evaluationTask, "A", new BigDecimal("50000"), null)))
                .isInstanceOf(AccessDeniedException.class);

        AsUser.run(identity, "office", () -> evaluations.evaluate(evaluationTask, "A", new BigDecimal("50000"), null));

        assertThat(evaluation).hasPassed(GATEWAY_SUBSIDY_DUE).isWaitingAt(TASK_PAY_SUBSIDY);
        assertThat(task(evaluation)).hasCandidateGroup(Roles.FINANCE).hasFormKey(Forms.SUBSIDY_PAYMENT);
        assertThat(status(2016, "CD-ELEC")).isEqualTo(WorkEvaluation.AWAITING_PAYMENT);
        String paymentTask = task(evaluation).getId();
        assertThat(refusal(() -> {
            AsUser.run(identity, "finance", () -> evaluations.pay(paymentTask, new BigDecimal("50000.01"),
                    PlatformClock.today(), "PZ-2016-018"));
            return null;
        })).as("more than the subsidy set, which is the approved amount").isEqualTo("funding.error.aboveApproved");

        AsUser.run(identity, "finance", () -> evaluations.pay(paymentTask, new BigDecimal("50000"),
                PlatformClock.today(), "PZ-2016-018"));

        assertThat(evaluation).isEnded().hasPassed(END_EVENT_SUBSIDY_PAID).hasNotPassed(END_EVENT_NO_SUBSIDY);
        WorkEvaluation done = evaluation(2016, "CD-ELEC");
        assertThat(done.status()).isEqualTo(WorkEvaluation.PAID);
        assertThat(done.tier()).isEqualTo("A");
        assertThat(done.subsidyYuan()).isEqualByComparingTo("50000");
        assertThat(done.overrideReason()).isNull();
        Money money = ledger.moneyOfEvaluation(done.id());
        assertThat(money.approved()).isEqualByComparingTo("50000");
        assertThat(money.paid()).isEqualByComparingTo("50000");
        assertThat(jdbc.sql("""
                select voucher_no, recorded_by, bank_account_name from funding_entry
                where work_evaluation_id = ? and kind = 'DISBURSEMENT'""").param(done.id())
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single())
                .as("the payment, by finance, to the account in the register").isEqualTo("PZ-2016-018|finance|成都电子学会");
    }

    @Test
    void anUnconfirmedEvaluationGoesOnAfterTenWorkingDays() {
        save("cd-med", exchange(2017, "国际医学交流会", 60, 0, 4, false, false));
        // Monday 2025-03-03, 09:00 in Shanghai: ten working days end with Friday 2025-03-14
        ClockUtil.setCurrentTime(shanghai(2025, 3, 3, 9, 0));
        as("office", () -> evaluations.startYear("CHENGDU", 2017));
        ProcessInstance evaluation = instance(2017, "CD-MED");
        assertThat(evaluation).isWaitingAt(TASK_CONFIRM_RECORDS);
        String confirmTask = task(evaluation).getId();

        Date lapse = shanghai(2025, 3, 15, 0, 0);
        Job timer = managementService.createJobQuery().processInstanceId(evaluation.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(lapse);
        assertThat(task(evaluation)).hasDueDate(lapse);
        ClockUtil.setCurrentTime(Date.from(lapse.toInstant().minus(Duration.ofMinutes(1))));
        assertThat(managementService.createJobQuery().processInstanceId(evaluation.getId()).timers().executable().count())
                .isZero();
        ClockUtil.setCurrentTime(lapse);
        managementService.executeJob(timer.getId());

        assertThat(evaluation).hasPassedInOrder(TIMER_CONFIRMATION_LAPSED, TASK_COUNT_RECORDS, TASK_SUGGEST_TIER)
                .isWaitingAt(TASK_YEARLY_EVALUATION);
        assertThat(runtimeService.getVariable(evaluation.getId(), RECORDS_CONFIRMED)).isNull();
        assertThat(refusal(() -> {
            AsUser.run(identity, "cd-med", () -> evaluations.confirm(confirmTask, true, null));
            return null;
        })).as("the confirmation is over").isEqualTo("task.error.gone");
        WorkEvaluation lapsed = evaluation(2017, "CD-MED");
        assertThat(lapsed.confirmedAt()).isNull();
        assertThat(lapsed.status()).isEqualTo(WorkEvaluation.EVALUATING);

        String evaluationTask = task(evaluation).getId();
        WorkEvaluationService.Sheet sheet = as("office", () -> evaluations.sheet(evaluationTask));
        assertThat(sheet.suggestedTier()).isEqualTo("C");
        AsUser.run(identity, "office", () -> evaluations.evaluate(evaluationTask, "C", new BigDecimal("10000"), null));
        AsUser.run(identity, "finance", () -> evaluations.pay(task(evaluation).getId(), new BigDecimal("10000"),
                LocalDate.of(2025, 3, 15), "PZ-2017-003"));
        assertThat(evaluation).isEnded().hasPassed(END_EVENT_SUBSIDY_PAID);
    }

    @Test
    void noSubsidyEndsTheEvaluationWithoutPayment() {
        save("cd-elec", exchange(2018, "科技沙龙", 25, 0, 1, false, false));
        as("office", () -> evaluations.startYear("CHENGDU", 2018));
        ProcessInstance evaluation = instance(2018, "CD-ELEC");
        AsUser.run(identity, "cd-elec", () -> evaluations.confirm(task(evaluation).getId(), true, null));
        String evaluationTask = task(evaluation).getId();
        WorkEvaluationService.Sheet sheet = as("office", () -> evaluations.sheet(evaluationTask));
        assertThat(sheet.suggestedTier()).isEqualTo("NONE");
        assertThat(sheet.suggestedYuan()).isEqualByComparingTo("0");

        AsUser.run(identity, "office", () -> evaluations.evaluate(evaluationTask, "NONE", BigDecimal.ZERO, null));

        assertThat(evaluation).isEnded().hasPassed(GATEWAY_SUBSIDY_DUE, END_EVENT_NO_SUBSIDY)
                .hasNotPassed(TASK_PAY_SUBSIDY);
        WorkEvaluation done = evaluation(2018, "CD-ELEC");
        assertThat(done.status()).isEqualTo(WorkEvaluation.NO_SUBSIDY);
        assertThat(done.tier()).isEqualTo("NONE");
        assertThat(done.subsidyYuan()).isEqualByComparingTo("0");
        assertThat(ledger.moneyOfEvaluation(done.id())).as("nothing approved, nothing paid").isEqualTo(Money.NONE);
    }

    @Test
    void theOfficeDepartsFromTheSuggestionOnlyWithAReasonAndWithinTheRules() {
        save("cd-med", exchange(2015, "全国医学年会", 200, 9, 1, true, true));
        save("cd-med", exchange(2015, "中日韩医学论坛", 80, 0, 3, false, false));
        save("cd-med", research(2015, "分级诊疗建议"));
        as("office", () -> evaluations.startYear("CHENGDU", 2015));
        ProcessInstance evaluation = instance(2015, "CD-MED");
        AsUser.run(identity, "cd-med", () -> evaluations.confirm(task(evaluation).getId(), true, null));
        String taskId = task(evaluation).getId();
        assertThat(as("office", () -> evaluations.sheet(taskId)).suggestedTier()).isEqualTo("A");

        assertThat(evaluateRefusals(taskId, "B", "30000", null)).containsExactly("worklog.error.reasonRequired");
        assertThat(evaluateRefusals(taskId, "A", "45000", " ")).containsExactly("worklog.error.reasonRequired");
        assertThat(evaluateRefusals(taskId, "NONE", "1000", "经费不足")).containsExactly("worklog.error.noTierNoMoney");
        assertThat(evaluateRefusals(taskId, "B", "0", "经费不足")).containsExactly("worklog.error.tierNeedsMoney");
        assertThat(evaluateRefusals(taskId, "Z", "30000", "经费不足")).containsExactly("worklog.error.tier");
        assertThat(evaluateRefusals(taskId, "B", "30000.001", "经费不足")).containsExactly("worklog.error.amount");
        assertThat(evaluateRefusals(taskId, "B", "-1", "经费不足")).containsExactly("worklog.error.amount");
        assertThat(evaluation).isWaitingAt(TASK_YEARLY_EVALUATION);

        AsUser.run(identity, "office", () -> evaluations.evaluate(taskId, "B", new BigDecimal("30000"),
                "年度预算调减，按二档补助"));

        WorkEvaluation decided = evaluation(2015, "CD-MED");
        assertThat(decided.suggestedTier()).isEqualTo("A");
        assertThat(decided.suggestedYuan()).isEqualByComparingTo("50000");
        assertThat(decided.tier()).isEqualTo("B");
        assertThat(decided.subsidyYuan()).isEqualByComparingTo("30000");
        assertThat(decided.overrideReason()).isEqualTo("年度预算调减，按二档补助");
        String paymentTask = task(evaluation).getId();
        assertThat(payRefusals(paymentTask, "30000", PlatformClock.today().plusDays(1), "PZ-1"))
                .containsExactly("funding.error.date");
        assertThat(payRefusals(paymentTask, "30000", PlatformClock.today().minusDays(1), "PZ-1"))
                .as("not before the subsidy was set").containsExactly("funding.error.beforeApproval");
        assertThat(payRefusals(paymentTask, "0", PlatformClock.today(), " "))
                .containsExactly("funding.error.amount", "funding.error.voucher");
        assertThat(payRefusals(paymentTask, "30000.01", PlatformClock.today(), "PZ-1"))
                .containsExactly("funding.error.aboveApproved");
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> evaluations.pay(paymentTask,
                new BigDecimal("30000"), PlatformClock.today(), "PZ-1"))).isInstanceOf(AccessDeniedException.class);
        assertThat(evaluation).isWaitingAt(TASK_PAY_SUBSIDY);
    }

    // ---------------------------------------------------------------- helpers

    private List<String> evaluateRefusals(String taskId, String tier, String yuan, String reason) {
        try {
            AsUser.run(identity, "office", () -> evaluations.evaluate(taskId, tier, new BigDecimal(yuan), reason));
            return List.of();
        } catch (UserError refused) {
            return refused.problems().stream().map(UserError.Problem::key).toList();
        }
    }

    private List<String> payRefusals(String taskId, String yuan, LocalDate on, String voucher) {
        try {
            AsUser.run(identity, "finance", () -> evaluations.pay(taskId, new BigDecimal(yuan), on, voucher));
            return List.of();
        } catch (UserError refused) {
            return refused.problems().stream().map(UserError.Problem::key).toList();
        }
    }

    private static String refusal(Supplier<?> action) {
        try {
            action.get();
        } catch (UserError refused) {
            return refused.problems().get(0).key();
        }
        throw new AssertionError("expected a refusal");
    }

    private ProcessInstance instance(int year, String code) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey("CHENGDU", year, code)).singleResult();
    }

    private WorkEvaluation evaluation(int year, String code) {
        return as("office", () -> evaluations.ofYear("CHENGDU", year)).stream()
                .filter(e -> e.organisationCode().equals(code)).findFirst().orElseThrow();
    }

    private String status(int year, String code) {
        return evaluation(year, code).status();
    }

    private void save(String user, WorkRecordDraft draft) {
        AsUser.run(identity, user, () -> records.save(draft, List.of(), List.of()));
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }

    private static WorkRecordDraft exchange(int year, String title, int participants, int provinces, int countries,
            boolean forums, boolean materials) {
        return WorkRecordServiceTest.exchange(year, title, participants, provinces, countries, forums, materials, false);
    }

    private static WorkRecordDraft research(int year, String title) {
        WorkRecordDraft draft = new WorkRecordDraft(year, "RESEARCH_ADVICE", title, LocalDate.of(year, 10, 8));
        draft.setPublishedInJournal(true);
        return draft;
    }

    private static Date shanghai(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(PlatformClock.ZONE).toInstant());
    }

}
