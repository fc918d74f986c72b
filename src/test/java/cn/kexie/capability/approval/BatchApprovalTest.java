package cn.kexie.capability.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.application.ApplicationEvent;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.BatchSteps;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskListQuery;
import cn.kexie.capability.workflow.TaskRow;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 批量审批: the party group decides several items of one step at once; each item is its own platform
 * step with its own history entry, and the result is per item — done, or refused with its reason.
 * The steps come from a test diagram with two steps that allow a batch and one that does not, as the
 * diagrams mark them; the real diagrams' marks are checked too.
 */
@PlatformTest
class BatchApprovalTest {

    static final String PROCESS = "test-batch-steps";
    /** A second member of the party group in Chenzhou, this test's own. */
    static final String OTHER_MEMBER = "b11-party2";

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;
    @Autowired BatchApprovalService batch;
    @Autowired BatchApprovalDialog dialog;
    @Autowired BatchSteps batchSteps;
    @Autowired ApprovalService approvals;
    @Autowired ApplicationService applications;
    @Autowired WorkflowTasks tasks;
    @Autowired TaskListQuery list;
    @Autowired Messages messages;

    FormTasks forms;

    @BeforeEach
    void setUp() {
        forms = new FormTasks(context);
        repositoryService.createDeployment().name(PROCESS).enableDuplicateFiltering(false)
                .addClasspathResource("batch/batch-steps.bpmn").deploy();
        if (identity.createUserQuery().userId(OTHER_MEMBER).count() == 0) {
            User user = identity.newUser(OTHER_MEMBER);
            user.setFirstName("委员");
            user.setLastName("郴");
            user.setPassword("B11-Kexie-" + System.nanoTime() + "-Aa!");
            identity.saveUser(user);
            identity.createMembership(OTHER_MEMBER, Roles.PARTY_GROUP);
            identity.createTenantUserMembership("CHENZHOU", OTHER_MEMBER);
        }
    }

    @Test
    void theDiagramsMarkThePerApplicationApprovalsForBatchAndNothingElse() {
        assertThat(batchSteps.allows(latest("chenzhou-project"), "Task_PartyApproval")).isTrue();
        assertThat(batchSteps.allows(latest("chenzhou-project"), "Task_FormalReview")).isFalse();
        assertThat(batchSteps.allows(latest("xuzhou-project"), "Task_AssessmentApproval")).isTrue();
        assertThat(batchSteps.allows(latest("xuzhou-call"), "Task_OrganisationalApproval")).as("a list is one decision already").isFalse();
        assertThat(batchSteps.allows(latest("award-call"), "Task_Approval")).isFalse();
    }

    @Test
    void eachItemIsDecidedOnItsOwnAndTheRefusedOnesSayWhy() {
        Item first = item("batch");
        Item second = item("batch");
        Item otherStep = item("otherBatch");
        Item single = item("single");
        Item alreadyDone = item("batch");
        Item othersTask = item("batch");
        AsUser.run(identity, "party", () -> approvals.decide(alreadyDone.taskId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组纪〔2026〕10号", "先行审定")));
        AsUser.run(identity, OTHER_MEMBER, () -> tasks.claim(othersTask.taskId()));

        List<BatchApprovalService.ItemResult> results = as("party", () -> batch.decide(
                List.of(first.taskId(), second.taskId(), otherStep.taskId(), single.taskId(), alreadyDone.taskId(), othersTask.taskId()),
                new ApprovalService.Approval(true, PlatformClock.today().minusDays(1), "郴科协党组纪〔2026〕11号", "同意立项")));

        assertThat(results).extracting(BatchApprovalService.ItemResult::taskId).containsExactly(first.taskId(), second.taskId(),
                otherStep.taskId(), single.taskId(), alreadyDone.taskId(), othersTask.taskId());
        assertThat(results).extracting(BatchApprovalService.ItemResult::done).containsExactly(true, true, false, false, false, false);
        assertThat(keys(results.get(2))).containsExactly("approval.batch.error.otherStep");
        assertThat(keys(results.get(3))).containsExactly("approval.batch.error.notBatchStep");
        assertThat(keys(results.get(4))).containsExactly("task.error.gone");
        assertThat(keys(results.get(5))).containsExactly("task.error.claimedByOther");
        assertThat(results.get(0).number()).isEqualTo(forms.number(first.applicationId()));

        // each decided item: its own history entry with the one comment; the refused ones are untouched
        for (Item decided : List.of(first, second)) {
            List<ApplicationEvent> approvalsOf = decisions(decided);
            assertThat(approvalsOf).hasSize(1);
            assertThat(approvalsOf.get(0).outcome()).isEqualTo(ProjectProcess.PASS);
            assertThat(approvalsOf.get(0).comment()).isEqualTo("同意立项");
            assertThat(approvalsOf.get(0).userId()).isEqualTo("party");
            assertThat(approvalsOf.get(0).data()).containsEntry("minutes", "郴科协党组纪〔2026〕11号");
            assertThat(forms.isOpen(decided.taskId())).isFalse();
        }
        for (Item refused : List.of(otherStep, single, othersTask)) {
            assertThat(forms.isOpen(refused.taskId())).isTrue();
            assertThat(applications.load(refused.applicationId()).status()).isEqualTo("AWAITING_APPROVAL");
        }
        assertThat(decisions(alreadyDone)).extracting(ApplicationEvent::comment).containsExactly("先行审定");
    }

    @Test
    void aDecisionWithoutItsMeetingOrReasonRefusesTheWholeBatchAndOutsidersDecideNothing() {
        Item one = item("batch");
        Item two = item("batch");
        List<String> both = List.of(one.taskId(), two.taskId());
        assertThatThrownBy(() -> AsUser.run(identity, "party", () -> batch.decide(both,
                new ApprovalService.Approval(false, null, " ", " "))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems())
                        .extracting(UserError.Problem::field).containsExactly("meetingDate", "minutes", "comment"));
        assertThatThrownBy(() -> AsUser.run(identity, "party", () -> batch.decide(List.of(),
                new ApprovalService.Approval(true, PlatformClock.today(), "纪要", null))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("approval.batch.error.none"));

        // another city's office, an expert, the applicant, the leading group: nothing is theirs to decide
        ApprovalService.Approval yes = new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组纪〔2026〕12号", null);
        for (String outsider : List.of("office-xz", "office", "expert1", "cz-med", "leader")) {
            List<BatchApprovalService.ItemResult> results = as(outsider, () -> batch.decide(both, yes));
            assertThat(results).as(outsider).noneMatch(BatchApprovalService.ItemResult::done);
            assertThat(results).as(outsider).allSatisfy(r -> assertThat(keys(r)).containsAnyOf(
                    "approval.batch.error.notYours", "task.error.gone"));
        }
        assertThat(forms.isOpen(one.taskId())).isTrue();
        assertThat(forms.isOpen(two.taskId())).isTrue();
        assertThat(decisions(one)).isEmpty();
    }

    @Test
    void thePartyGroupTicksTheLinesOfABatchStepAndReadsEachResultInTheDialog() {
        Item one = item("batch");
        Item single = item("single");
        VaadinTestUi.open(messages);
        try {
            AsUser.run(identity, "party", () -> {
                TaskRow batchRow = row(one);
                TaskRow singleRow = row(single);
                assertThat(batchRow.batch()).as("a step the diagram marks: may be ticked").isTrue();
                assertThat(singleRow.batch()).isFalse();

                // the task list ticks the lines of a batch step and offers the decision for them
                cn.kexie.capability.workflow.TaskListView view = new cn.kexie.capability.workflow.TaskListView(tasks, list,
                        context.getBeanProvider(cn.kexie.capability.workflow.BatchDecision.class));
                com.vaadin.flow.component.button.Button batchButton = (com.vaadin.flow.component.button.Button)
                        view.getChildren().flatMap(c -> c.getChildren()).filter(c -> c.getId().filter("task-batch"::equals).isPresent())
                                .findFirst().orElseThrow();
                assertThat(batchButton.isVisible()).isTrue();
                assertThat(batchButton.isEnabled()).as("nothing ticked yet").isFalse();
                @SuppressWarnings("unchecked")
                com.vaadin.flow.component.grid.Grid<TaskRow> grid = (com.vaadin.flow.component.grid.Grid<TaskRow>)
                        view.getChildren().filter(c -> c.getId().filter("task-grid"::equals).isPresent()).findFirst().orElseThrow();
                grid.select(batchRow);
                assertThat(batchButton.isEnabled()).isTrue();
                assertThat(batchButton.getText()).isEqualTo("批量审批（已选 1 项）");

                BatchApprovalDialog.Form form = (BatchApprovalDialog.Form) dialog.open(List.of(batchRow, singleRow), () -> { });
                form.submit.click();
                assertThat(form.decision.isInvalid()).isTrue();
                assertThat(form.decision.getErrorMessage()).isEqualTo("请选择“同意”或“不同意”。");
                form.decision.setValue(false);
                form.submit.click();
                assertThat(form.comment.isInvalid()).isTrue();
                assertThat(form.meetingDate.isInvalid()).isTrue();
                assertThat(forms.isOpen(one.taskId())).isTrue();

                form.meetingDate.setValue(PlatformClock.today());
                form.minutes.setValue("郴科协党组纪〔2026〕13号");
                form.comment.setValue("预算依据不足，暂不同意。");
                form.submit.click();
                assertThat(form.comment.isInvalid()).isFalse();
                assertThat(form.resultText(new BatchApprovalDialog.Line(one.taskId(), null, null, null))).isEqualTo("已办理");
                assertThat(form.resultText(new BatchApprovalDialog.Line(single.taskId(), null, null, null)))
                        .isEqualTo("未办理：“党组专题研究”环节不支持批量审批，请逐项办理。");
                assertThat(form.summary.getText()).isEqualTo("已办理 1 项，未办理 1 项。");
                assertThat(form.submit.isEnabled()).as("not sent twice").isFalse();
            });
        } finally {
            VaadinTestUi.close();
        }
        assertThat(decisions(one)).extracting(ApplicationEvent::outcome).containsExactly(ProjectProcess.REJECT);
        assertThat(forms.isOpen(single.taskId())).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    record Item(long applicationId, String taskId) {
    }

    /** An application awaiting the party group's approval at the test diagram's step {@code step}. */
    private Item item(String step) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_APPROVAL");
        Map<String, Object> variables = new HashMap<>();
        variables.put("step", step);
        variables.put(ProjectProcess.APPLICATION_ID, app);
        variables.put(ProjectProcess.APPLICATION_NUMBER, forms.number(app));
        variables.put(ProjectProcess.APPLICANT_GROUP, Roles.organisationGroup("CZ-MED"));
        variables.put(ProjectProcess.PROGRAMME, "CHENZHOU");
        variables.put(ProjectProcess.DISBURSED, 0.0);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, forms.number(app), variables);
        jdbc.sql("update application set process_instance_id = ? where id = ?").params(instance.getId(), app).update();
        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        return new Item(app, taskId);
    }

    private TaskRow row(Item item) {
        TaskListQuery.Filter byNumber = new TaskListQuery.Filter(forms.number(item.applicationId()), null, null, null, false);
        return list.page(TaskListQuery.Tab.GROUPS, byNumber, null, 0, 10).stream()
                .filter(r -> item.taskId().equals(r.taskId())).findFirst().orElseThrow();
    }

    private List<ApplicationEvent> decisions(Item item) {
        return as("office", () -> applications.events(item.applicationId())).stream()
                .filter(e -> e.step() != null && e.step().startsWith("Task_")).toList();
    }

    private String latest(String key) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().withoutTenantId().singleResult();
        if (definition == null) {
            definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list().get(0);
        }
        return definition.getId();
    }

    private static List<String> keys(BatchApprovalService.ItemResult result) {
        return result.refusals().stream().map(UserError.Problem::key).toList();
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
