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
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.funding.Money;
import cn.kexie.capability.implementation.ImplementationService;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.publicity.NoticeService;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
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
 * Whole Chenzhou seasons through the services the forms call, as the demo users: one application
 * from submission to acceptance, and one from fraud to a ban that refuses the next year's application.
 */
@PlatformTest
class ChenzhouSeasonTest {

    static final byte[] PDF = "%PDF-1.4\n% test document\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired NoticeService notices;
    @Autowired FundingService funding;
    @Autowired FundingLedger ledger;
    @Autowired ImplementationService implementation;
    @Autowired OrganisationService organisations;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anApplicationGoesFromSubmissionToAcceptance() {
        Application app = submit("cz-med", "ACADEMIC_EXCHANGE", "湘南医学学术年会");
        assertThat(status(app)).isEqualTo("FORMAL_REVIEW");

        reviewAndApprove(app);
        assertThat(status(app)).isEqualTo("UNDER_NOTICE");
        assertThat(notices.current()).anySatisfy(n -> assertThat(n.applicationNumber()).isEqualTo(app.number()));

        // an objection during the notice, dismissed: the notice goes on
        notices.lodge(new NoticeService.ObjectionInput(app.number(), "张三", cn.kexie.capability.Objectors.mobile(), "该学会去年的年会参会人数与申报不符，请核查。"),
                cn.kexie.capability.Objectors.address());
        Task objection = task(app, ChenzhouProject.TASK_REVIEW_OBJECTION);
        assertThat(AsUser.call(identity, "office", () -> notices.objectionOfTask(objection.getId()).text())).contains("参会人数");
        AsUser.run(identity, "office", () -> notices.decide(objection.getId(), ProjectProcess.DISMISSED, "经核查，参会人数属实。"));

        endNotice(app);
        assertThat(status(app)).isEqualTo("AGREEMENT");
        // off the public page once its process says the notice is over, even where the timer ran
        // before the notice's last day had passed (the office moved it)
        Date ended = ClockUtil.getCurrentTime();
        ClockUtil.reset();
        assertThat(notices.current()).noneSatisfy(n -> assertThat(n.applicationNumber()).isEqualTo(app.number()));
        ClockUtil.setCurrentTime(ended);
        assertThat(ledger.moneyOf(app.id()).approved()).as("the party group approved the request, 50000")
                .isEqualByComparingTo("50000");
        String agreement = cn.kexie.capability.document.PdfText.of(AsUser.call(identity, "cz-med", () -> funding.agreement(app.id())))
                .compact();
        assertThat(agreement).contains("项目责任书").contains(app.number()).contains("湘南医学学术年会");
        AsUser.run(identity, "cz-med", () -> funding.signAgreement(task(app, ChenzhouProject.TASK_SIGN_AGREEMENT).getId(), "责任书.pdf", PDF));
        LocalDate midterm = PlatformClock.today().plusDays(90);
        AsUser.run(identity, "office", () -> funding.confirmAgreement(task(app, ChenzhouProject.TASK_CONFIRM_AGREEMENT).getId(), true, midterm, null));

        AsUser.run(identity, "finance", () -> funding.disburse(task(app, ChenzhouProject.TASK_DISBURSE).getId(),
                new FundingService.Payment(new BigDecimal("50000.00"), PlatformClock.today(), "郴财拨〔2026〕18号")));
        assertThat(ledger.moneyOf(app.id()).paid()).isEqualByComparingTo("50000");

        AsUser.run(identity, "cz-med", () -> implementation.reportProgress(task(app, ChenzhouProject.TASK_REPORT_PROGRESS).getId(),
                new ImplementationService.Report("学术年会筹备完成，已发出会议通知，报名人数达到280人。", "进展.pdf", PDF)));
        fireTimer(app, midterm.atStartOfDay(PlatformClock.ZONE).toInstant());
        AsUser.run(identity, "office", () -> implementation.midtermCheck(task(app, ChenzhouProject.TASK_MIDTERM_CHECK).getId(),
                ProjectProcess.PASS, null, null));

        Task finalReport = task(app, ChenzhouProject.TASK_SUBMIT_FINAL_REPORT);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> implementation.submitFinalReport(finalReport.getId(), "总结")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems())
                        .extracting(p -> p.key() + ":" + p.args()[0])
                        .containsExactlyInAnyOrder("implementation.error.attachmentMissing:attachment.kind.SUMMARY",
                                "implementation.error.attachmentMissing:attachment.kind.ACCOUNTS"));
        AsUser.run(identity, "cz-med", () -> {
            attachments.store(app.id(), Attachment.Kind.SUMMARY, "总结报告.pdf", PDF, "cz-med");
            attachments.store(app.id(), Attachment.Kind.ACCOUNTS, "经费决算.xlsx", zip(), "cz-med");
        });
        AsUser.run(identity, "cz-med", () -> implementation.submitFinalReport(finalReport.getId(), "项目按计划完成。"));
        AsUser.run(identity, "office", () -> implementation.accept(task(app, ChenzhouProject.TASK_FINAL_ACCEPTANCE).getId(),
                ProjectProcess.PASS, "通过验收"));

        assertThat(status(app)).isEqualTo("ACCEPTED");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(app.processInstanceId())
                .singleResult().getEndActivityId()).isEqualTo(ChenzhouProject.END_EVENT_PROJECT_ACCEPTED);
        List<ApplicationEvent> history = AsUser.call(identity, "office", () -> applications.events(app.id()));
        assertThat(history).extracting(ApplicationEvent::step).contains("formalReview", "assignPanel", "expertReview",
                "panelScore", "Task_PartyApproval", "publicNotice", "objectionReview", "disbursement", "midtermCheck",
                "finalAcceptance");
        // the applicant follows every step, but not who scored it
        List<ApplicationEvent> applicants = AsUser.call(identity, "cz-med", () -> applications.events(app.id()));
        assertThat(applicants).extracting(ApplicationEvent::step).contains("formalReview", "assignPanel",
                "panelScore", "Task_PartyApproval", "publicNotice", "objectionReview", "disbursement", "midtermCheck",
                "finalAcceptance").doesNotContain("expertReview");
    }

    @Test
    void fraudFoundAfterFundingRecoversTheFundsAndBansTheNextYearsApplication() {
        Application app = submit("cz-univ", "SOCIAL_SERVICE", "高校科技成果转化服务");
        reviewAndApprove(app);
        endNotice(app);
        AsUser.run(identity, "cz-univ", () -> funding.signAgreement(task(app, ChenzhouProject.TASK_SIGN_AGREEMENT).getId(), "责任书.pdf", PDF));
        AsUser.run(identity, "office", () -> funding.confirmAgreement(task(app, ChenzhouProject.TASK_CONFIRM_AGREEMENT).getId(), true,
                PlatformClock.today().plusDays(60), null));
        AsUser.run(identity, "finance", () -> funding.disburse(task(app, ChenzhouProject.TASK_DISBURSE).getId(),
                new FundingService.Payment(new BigDecimal("30000"), PlatformClock.today(), "PZ-2026-031")));

        AsUser.run(identity, "office", () -> implementation.reportFraud(app.id(), "进展报告中的服务企业名单系伪造。"));

        assertThat(status(app)).isEqualTo("SANCTIONING");
        Task recovery = task(app, ChenzhouProject.TASK_RECOVER_FUNDS);
        assertThat(taskService.getIdentityLinksForTask(recovery.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("finance"));
        assertThatThrownBy(() -> AsUser.run(identity, "finance", () -> funding.recover(recovery.getId(),
                new FundingService.Payment(new BigDecimal("40000"), PlatformClock.today(), "SH-1"))))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("funding.error.moreThanDisbursed"));
        AsUser.run(identity, "finance", () -> funding.recover(recovery.getId(),
                new FundingService.Payment(new BigDecimal("30000"), PlatformClock.today(), "SH-2026-002")));
        assertThat(status(app)).isEqualTo("SANCTIONED");
        Money money = ledger.moneyOf(app.id());
        assertThat(money.recovered()).isEqualByComparingTo("30000");
        assertThat(money.paid()).isEqualByComparingTo("30000");
        assertThat(money.approved()).as("the 20000 never paid is released when the sanction ends the project")
                .isEqualByComparingTo("30000");

        int year = PlatformClock.today().getYear();
        Organisation univ = AsUser.call(identity, "office", () -> organisations.findByCode("CZ-UNIV").orElseThrow());
        assertThat(univ.getSanctions()).anySatisfy(s -> {
            assertThat(s.finding()).isEqualTo("FRAUD");
            assertThat(s.banFromYear()).isEqualTo(year + 1);
            assertThat(s.banUntilYear()).isEqualTo(year + 3);
        });

        // next year: the society applies again and is not accepted
        Call next = AsUser.call(identity, "office", () -> catalogue.call("CHENZHOU", year + 1)
                .orElseGet(() -> catalogue.createCall("CHENZHOU", year + 1, (year + 1) + "年度郴州市学会服务能力提升计划", LocalDate.of(year + 1, 3, 1))));
        AsUser.run(identity, "office", () -> catalogue.saveCallCategory(new CallCategory(next.id(), "SOCIAL_SERVICE",
                LocalDate.of(year + 1, 3, 1), LocalDate.of(year + 1, 5, 31), null, null)));
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(year + 1, 4, 1).atTime(10, 0).atZone(PlatformClock.ZONE).toInstant()));
        Application again = submitInCall("cz-univ", next.id(), "SOCIAL_SERVICE", "再次申报");
        assertThat(status(again)).isEqualTo("NOT_ACCEPTED");
        List<ApplicationEvent> events = AsUser.call(identity, "cz-univ", () -> applications.events(again.id()));
        assertThat(events).filteredOn(e -> "eligibility".equals(e.step())).singleElement()
                .satisfies(e -> assertThat(e.comment()).contains("取消"));
    }

    @Test
    void submissionAfterTheDeadlineIsRefusedAndNothingMoves() {
        int year = PlatformClock.today().getYear();
        Call call = catalogue.call("CHENZHOU", year).orElseThrow();
        CallCategory offered = catalogue.callCategory(call.id(), "DECISION_CONSULTING").orElseThrow();
        Application app = AsUser.call(identity, "cz-yx", () -> applications.start(call.id(), "DECISION_CONSULTING", "县域创新调研"));
        fill("cz-yx", app);
        ClockUtil.setCurrentTime(Date.from(offered.deadline().plusDays(1).atTime(9, 0).atZone(PlatformClock.ZONE).toInstant()));
        assertThatThrownBy(() -> AsUser.run(identity, "cz-yx", () -> applications.submit(app.id())))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("programme.error.deadlinePassed"));
        assertThat(status(app)).isEqualTo("DRAFT");
        assertThat(task(app, ChenzhouProject.TASK_FILL_APPLICATION)).isNotNull();
    }

    @Test
    void anotherOrganisationsApplicationIsOutOfReach() {
        Application app = submit("cz-med", "COMPREHENSIVE_DEMO", "综合示范学会创建");
        assertThatThrownBy(() -> AsUser.run(identity, "cz-agri", () -> applications.get(app.id())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-agri", () -> applications.saveDraft(app.id(), 0, new ApplicationDraft())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        Task review = task(app, ChenzhouProject.TASK_FORMAL_REVIEW);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-agri", () -> reviews.formalReview(review.getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    // ------------------------------------------------------------------ steps

    Application submit(String user, String category, String title) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        return submitInCall(user, call.id(), category, title);
    }

    Application submitInCall(String user, long callId, String category, String title) {
        Application app = AsUser.call(identity, user, () -> applications.start(callId, category, title));
        fill(user, app);
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    void fill(String user, Application app) {
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(app.title());
        draft.setAims("提升学会学术交流能力，扩大行业影响。");
        draft.setContent("举办年度学术会议一次、专题论坛三场，编印论文集。");
        draft.setSchedule("3月筹备，6月举办，9月总结。");
        draft.setExpectedResults("参会200人以上，论文集一部。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null),
                new Application.BudgetLine("资料印刷费", new BigDecimal("20000"), "论文集")));
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
    }

    void reviewAndApprove(Application app) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(),
                List.of("expert1", "expert2", "expert4")));
        int[] totals = {85, 90, 78};
        String[] experts = {"expert1", "expert2", "expert4"};
        for (int i = 0; i < experts.length; i++) {
            String expert = experts[i];
            int total = totals[i];
            Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
            AsUser.run(identity, expert, () -> {
                List<ReviewService.Criterion> criteria = reviews.criteria(app);
                Map<String, BigDecimal> points = new HashMap<>();
                BigDecimal each = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(criteria.size()));
                criteria.forEach(c -> points.put(c.code(), each.min(c.maxPoints())));
                reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "基础扎实，示范性强。"));
            });
        }
        assertThat(applications.load(app.id()).panelScore()).isEqualByComparingTo("84.33");
        AsUser.run(identity, "office", () -> reviews.conclude(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW).getId(),
                ProjectProcess.PASS, null));
        AsUser.run(identity, "party", () -> approvals.decide(task(app, ChenzhouProject.TASK_PARTY_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组会议纪要〔2026〕5号", null)));
    }

    void endNotice(Application app) {
        Instant ends = applications.load(app.id()).noticeEndsAt();
        fireTimer(app, ends);
    }

    /** Moves the engine clock to the timer's instant and runs it, as the job executor would. */
    void fireTimer(Application app, Instant due) {
        Job job = managementService.createJobQuery().processInstanceId(app.processInstanceId()).timers().singleResult();
        assertThat(job.getDuedate().toInstant()).isEqualTo(due.truncatedTo(ChronoUnit.MILLIS));
        ClockUtil.setCurrentTime(Date.from(due.minusSeconds(60)));
        assertThat(managementService.createJobQuery().processInstanceId(app.processInstanceId()).timers().executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(due));
        managementService.executeJob(job.getId());
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task;
    }

    String status(Application app) {
        return applications.load(app.id()).status();
    }

    static byte[] zip() {
        return new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00};
    }
}
