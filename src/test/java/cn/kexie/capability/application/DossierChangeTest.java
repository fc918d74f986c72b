package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.implementation.ImplementationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * A dossier changes only while its applicant may change it: the 申报书 and its materials while a
 * draft or returned for correction, a report's files while that report's step is open, and only by
 * the applicant. The services are called as the applicant would from a second browser tab that
 * still shows the form after the application moved on; every refusal leaves the dossier as it was.
 */
@PlatformTest
class DossierChangeTest {

    static final byte[] PDF = "%PDF-1.4\n% change test\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OTHER_PDF = "%PDF-1.4\n% a different file\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired ImplementationService implementation;
    @Autowired WorkflowTasks tasks;
    @Autowired ApplicationForm applicationForm;
    @Autowired cn.kexie.capability.calendar.WorkingDays workingDays;
    @Autowired cn.kexie.capability.common.Messages messages;

    @Test
    void anApplicationInFormalReviewKeepsItsFormAndFilesWhateverTheApplicantSends() {
        Application app = submitted("cz-med", "学术年会（已提交）");
        assertThat(app.status()).isEqualTo("FORMAL_REVIEW");
        List<Attachment> filesBefore = attachments.list(app.id());
        Attachment file = filesBefore.get(0);

        assertRefusedAsNotEditable(() -> AsUser.run(identity, "cz-med", () ->
                attachments.store(app.id(), Attachment.Kind.APPLICATION, "补充材料.pdf", OTHER_PDF, "cz-med")));
        assertRefusedAsNotEditable(() -> AsUser.run(identity, "cz-med", () -> attachments.delete(app.id(), file.id())));
        ApplicationDraft changed = ApplicationDraft.of(app);
        changed.setTitle("提交后改掉的题目");
        changed.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("990000"), null)));
        assertRefusedAsNotEditable(() -> AsUser.run(identity, "cz-med", () -> applications.saveDraft(app.id(), app.version(), changed)));
        assertRefusedAsNotEditable(() -> AsUser.run(identity, "cz-med", () -> applications.submit(app.id())));

        Application after = applications.load(app.id());
        assertThat(after.title()).isEqualTo("学术年会（已提交）");
        assertThat(after.totalBudget()).isEqualByComparingTo(app.totalBudget());
        assertThat(after.version()).isEqualTo(app.version());
        assertThat(after.status()).isEqualTo("FORMAL_REVIEW");
        assertThat(attachments.list(app.id())).isEqualTo(filesBefore);
        assertThat(AsUser.call(identity, "cz-med", () -> attachments.content(app.id(), file.id()))).isEqualTo(PDF);
    }

    @Test
    void noFileOfAnotherKindGoesIntoTheDossierOutsideItsStep() {
        Application app = submitted("cz-med", "科普活动（无报告环节）");
        for (Attachment.Kind kind : List.of(Attachment.Kind.SUMMARY, Attachment.Kind.ACCOUNTS, Attachment.Kind.PROGRESS,
                Attachment.Kind.SIGNED_AGREEMENT, Attachment.Kind.OFFICE)) {
            assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () ->
                    attachments.store(app.id(), kind, "材料.pdf", OTHER_PDF, "cz-med")))
                    .as(kind.name())
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems().get(0).key())
                            .isEqualTo("attachment.error.stepClosed"));
        }
        assertThat(attachments.list(app.id())).extracting(Attachment::kind).containsOnly(Attachment.Kind.APPLICATION);
    }

    @Test
    void aReturnedApplicationChangesDuringItsCorrectionOnly() {
        Application app = submitted("cz-univ", "高校学术沙龙（退回补正）");
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "请补充盖章的申报书。", 5)));
        assertThat(applications.load(app.id()).status()).isEqualTo("RETURNED");

        Attachment stamped = AsUser.call(identity, "cz-univ", () ->
                attachments.store(app.id(), Attachment.Kind.APPLICATION, "盖章申报书.pdf", OTHER_PDF, "cz-univ"));
        Attachment first = attachments.list(app.id()).get(0);
        AsUser.run(identity, "cz-univ", () -> attachments.delete(app.id(), first.id()));
        AsUser.run(identity, "cz-univ", () -> applications.submit(app.id()));
        assertThat(attachments.list(app.id())).extracting(Attachment::id).containsExactly(stamped.id());

        assertRefusedAsNotEditable(() -> AsUser.run(identity, "cz-univ", () -> attachments.delete(app.id(), stamped.id())));
        assertThat(attachments.list(app.id())).extracting(Attachment::id).containsExactly(stamped.id());
    }

    @Test
    void theReturnedApplicationTellsTheApplicantTheLastDayInBeijingNotAUtcInstant() {
        Application app = submitted("cz-univ", "高校学术沙龙（补正期限）");
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.of("conditions"), ProjectProcess.RETURN, "请补充盖章的申报书。", 5)));
        String lastDay = workingDays.lastDayOfPeriod(java.util.Date.from(PlatformClock.now()), 5).toString();
        VaadinTestUi.open(messages);
        try {
            String notice = AsUser.call(identity, "cz-univ", () -> {
                WorkItem correction = tasks.get(task(app, ChenzhouProject.TASK_CORRECT_APPLICATION).getId());
                ApplicationForm.Editor editor = (ApplicationForm.Editor) applicationForm.create(correction, () -> { });
                return editor.getChildren().filter(com.vaadin.flow.component.html.Paragraph.class::isInstance)
                        .map(p -> ((com.vaadin.flow.component.html.Paragraph) p).getText()).findFirst().orElseThrow();
            });
            assertThat(notice).isEqualTo("学会部退回补正，理由：请补充盖章的申报书。\n请于 " + lastDay + " 24时前修改并重新提交，逾期视为放弃。");
        } finally {
            VaadinTestUi.close();
        }
    }

    @Test
    void onlyTheApplicantChangesItsDossier() {
        Application draft = AsUser.call(identity, "cz-med", () -> applications.start(call().id(), "ACADEMIC_EXCHANGE", "草稿"));
        for (String other : List.of("cz-agri", "office", "expert1", "demo")) {
            assertThatThrownBy(() -> AsUser.run(identity, other, () ->
                    attachments.store(draft.id(), Attachment.Kind.APPLICATION, "不速之客.pdf", OTHER_PDF, other)))
                    .as(other).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(attachments.list(draft.id())).isEmpty();
        // without anyone logged in, nobody
        assertThatThrownBy(() -> attachments.store(draft.id(), Attachment.Kind.APPLICATION, "匿名.pdf", OTHER_PDF, "cz-med"))
                .isInstanceOf(AccessDeniedException.class);
        AsUser.run(identity, "cz-med", () -> attachments.store(draft.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, "cz-med"));
        long own = attachments.list(draft.id()).get(0).id();
        assertThatThrownBy(() -> AsUser.run(identity, "cz-agri", () -> attachments.delete(draft.id(), own)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(attachments.list(draft.id())).hasSize(1);
    }

    @Test
    void aFinalReportsFilesChangeWhileItsTaskIsOpenAndNotAfter() {
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FINAL_REPORT");
        WorkItem report = forms.task(Forms.FINAL_REPORT, app, "cz-med", Map.of());
        AsUser.run(identity, "cz-med", () -> {
            attachments.store(app, Attachment.Kind.SUMMARY, "总结报告.pdf", PDF, "cz-med");
            Attachment wrong = attachments.store(app, Attachment.Kind.ACCOUNTS, "错的决算.pdf", OTHER_PDF, "cz-med");
            attachments.delete(app, wrong.id());
            attachments.store(app, Attachment.Kind.ACCOUNTS, "经费决算.pdf", PDF, "cz-med");
            implementation.submitFinalReport(report.id(), "按计划完成。");
        });
        assertThat(forms.isOpen(report.id())).isFalse();
        long summary = attachments.list(app, Attachment.Kind.SUMMARY).get(0).id();

        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> attachments.delete(app, summary)))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("attachment.error.stepClosed"));
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () ->
                attachments.store(app, Attachment.Kind.SUMMARY, "改过的总结.pdf", OTHER_PDF, "cz-med")))
                .isInstanceOf(UserError.class);
        assertThat(attachments.list(app)).extracting(Attachment::fileName)
                .containsExactlyInAnyOrder("总结报告.pdf", "经费决算.pdf");
    }

    // ------------------------------------------------------------------ malformed input

    @Test
    void aMissingOrMalformedFormIsRefusedWithAReasonNotACrash() {
        Application draft = AsUser.call(identity, "cz-med", () -> applications.start(call().id(), "ACADEMIC_EXCHANGE", "空表单"));

        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> applications.saveDraft(draft.id(), draft.version(), null)))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("application.error.noDraft"));

        ApplicationDraft holes = ApplicationDraft.of(draft);
        holes.setTitle(null);
        holes.setAims(null);
        List<Application.BudgetLine> budget = new ArrayList<>();
        budget.add(null);
        budget.add(new Application.BudgetLine(null, null, null));
        holes.setBudget(budget);
        java.util.Map<String, Object> declared = new java.util.HashMap<>();
        declared.put("whatever", null);
        holes.setDeclared(declared);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> applications.saveDraft(draft.id(), draft.version(), holes)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("application.error.title", "application.error.budgetLine"));
        assertThat(applications.load(draft.id()).version()).isEqualTo(draft.version());

        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () ->
                attachments.store(draft.id(), null, "申报书.pdf", PDF, "cz-med")))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("attachment.error.kind"));
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () ->
                attachments.store(draft.id(), Attachment.Kind.APPLICATION, null, null, "cz-med")))
                .isInstanceOf(UserError.class);
        assertThat(attachments.list(draft.id())).isEmpty();
    }

    // ------------------------------------------------------------------ steps

    private static void assertRefusedAsNotEditable(ThrowingCallable change) {
        assertThatThrownBy(change).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("application.error.notEditableNow"));
    }

    Call call() {
        return catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
    }

    Application submitted(String user, String title) {
        Application app = AsUser.call(identity, user, () -> applications.start(call().id(), "ACADEMIC_EXCHANGE", title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("提升学术交流水平。");
        draft.setContent("举办学术年会。");
        draft.setSchedule("下半年实施。");
        draft.setExpectedResults("论文集一部。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null)));
        AsUser.run(identity, user, () -> {
            applications.saveDraft(app.id(), app.version(), draft);
            attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user);
            applications.submit(app.id());
        });
        return applications.load(app.id());
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task;
    }
}
