package cn.kexie.capability.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.AwardReview;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Lianyungang's 县区科协盖章确认 (连科协〔2017〕15号 四（二）4、四（三）4: "须经项目所在地县区科协盖章确认"): the
 * 申报书 names the county of the station or of the expert's service, and only that county's
 * association is offered the confirmation — by the engine (the task's candidate group), so another
 * county's user neither sees, reads nor completes it. Demo users: {@code county} is 海州区科协,
 * {@code county-dh} 东海县科协.
 */
@PlatformTest
class CountyConfirmationTest {

    static final int YEAR = 2061;
    static final byte[] PDF = "%PDF-1.4 县区确认测试".getBytes(StandardCharsets.UTF_8);

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ConfirmationService confirmations;
    @Autowired WorkflowTasks tasks;
    @Autowired cn.kexie.capability.application.ApplicationMoves moves;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStationServingDonghaiIsConfirmedByDonghaisAssociationOnly() {
        Call call = call();
        Application donghai = submitted("lyg-phar", call, "SERVICE_STATION", "东海县药企质量服务站（县区测试）", "LYG_DONGHAI");

        Task confirm = task(donghai);
        // the engine offers the task to Donghai's group alone, not to every county association
        assertThat(taskService.getIdentityLinksForTask(confirm.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("county-lyg-donghai");

        // 海州区科协 (county): not its county — no task, no dossier, no confirmation
        assertThat(AsUser.call(identity, "county", () -> tasks.openTasksOf(donghai.processInstanceId()))).isEmpty();
        refused(() -> AsUser.run(identity, "county", () -> tasks.get(confirm.getId())));
        refused(() -> AsUser.run(identity, "county", () -> confirmations.confirm(confirm.getId(), true, "越权确认")));
        assertThatThrownBy(() -> AsUser.run(identity, "county", () -> applications.get(donghai.id())))
                .isInstanceOf(AccessDeniedException.class);
        // nor the office of another city, an expert, or another society's applicant
        for (String other : List.of("office-xz", "expert1", "lyg-chem")) {
            assertThatThrownBy(() -> AsUser.run(identity, other, () -> applications.get(donghai.id())))
                    .as(other).isInstanceOf(AccessDeniedException.class);
            refused(() -> AsUser.run(identity, other, () -> confirmations.confirm(confirm.getId(), true, "越权确认")));
        }
        assertThat(status(donghai)).isEqualTo("AWAITING_CONFIRMATION");

        // 东海县科协 reads the dossier and confirms; the application goes on to the eligibility check
        assertThat(AsUser.call(identity, "county-dh", () -> applications.get(donghai.id())).number()).isEqualTo(donghai.number());
        AsUser.run(identity, "county-dh", () -> confirmations.confirm(confirm.getId(), true, "情况属实，同意推荐"));
        assertThat(status(donghai)).isEqualTo("FORMAL_REVIEW");
        // having worked it, Donghai still reads it; Haizhou never could
        assertThat(AsUser.call(identity, "county-dh", () -> applications.get(donghai.id())).id()).isEqualTo(donghai.id());
        assertThatThrownBy(() -> AsUser.run(identity, "county", () -> applications.get(donghai.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aChiefExpertServingHaizhouGoesToHaizhouAndDonghaiCannotTakeIt() {
        Call call = call();
        Application haizhou = submitted("lyg-phar", call, "CHIEF_EXPERT", "海州区基层医院首席药师（县区测试）", "LYG_HAIZHOU");
        Task confirm = task(haizhou);
        assertThat(taskService.getIdentityLinksForTask(confirm.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("county-lyg-haizhou");
        refused(() -> AsUser.run(identity, "county-dh", () -> tasks.claim(confirm.getId())));
        refused(() -> AsUser.run(identity, "county-dh", () -> confirmations.confirm(confirm.getId(), false, "不属实")));
        assertThat(status(haizhou)).isEqualTo("AWAITING_CONFIRMATION");
        // Haizhou refuses with its reason: the eligibility table reads countyConfirmed and does not accept it
        AsUser.run(identity, "county", () -> confirmations.confirm(confirm.getId(), false, "专家未实际服务"));
        assertThat(status(haizhou)).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void theCountyIsRequiredAndMustBeOneOfTheCitysCounties() {
        Call call = call();
        Application app = AsUser.call(identity, "lyg-phar", () -> applications.start(call.id(), "SERVICE_STATION", "未填县区的服务站（县区测试）"));
        // not a county of Lianyungang (nor any county): refused by name, nothing saved
        for (String wrong : List.of("XZ_GULOU", "海州区", "county-lyg-haizhou")) {
            ApplicationDraft draft = draft("未填县区的服务站（县区测试）", Map.of("serviceCounty", wrong));
            assertThatThrownBy(() -> AsUser.run(identity, "lyg-phar", () -> applications.saveDraft(app.id(), app.version(), draft)))
                    .as(wrong).isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                            .containsExactly("application.error.declaredValue"));
        }
        assertThat(applications.load(app.id()).declared()).doesNotContainKey("serviceCounty");
        // left out: the submission names it among what is missing
        AsUser.run(identity, "lyg-phar", () -> applications.saveDraft(app.id(), app.version(), draft("未填县区的服务站（县区测试）", Map.of())));
        AsUser.run(identity, "lyg-phar", () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, "lyg-phar"));
        assertThatThrownBy(() -> AsUser.run(identity, "lyg-phar", () -> applications.submit(app.id())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.key()).isEqualTo("application.error.declaredMissing");
                            assertThat(p.args()).anySatisfy(a -> assertThat(String.valueOf(a)).contains("县区"));
                        }));
        assertThat(status(app)).isEqualTo("DRAFT");
    }

    @Test
    void theDossierShowsTheCountyByItsName() {
        Call call = call();
        Application app = submitted("lyg-phar", call, "SERVICE_STATION", "名称显示服务站（县区测试）", "LYG_GUANYUN");
        assertThat(applications.load(app.id()).declared()).containsEntry("serviceCounty", "LYG_GUANYUN");
        var field = applications.declaredFields(app).stream().filter(f -> f.name().equals("serviceCounty")).findFirst().orElseThrow();
        assertThat(applications.declaredForReading(field, "LYG_GUANYUN", java.util.Locale.CHINESE)).isEqualTo("灌云县");
        assertThat(applications.declaredForReading(field, "LYG_GUANYUN", java.util.Locale.ENGLISH)).isEqualTo("Guanyun County");
        assertThat(taskService.getIdentityLinksForTask(task(app).getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("county-lyg-guanyun").doesNotContain(Roles.COUNTY_ASSOCIATION);
    }

    /**
     * 撤回 while the county has not yet stamped: the applicant takes the award application back, the
     * county's task goes, and the resubmitted application is offered to its county again. Once the county
     * has confirmed, the applicant can no longer withdraw it.
     */
    @Test
    void theApplicantWithdrawsAnAwardApplicationWhileItsCountyHasNotYetConfirmed() {
        Call call = call();
        Application app = submitted("lyg-phar", call, "SERVICE_STATION", "撤回后重交的服务站（县区测试）", "LYG_DONGHAI");
        Task first = task(app);
        assertThat(status(app)).isEqualTo("AWAITING_CONFIRMATION");

        AsUser.run(identity, "lyg-phar", () -> moves.withdrawSubmission(app.id(), "服务协议需补签"));
        assertThat(status(app)).isEqualTo("DRAFT");
        assertThat(taskService.createTaskQuery().taskId(first.getId()).count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(AwardReview.TASK_CONFIRMATION).count()).isZero();
        assertThat(AsUser.call(identity, "county-dh", () -> tasks.openTasksOf(app.processInstanceId()))).isEmpty();

        Application back = applications.load(app.id());
        AsUser.run(identity, "lyg-phar", () -> applications.submit(back.id()));
        Task again = task(app);
        assertThat(again.getId()).isNotEqualTo(first.getId());
        assertThat(taskService.getIdentityLinksForTask(again.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("county-lyg-donghai");

        AsUser.run(identity, "county-dh", () -> confirmations.confirm(again.getId(), true, "情况属实"));
        assertThatThrownBy(() -> AsUser.run(identity, "lyg-phar", () -> moves.withdrawSubmission(app.id(), "再撤回一次")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("moves.error.reviewStarted"));
        assertThat(status(app)).isEqualTo("FORMAL_REVIEW");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Refused: the platform denies the task, or the engine does not even show it to the caller (the
     * platform then answers as for a task that is gone); either way nothing is done.
     */
    static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable work) {
        assertThatThrownBy(work).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOf(AccessDeniedException.class),
                e -> assertThat(e).isInstanceOfSatisfying(UserError.class, u -> assertThat(u.problems())
                        .extracting(UserError.Problem::key).containsExactly("task.error.gone")));
    }

    /** Lianyungang's call of the test year, open for stations and chief experts (made once per database). */
    Call call() {
        at(YEAR, 4, 10);
        return catalogue.call("LIANYUNGANG", YEAR).orElseGet(() -> AsUser.call(identity, "office", () -> {
            Call c = catalogue.createCall("LIANYUNGANG", YEAR, YEAR + "年度连云港市提升能力活动（县区确认测试）", LocalDate.of(YEAR, 3, 16));
            for (String category : List.of("SERVICE_STATION", "CHIEF_EXPERT")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(YEAR, 3, 16),
                        LocalDate.of(YEAR, 5, 31), 20, new BigDecimal(category.equals("CHIEF_EXPERT") ? "2000" : "3000")));
                catalogue.saveQuota(new CallQuota(c.id(), category, 0, 20));
            }
            Call created = catalogue.call(c.id()).orElseThrow();
            // the call opens on its publication day
            at(YEAR, 3, 16);
            managementService.createJobQuery().processInstanceId(created.processInstanceId()).timers().executable().list()
                    .forEach(job -> managementService.executeJob(job.getId()));
            at(YEAR, 4, 10);
            return created;
        }));
    }

    Application submitted(String user, Call call, String category, String title, String county) {
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("serviceCounty", county);
        declared.put("hasServiceAgreement", true);
        declared.put("boardResolution", true);
        declared.put("responsiblePerson", "王秘书长");
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft(title, declared)));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    static ApplicationDraft draft(String title, Map<String, Object> declared) {
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("服务基层，提升能力。");
        draft.setContent("组织专家定期服务。");
        draft.setSchedule("全年实施。");
        draft.setExpectedResults("形成服务成效报告。");
        draft.setBudget(List.of(new Application.BudgetLine("服务费", new BigDecimal("3000"), null)));
        draft.setDeclared(new LinkedHashMap<>(declared));
        return draft;
    }

    Task task(Application app) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskDefinitionKey(AwardReview.TASK_CONFIRMATION).singleResult();
        assertThat(task).as("confirmation of " + app.number() + " (" + status(app) + ")").isNotNull();
        return task;
    }

    String status(Application app) {
        return applications.load(app.id()).status();
    }

    static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(PlatformClock.ZONE).toInstant()));
    }
}
