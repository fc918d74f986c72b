package cn.kexie.capability.implementation;

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
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Chenzhou seed 002 七（二）: "对弄虚作假、虚报业绩的，收回已拨付的项目资金，并连续3年取消其申报资格" holds at
 * every stage, from formal review to after acceptance, through the service the dossier's button calls.
 * Only the office of the application's city records it; another city's office, an expert and the
 * applicant are refused, and a draft (nothing submitted) cannot be found false.
 */
@PlatformTest
class FraudAtAnyStageTest {

    static final byte[] PDF = "%PDF-1.4\n% test document\n".getBytes(StandardCharsets.US_ASCII);
    /** A society whose next years' bans no other test reads (the Chenzhou season bans it too). */
    static final String SOCIETY = "cz-univ";

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired FundingService funding;
    @Autowired FundingLedger ledger;
    @Autowired ImplementationService implementation;
    @Autowired OrganisationService organisations;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fraudRecordedAtFormalReviewEndsTheApplicationWithAThreeYearBan() {
        Application app = submit("形式审查中发现虚报业绩 " + key());
        assertThat(status(app)).isEqualTo("FORMAL_REVIEW");
        assertThat(AsUser.call(identity, "office", () -> implementation.fraudMayBeReported(app))).isTrue();

        AsUser.run(identity, "office", () -> implementation.reportFraud(app.id(), "申报书所列业绩系虚报。"));

        assertThat(status(app)).as("nothing was paid: no recovery, the sanction ends it").isEqualTo("SANCTIONED");
        assertThat(taskService.createTaskQuery().processInstanceId(app.processInstanceId()).count()).isZero();
        int year = PlatformClock.today().getYear();
        assertThat(AsUser.call(identity, "office", () -> organisations.findByCode("CZ-UNIV").orElseThrow()).getSanctions())
                .anySatisfy(s -> {
                    assertThat(s.applicationNumber()).isEqualTo(app.number());
                    assertThat(s.finding()).isEqualTo("FRAUD");
                    assertThat(s.banFromYear()).isEqualTo(year + 1);
                    assertThat(s.banUntilYear()).isEqualTo(year + 3);
                });
        assertThat(AsUser.call(identity, "office", () -> applications.events(app.id())))
                .extracting(ApplicationEvent::step).contains("fraudFound", "sanction");
        assertThat(AsUser.call(identity, "office", () -> implementation.fraudMayBeReported(applications.load(app.id()))))
                .as("a sanctioned application takes no second finding").isFalse();
    }

    @Test
    void onlyTheOfficeOfTheApplicationsCityRecordsFraudAndNothingMovesOtherwise() {
        Application app = submit("拒绝他人认定 " + key());

        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> implementation.reportFraud(app.id(), "别的城市")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> implementation.reportFraud(app.id(), "专家认定")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, SOCIETY, () -> implementation.reportFraud(app.id(), "自己认定")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(identity, "expert1", () -> implementation.fraudMayBeReported(app))).isFalse();
        assertThat(AsUser.call(identity, SOCIETY, () -> implementation.fraudMayBeReported(app))).isFalse();

        assertThat(status(app)).isEqualTo("FORMAL_REVIEW");
        assertThat(AsUser.call(identity, "office", () -> applications.events(app.id())))
                .extracting(ApplicationEvent::step).doesNotContain("fraudFound", "sanction");
    }

    @Test
    void aDraftCannotBeFoundFalse() {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application draft = AsUser.call(identity, SOCIETY, () -> applications.start(call.id(), "SOCIAL_SERVICE", "草稿 " + key()));

        assertThat(AsUser.call(identity, "office", () -> implementation.fraudMayBeReported(draft))).isFalse();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> implementation.reportFraud(draft.id(), "草稿")))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("implementation.error.fraudNotNow"));
        assertThat(status(draft)).isEqualTo("DRAFT");
    }

    @Test
    void fraudFoundAfterAcceptanceRecoversWhatWasPaidAndBans() {
        Application app = submit("验收后发现弄虚作假 " + key());
        accepted(app, new BigDecimal("30000"));
        String acceptedInstance = applications.load(app.id()).processInstanceId();
        assertThat(status(app)).isEqualTo("ACCEPTED");
        assertThat(AsUser.call(identity, "office", () -> implementation.fraudMayBeReported(applications.load(app.id()))))
                .isTrue();
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> implementation.reportFraud(app.id(), "别的城市")))
                .isInstanceOf(AccessDeniedException.class);

        AsUser.run(identity, "office", () -> implementation.reportFraud(app.id(), "验收材料中的服务企业名单系伪造。"));

        Application sanctioning = applications.load(app.id());
        assertThat(sanctioning.status()).isEqualTo("SANCTIONING");
        assertThat(sanctioning.processInstanceId()).as("the sanction runs in an instance of its own")
                .isNotEqualTo(acceptedInstance);
        Task recovery = taskService.createTaskQuery().processInstanceId(sanctioning.processInstanceId())
                .taskDefinitionKey(ChenzhouProject.TASK_RECOVER_FUNDS).singleResult();
        assertThat(recovery).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(recovery.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("finance"));
        assertThatThrownBy(() -> AsUser.run(identity, "finance", () -> funding.recover(recovery.getId(),
                new FundingService.Payment(new BigDecimal("30000.01"), PlatformClock.today(), "SH-X"))))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("funding.error.moreThanDisbursed"));
        AsUser.run(identity, "finance", () -> funding.recover(recovery.getId(),
                new FundingService.Payment(new BigDecimal("30000"), PlatformClock.today(), "SH-" + key())));

        assertThat(status(app)).isEqualTo("SANCTIONED");
        assertThat(ledger.moneyOf(app.id()).recovered()).isEqualByComparingTo("30000");
        assertThat(AsUser.call(identity, "office", () -> organisations.findByCode("CZ-UNIV").orElseThrow()).getSanctions())
                .anySatisfy(s -> {
                    assertThat(s.applicationNumber()).isEqualTo(app.number());
                    assertThat(s.finding()).isEqualTo("FRAUD");
                });
    }

    // ------------------------------------------------------------------ steps

    Application submit(String title) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application app = AsUser.call(identity, SOCIETY, () -> applications.start(call.id(), "SOCIAL_SERVICE", title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(app.title());
        draft.setAims("提升学会社会化服务能力。");
        draft.setContent("开展科技成果转化服务，服务企业十家。");
        draft.setSchedule("3月筹备，6月实施，9月总结。");
        draft.setExpectedResults("服务企业十家以上。");
        draft.setBudget(List.of(new Application.BudgetLine("服务费", new BigDecimal("30000"), null)));
        AsUser.run(identity, SOCIETY, () -> applications.saveDraft(app.id(), app.version(), draft));
        AsUser.run(identity, SOCIETY, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, SOCIETY));
        AsUser.run(identity, SOCIETY, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    void accepted(Application app, BigDecimal paid) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        List<String> experts = List.of("expert1", "expert2", "expert4");
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(), experts));
        for (String expert : experts) {
            Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
            AsUser.run(identity, expert, () -> {
                List<ReviewService.Criterion> criteria = reviews.criteria(app);
                Map<String, BigDecimal> points = new HashMap<>();
                criteria.forEach(c -> points.put(c.code(), c.maxPoints()));
                reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "基础扎实。"));
            });
        }
        AsUser.run(identity, "office", () -> reviews.conclude(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW).getId(),
                ProjectProcess.PASS, null));
        AsUser.run(identity, "party", () -> approvals.decide(task(app, ChenzhouProject.TASK_PARTY_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组会议纪要", null)));
        fireTimer(app, applications.load(app.id()).noticeEndsAt());
        AsUser.run(identity, SOCIETY, () -> funding.signAgreement(task(app, ChenzhouProject.TASK_SIGN_AGREEMENT).getId(), "责任书.pdf", PDF));
        LocalDate midterm = PlatformClock.today().plusDays(90);
        AsUser.run(identity, "office", () -> funding.confirmAgreement(task(app, ChenzhouProject.TASK_CONFIRM_AGREEMENT).getId(),
                true, midterm, null));
        AsUser.run(identity, "finance", () -> funding.disburse(task(app, ChenzhouProject.TASK_DISBURSE).getId(),
                new FundingService.Payment(paid, PlatformClock.today(), "PZ-" + key())));
        AsUser.run(identity, SOCIETY, () -> implementation.reportProgress(task(app, ChenzhouProject.TASK_REPORT_PROGRESS).getId(),
                new ImplementationService.Report("服务已完成一半，企业反馈良好。", null, null)));
        fireTimer(app, midterm.atStartOfDay(PlatformClock.ZONE).toInstant());
        AsUser.run(identity, "office", () -> implementation.midtermCheck(task(app, ChenzhouProject.TASK_MIDTERM_CHECK).getId(),
                ProjectProcess.PASS, null, null));
        AsUser.run(identity, SOCIETY, () -> {
            attachments.store(app.id(), Attachment.Kind.SUMMARY, "总结报告.pdf", PDF, SOCIETY);
            attachments.store(app.id(), Attachment.Kind.ACCOUNTS, "经费决算.xlsx",
                    new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00}, SOCIETY);
        });
        AsUser.run(identity, SOCIETY, () -> implementation.submitFinalReport(
                task(app, ChenzhouProject.TASK_SUBMIT_FINAL_REPORT).getId(), "项目按计划完成。"));
        AsUser.run(identity, "office", () -> implementation.accept(task(app, ChenzhouProject.TASK_FINAL_ACCEPTANCE).getId(),
                ProjectProcess.PASS, "通过验收"));
    }

    void fireTimer(Application app, Instant due) {
        Job job = managementService.createJobQuery().processInstanceId(app.processInstanceId()).timers().singleResult();
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

    static String key() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
