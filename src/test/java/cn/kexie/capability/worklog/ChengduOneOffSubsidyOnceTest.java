package cn.kexie.capability.worklog;

import static cn.kexie.capability.workflow.ChengduEvaluation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 004 三2 "对新建服务站给予一次性补助，以后每年根据评估绩效予以分档补助" and 四3 "对新建联合体给予牵头（承办）
 * 学会一次性分类补助": the yearly evaluation suggests the one-off subsidy with the tier's amount the year a
 * station or consortium is new, and never again for the same station, even recorded as new a second time.
 */
@PlatformTest
class ChengduOneOffSubsidyOnceTest {

    private static final int FIRST_YEAR = 2012;
    private static final int NEXT_YEAR = 2013;
    private static final String STATION = "天府医学国家级学会服务站（一次性补助测试）";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identity;
    @Autowired WorkRecordService records;
    @Autowired WorkEvaluationService evaluations;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void aNewStationsOneOffSubsidyIsSuggestedAndGrantedOnceOnly() {
        save(station(FIRST_YEAR, STATION, true));
        // a consortium the society joined but does not lead: no one-off subsidy for it
        save(consortium(FIRST_YEAR, "成渝医学联合体（参与）", true, false));

        WorkEvaluationService.Sheet first = evaluate(FIRST_YEAR);
        assertThat(first.counts().byClass()).containsEntry("STATION_NATIONAL", 1).containsEntry("CONSORTIUM_OTHER", 1);
        assertThat(first.suggestedTier()).as("a national station is key support: tier B").isEqualTo("B");
        assertThat(first.suggestedYuan()).as("tier B 30000 + the new national station's one-off 20000 (defaults)")
                .isEqualByComparingTo("50000");
        assertThat(first.oneOffs()).extracting(WorkEvaluationService.OneOff::subject).containsExactly(STATION);
        decide(FIRST_YEAR, first);
        assertThat(grants()).as("granted with the evaluation, once").isEqualTo(1);

        // next year the society records the same station as new again: the tier only
        save(station(NEXT_YEAR, STATION, true));
        WorkEvaluationService.Sheet next = evaluate(NEXT_YEAR);
        assertThat(next.suggestedTier()).isEqualTo("B");
        assertThat(next.suggestedYuan()).as("no second one-off for the same station").isEqualByComparingTo("30000");
        assertThat(next.oneOffs()).isEmpty();
        decide(NEXT_YEAR, next);
        assertThat(grants()).isEqualTo(1);
        // the first year's sheet still shows the one-off it granted
        assertThat(evaluations.oneOffs(first.evaluation(), first.records()))
                .extracting(WorkEvaluationService.OneOff::subject).containsExactly(STATION);
    }

    private WorkEvaluationService.Sheet evaluate(int year) {
        as("office", () -> evaluations.startYear("CHENGDU", year));
        ProcessInstance evaluation = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey("CHENGDU", year, "CD-MED")).singleResult();
        String confirmTask = task(evaluation).getId();
        AsUser.run(identity, "cd-med", () -> evaluations.confirm(confirmTask, true, null));
        assertThat(evaluation).isWaitingAt(TASK_YEARLY_EVALUATION);
        String evaluationTask = task(evaluation).getId();
        return as("office", () -> evaluations.sheet(evaluationTask));
    }

    private void decide(int year, WorkEvaluationService.Sheet sheet) {
        ProcessInstance evaluation = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey("CHENGDU", year, "CD-MED")).singleResult();
        String evaluationTask = task(evaluation).getId();
        AsUser.run(identity, "office", () -> evaluations.evaluate(evaluationTask, sheet.suggestedTier(),
                sheet.suggestedYuan(), null));
    }

    private int grants() {
        return jdbc.sql("""
                select count(*) from work_one_off_grant g join organisation o on o.id = g.organisation_id
                where o.code = 'CD-MED' and g.subject = ?""").param(STATION).query(Integer.class).single();
    }

    private static WorkRecordDraft station(int year, String name, boolean newlyBuilt) {
        return new WorkRecordDraft(year, "SERVICE_STATION", name, LocalDate.of(year, 4, 8))
                .fact("stationLevel", "NATIONAL").fact("newlyBuilt", newlyBuilt);
    }

    private static WorkRecordDraft consortium(int year, String name, boolean newlyBuilt, boolean lead) {
        return new WorkRecordDraft(year, "CONSORTIUM", name, LocalDate.of(year, 5, 8))
                .fact("newlyBuilt", newlyBuilt).fact("leadSociety", lead);
    }

    private void save(WorkRecordDraft draft) {
        AsUser.run(identity, "cd-med", () -> records.save(draft, List.of(), List.of()));
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
