package cn.kexie.capability.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationEvent;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.approval.ConfirmationService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.evaluation.EvaluationService;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.AwardCall;
import cn.kexie.capability.workflow.AwardReview;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Award seasons of Lianyungang and Xiangyang on the shared award pipeline, from application to the
 * award paid: county confirmation, each city's eligibility table, rubric scoring, ranking within the
 * number of awards, approval, public notice.
 */
@PlatformTest
class AwardSeasonTest {

    static final byte[] PDF = "%PDF-1.4\n% test\n".getBytes(StandardCharsets.US_ASCII);
    static final List<String> PANEL = List.of("expert1", "expert2", "expert4");

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ConfirmationService confirmations;
    @Autowired ReviewService reviews;
    @Autowired EvaluationService evaluation;
    @Autowired ApprovalService approvals;
    @Autowired FundingService funding;
    @Autowired FundingLedger ledger;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void lianyungangServiceStationsAreConfirmedRankedWithinTheirAwardsAndPaid() {
        int year = 2034;
        at(year, 3, 1);
        Call call = AsUser.call(identity, "office", () -> {
            Call c = catalogue.createCall("LIANYUNGANG", year, year + "年度连云港市提升能力活动（测试）", LocalDate.of(year, 3, 16));
            catalogue.saveCallCategory(new CallCategory(c.id(), "SERVICE_STATION", LocalDate.of(year, 3, 16),
                    LocalDate.of(year, 5, 31), 2, new BigDecimal("3000")));
            catalogue.saveQuota(new CallQuota(c.id(), "SERVICE_STATION", 0, 2));
            return catalogue.call(c.id()).orElseThrow();
        });
        at(year, 3, 16);
        runTimers(call.processInstanceId());

        at(year, 4, 10);
        List<Application> stations = new ArrayList<>();
        stations.add(apply("lyg-phar", call, "SERVICE_STATION", "海州区人民医院药学服务站", station("LYG_HAIZHOU")));
        stations.add(apply("lyg-phar", call, "SERVICE_STATION", "东海县药企质量服务站", station("LYG_DONGHAI")));
        stations.add(apply("lyg-chem", call, "SERVICE_STATION", "化工园区安全服务站", station("LYG_HAIZHOU")));
        Application refused = apply("lyg-chem", call, "SERVICE_STATION", "未获县区确认的服务站", station("LYG_HAIZHOU"));

        // the county association of the station's county confirms before review (county: 海州区, county-dh: 东海县);
        // a refusal ends the application with the county's reason
        Map<String, String> countyUser = Map.of("county-lyg-haizhou", "county", "county-lyg-donghai", "county-dh");
        for (Application app : stations) {
            Task confirm = task(app, AwardReview.TASK_CONFIRMATION);
            String group = "county-lyg-" + (app.title().startsWith("东海县") ? "donghai" : "haizhou");
            assertThat(taskService.getIdentityLinksForTask(confirm.getId())).singleElement()
                    .satisfies(l -> assertThat(l.getGroupId()).isEqualTo(group));
            AsUser.run(identity, countyUser.get(group), () -> confirmations.confirm(confirm.getId(), true, "情况属实"));
        }
        AsUser.run(identity, "county", () -> confirmations.confirm(task(refused, AwardReview.TASK_CONFIRMATION).getId(), false,
                "服务站未实际运行"));
        assertThat(status(refused)).isEqualTo("NOT_ACCEPTED");
        assertThat(AsUser.call(identity, "lyg-chem", () -> applications.events(refused.id())))
                .filteredOn(e -> "eligibility".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(e.comment()).contains("县"));

        int[] totals = {88, 75, 92};
        for (int i = 0; i < stations.size(); i++) {
            review(stations.get(i), totals[i]);
        }
        at(year, 6, 1);
        runTimers(call.processInstanceId());
        Task ranking = callTask(call, AwardCall.TASK_COMPREHENSIVE_EVALUATION);
        List<EvaluationService.Candidate> ranked = AsUser.call(identity, "office",
                () -> evaluation.ranking(call.id(), year + "-05-31", List.of("SERVICE_STATION")));
        assertThat(ranked).extracting(EvaluationService.Candidate::number)
                .containsExactly(stations.get(2).number(), stations.get(0).number(), stations.get(1).number());
        assertThat(ranked).extracting(EvaluationService.Candidate::preSelected).containsExactly(true, true, false);
        // the best one is recommended to the province
        AsUser.run(identity, "office", () -> evaluation.evaluate(ranking.getId(), Map.of(), Map.of(),
                Map.of(stations.get(2).id(), true)));
        // the leading group sees each award's amount: the catalogue's 3000 yuan, whatever was requested (5000)
        FundingLedger.Proposal proposed = AsUser.call(identity, "leader", () -> approvals.proposal(stations.get(0).id()));
        assertThat(proposed.proposed()).isEqualByComparingTo("3000");
        assertThat(proposed.requested()).isEqualByComparingTo("5000");
        assertThat(proposed.fixed()).isTrue();
        AsUser.run(identity, "leader", () -> approvals.decide(callTask(call, AwardCall.TASK_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "连提升能力领导小组纪要〔" + year + "〕4号", null,
                        List.of(new ApprovalService.Meeting("CHAIRPERSONS_MEETING", PlatformClock.today(),
                                "连科协主席会纪要〔" + year + "〕4号")))));
        at(year, 6, 20);
        runTimers(call.processInstanceId());

        assertThat(status(stations.get(1))).isEqualTo("NOT_SELECTED");
        assertThat(ledger.moneyOf(stations.get(1).id()).approved()).as("not on the list: nothing approved").isZero();
        for (Application winner : List.of(stations.get(0), stations.get(2))) {
            assertThat(status(winner)).isEqualTo("AWARDED");
            assertThat(ledger.moneyOf(winner.id()).approved()).as("the catalogue's amount").isEqualByComparingTo("3000");
            String pay = task(winner, AwardReview.TASK_PAY_AWARD).getId();
            assertThatThrownBy(() -> AsUser.run(identity, "finance", () -> funding.disburse(pay,
                    new FundingService.Payment(new BigDecimal("3000.01"), PlatformClock.today(), "连财奖" + winner.number()))))
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                            .containsExactly("funding.error.aboveApproved"));
            AsUser.run(identity, "finance", () -> funding.disburse(task(winner, AwardReview.TASK_PAY_AWARD).getId(),
                    new FundingService.Payment(new BigDecimal("3000"), PlatformClock.today(), "连财奖" + winner.number())));
            assertThat(status(winner)).isEqualTo("AWARD_PAID");
        }
        List<ApplicationEvent> best = AsUser.call(identity, "office", () -> applications.events(stations.get(2).id()));
        assertThat(best).filteredOn(e -> "comprehensiveEvaluation".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("recommendedToProvince", true));
    }

    @Test
    void xiangyangHaizhiStationAndActivityAreCheckedByXiangyangsTableAndAwarded() {
        int year = 2035;
        at(year, 2, 1);
        Call call = AsUser.call(identity, "office", () -> {
            Call c = catalogue.createCall("XIANGYANG", year, year + "年学会服务能力提升行动计划（测试）", LocalDate.of(year, 2, 10));
            for (String category : List.of("HAIZHI_NEW", "ACTIVITY")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(year, 2, 10),
                        LocalDate.of(year, 4, 30), 5, new BigDecimal("10000")));
                catalogue.saveQuota(new CallQuota(c.id(), category, 0, 5));
            }
            return catalogue.call(c.id()).orElseThrow();
        });
        at(year, 2, 10);
        runTimers(call.processInstanceId());
        at(year, 3, 1);
        Application station = apply("xy-ht", call, "HAIZHI_NEW", "光电海智工作站", Map.of("hasCooperationProject", true));
        Application activity = apply("xy-auto", call, "ACTIVITY", "新能源汽车学术交流周", Map.of("hasAcademicExchange", true, "participants", 35,
                "activityStart", "2034-09-20", "activityEnd", "2035-01-15"));
        Application noProject = apply("xy-park", call, "HAIZHI_NEW", "园区海智工作站", Map.of("hasCooperationProject", false));
        assertThat(status(noProject)).isEqualTo("NOT_ACCEPTED");
        // 活动项目 申报范围 "2018年8月-2019年3月开展重点活动": for the 2035 call, 2034-08 to 2035-03
        Application tooEarly = apply("xy-auto", call, "ACTIVITY", "上年春季学术年会", Map.of("hasAcademicExchange", true,
                "participants", 120, "activityStart", "2034-05-10", "activityEnd", "2035-01-15"));
        assertThat(status(tooEarly)).isEqualTo("NOT_ACCEPTED");
        assertThat(AsUser.call(identity, "xy-auto", () -> applications.events(tooEarly.id())))
                .filteredOn(e -> "eligibility".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(e.comment()).contains("2034年8月至2035年3月"));

        // the scoring form follows Xiangyang's rubric: every item of the category, summing to 100
        List<ReviewService.Criterion> rubric = AsUser.call(identity, "expert1", () -> reviews.criteria(station));
        assertThat(rubric.stream().map(ReviewService.Criterion::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(rubric).extracting(ReviewService.Criterion::label).anySatisfy(l -> assertThat(l).contains("海外"));

        review(station, 86);
        review(activity, 79);
        at(year, 5, 1);
        runTimers(call.processInstanceId());
        AsUser.run(identity, "office", () -> evaluation.evaluate(callTask(call, AwardCall.TASK_COMPREHENSIVE_EVALUATION).getId(),
                Map.of(), Map.of()));
        AsUser.run(identity, "leader", () -> approvals.decide(callTask(call, AwardCall.TASK_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "襄科协〔" + year + "〕12号", null)));
        at(year, 5, 20);
        runTimers(call.processInstanceId());
        for (Application winner : List.of(station, activity)) {
            assertThat(ledger.moneyOf(winner.id()).approved()).as("the catalogue's 10000, above the 5000 requested")
                    .isEqualByComparingTo("10000");
            AsUser.run(identity, "finance", () -> funding.disburse(task(winner, AwardReview.TASK_PAY_AWARD).getId(),
                    new FundingService.Payment(new BigDecimal("10000"), PlatformClock.today(), "襄财" + winner.number())));
            assertThat(status(winner)).isEqualTo("AWARD_PAID");
        }
    }

    // ------------------------------------------------------------------ steps

    /** A service station's declared facts (连科协〔2017〕15号 四（二）, 六): the county it serves, agreement, resolution, person responsible. */
    static Map<String, Object> station(String county) {
        return Map.of("serviceCounty", county, "hasServiceAgreement", true, "boardResolution", true, "responsiblePerson", "王秘书长");
    }

    Application apply(String user, Call call, String category, String title, Map<String, Object> declared) {
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("服务基层，提升能力。");
        draft.setContent("组织专家定期服务。");
        draft.setSchedule("全年实施。");
        draft.setExpectedResults("形成服务成效报告。");
        draft.setBudget(List.of(new Application.BudgetLine("服务费", new BigDecimal("5000"), null)));
        draft.setDeclared(new LinkedHashMap<>(declared));
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    void review(Application app, int total) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, AwardReview.TASK_INITIAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, AwardReview.TASK_ASSIGN_PANEL).getId(), PANEL));
        for (String expert : PANEL) {
            Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(AwardReview.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
            AsUser.run(identity, expert, () -> {
                Map<String, BigDecimal> points = new HashMap<>();
                BigDecimal share = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
                reviews.criteria(app).forEach(c -> points.put(c.code(), c.maxPoints().multiply(share).setScale(2, RoundingMode.DOWN)));
                reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "评审意见"));
            });
        }
        assertThat(status(app)).isEqualTo("AWAITING_RESULT");
    }

    void runTimers(String processInstanceId) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).timers().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(PlatformClock.ZONE).toInstant()));
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number() + " (" + status(app) + ")").isNotNull();
        return task;
    }

    Task callTask(Call call, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(call.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("call task " + key).isNotNull();
        return task;
    }

    String status(Application app) {
        return applications.load(app.id()).status();
    }
}
