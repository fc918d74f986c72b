package cn.kexie.capability.workflow;

import cn.kexie.capability.workflow.ProjectProcess.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationInstantiationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * Where an application's process has been and what it may be taken back to: the engine's side of
 * 撤回 (withdrawal) and 退回 (return to an earlier step), read from the diagram and the instance's
 * history, and the move itself by the engine's process-instance modification inside a
 * {@link PlatformStep} — never by the user's own engine rights (Tasklist, Cockpit and REST stay
 * refused by {@link WorkflowCourseGuard}). The caller (the application feature) checks who asks and
 * records the move in the dossier, in the same transaction.
 * <p>
 * <b>What cannot be undone.</b> A move never crosses a point after which people outside the office
 * have acted on the application's course, or the public has: a decision of the party group or the
 * leading group ({@code platform:approval}, and the call's own selection, which the project's process
 * waits for as a message), a public notice already published, money paid or recovered, an
 * objection's finding, a finding of fraud and its sanctions. Those are {@linkplain #barrier barriers}: only human
 * steps the diagram passed after the last of them may be returned to.
 */
@Service
public class ProcessMoves {

    /** User tasks whose completion is a decision or a payment that no move undoes, nor is ever returned to. */
    static final Set<String> BARRIER_FORMS = Set.of(Forms.APPROVAL, Forms.DISBURSEMENT, Forms.FUND_RECOVERY,
            Forms.OBJECTION, Forms.COMPREHENSIVE_EVALUATION, "platform:subsidy-payment");
    /**
     * Service tasks that publish a public notice (the beans the diagrams call): once the public has
     * seen the list, the review before it is closed.
     */
    static final Set<String> NOTICE_DELEGATES = Set.of("${startNotice}", "${listNotice}");
    /**
     * Events that bring the outcome of somebody else's decision into the process (the call's
     * selection by the leading group, an upheld objection, a finding of fraud).
     */
    static final Set<String> BARRIER_EVENT_TYPES = Set.of("intermediateMessageCatch", "messageStartEvent",
            "errorStartEvent", "boundaryError", "boundaryMessage", "intermediateSignalCatch");

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final Map<String, ModelElementInstance> elements = new ConcurrentHashMap<>();

    ProcessMoves(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
            RepositoryService repositoryService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /** A human step the instance has completed. */
    public record Step(String taskId, String activityId, String name, String formKey, String assignee,
            java.util.Date started, java.util.Date ended) {
    }

    /** An open task of the instance and whether anybody has begun on it. */
    public record Open(String taskId, String activityId, String name, String formKey, boolean untouched) {
    }

    /** Where the instance stands: its open tasks, its completed human steps (oldest first) and which of them are past the last barrier. */
    public record Course(List<Open> open, List<Step> completed, List<Step> sinceBarrier, boolean barrierAfterLastStep,
            java.util.Date lastCancelled) {

        /** Whether a move (or an interrupting event) cancelled a step after the last completed one: that step was taken back already. */
        public boolean movedSinceLast() {
            Step last = last();
            return last != null && lastCancelled != null && !lastCancelled.before(last.ended());
        }

        /** The last completed human step, if any. */
        public Step last() {
            return completed.isEmpty() ? null : completed.get(completed.size() - 1);
        }

        public boolean allUntouched() {
            return !open.isEmpty() && open.stream().allMatch(Open::untouched);
        }

        public boolean hasOpenForm(String formKey) {
            return open.stream().anyMatch(o -> formKey.equals(o.formKey()));
        }

        public boolean completedForm(String formKey) {
            return completed.stream().anyMatch(s -> formKey.equals(s.formKey()));
        }
    }

    /** The course of a running instance; an ended (or unknown) one has no open tasks and nothing to return to. */
    public Course course(String processInstanceId) {
        if (processInstanceId == null || runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).active().count() == 0) {
            return new Course(List.of(), List.of(), List.of(), true, null);
        }
        List<HistoricActivityInstance> acts = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
        // who completed each task (the activity's own record of the assignee may predate a claim)
        Map<String, String> assignees = new java.util.HashMap<>();
        historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished().list()
                .forEach(t -> {
                    if (t.getAssignee() != null) {
                        assignees.put(t.getId(), t.getAssignee());
                    }
                });
        List<Step> completed = new ArrayList<>();
        List<Step> sinceBarrier = new ArrayList<>();
        boolean barrierAfterLast = false;
        java.util.Date lastCancelled = null;
        for (HistoricActivityInstance act : acts) {
            if (act.isCanceled() && act.getEndTime() != null
                    && (lastCancelled == null || act.getEndTime().after(lastCancelled))) {
                lastCancelled = act.getEndTime();
            }
            ModelElementInstance element = element(act.getProcessDefinitionId(), act.getActivityId());
            if (isBarrier(act, element)) {
                sinceBarrier.clear();
                barrierAfterLast = true;
            }
            if (element instanceof UserTask task && act.getEndTime() != null && !act.isCanceled() && act.getTaskId() != null) {
                Step step = new Step(act.getTaskId(), act.getActivityId(), act.getActivityName(), formKey(task),
                        assignees.get(act.getTaskId()), act.getStartTime(), act.getEndTime());
                completed.add(step);
                if (!BARRIER_FORMS.contains(step.formKey())) {
                    sinceBarrier.add(step);
                }
                barrierAfterLast = BARRIER_FORMS.contains(step.formKey());
            }
        }
        // completed steps ordered by when they were completed
        completed.sort(java.util.Comparator.comparing(Step::ended));
        sinceBarrier.sort(java.util.Comparator.comparing(Step::ended));
        List<Open> open = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            ModelElementInstance element = element(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            String formKey = element instanceof UserTask u ? formKey(u) : "";
            boolean assignedByDiagram = element instanceof UserTask u && u.getCamundaAssignee() != null;
            boolean untouched = (task.getAssignee() == null || assignedByDiagram) && !task.isSuspended()
                    && taskService.getVariablesLocal(task.getId()).isEmpty();
            open.add(new Open(task.getId(), task.getTaskDefinitionKey(), task.getName(), formKey, untouched));
        }
        return new Course(List.copyOf(open), List.copyOf(completed), List.copyOf(sinceBarrier), barrierAfterLast,
                lastCancelled);
    }

    /**
     * The earlier human steps the office may return the instance to: those completed since the last
     * barrier, each activity once (its latest run), none that is open now, none that is itself a
     * decision or payment.
     */
    public List<Step> returnable(Course course) {
        if (course.open().isEmpty()) {
            return List.of();
        }
        Set<String> openNow = new LinkedHashSet<>();
        course.open().forEach(o -> openNow.add(o.activityId()));
        Map<String, Step> byActivity = new LinkedHashMap<>();
        for (Step step : course.sinceBarrier()) {
            if (!openNow.contains(step.activityId())) {
                byActivity.remove(step.activityId());
                byActivity.put(step.activityId(), step);
            }
        }
        return List.copyOf(byActivity.values());
    }

    /**
     * Whether the activity runs listeners as it starts (the diagrams set the application's status so):
     * started again by a move, it sets its status itself.
     */
    public boolean startsWithListener(String processInstanceId, String activityId) {
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        ModelElementInstance element = instance == null ? null : element(instance.getProcessDefinitionId(), activityId);
        if (!(element instanceof org.camunda.bpm.model.bpmn.instance.BaseElement base) || base.getExtensionElements() == null) {
            return false;
        }
        return base.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).list().stream()
                .anyMatch(listener -> "start".equals(listener.getCamundaEvent()));
    }

    private boolean isBarrier(HistoricActivityInstance act, ModelElementInstance element) {
        if (BARRIER_EVENT_TYPES.contains(act.getActivityType())) {
            return true;
        }
        return element instanceof ServiceTask service && service.getCamundaDelegateExpression() != null
                && NOTICE_DELEGATES.contains(service.getCamundaDelegateExpression());
    }

    /**
     * Takes the instance back to {@code targetActivityId}: starts it afresh (with its listeners, so the
     * diagram sets its status again; a multi-instance task for every element of its collection, the
     * same panel) and cancels whatever is open now, in one modification, as a platform step.
     */
    public void moveTo(String processInstanceId, String targetActivityId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        String definitionId = tree.getProcessDefinitionId();
        ModelElementInstance target = element(definitionId, targetActivityId);
        String start = target instanceof Activity activity && activity.getLoopCharacteristics() != null
                ? targetActivityId + "#multiInstanceBody" : targetActivityId;
        // within an embedded sub-process that is running now, the new step starts in that instance of it
        String ancestor = null;
        if (target instanceof FlowElement flow && flow.getParentElement() instanceof SubProcess scope) {
            ancestor = findScope(tree, scope.getId());
        }
        List<String> leaves = new ArrayList<>();
        collectLeaves(tree, leaves);
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            String ancestorId = ancestor;
            PlatformStep.run(() -> {
                ProcessInstanceModificationInstantiationBuilder builder = ancestorId == null
                        ? runtimeService.createProcessInstanceModification(processInstanceId).startBeforeActivity(start)
                        : runtimeService.createProcessInstanceModification(processInstanceId).startBeforeActivity(start, ancestorId);
                for (String leaf : leaves) {
                    builder.cancelActivityInstance(leaf);
                }
                builder.execute();
            });
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }

    /** The open activity instances to cancel: each waiting leaf, or its multi-instance body as a whole. */
    private static void collectLeaves(ActivityInstance instance, List<String> leaves) {
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getActivityId().endsWith("#multiInstanceBody")) {
                leaves.add(child.getId());
            } else if (child.getChildActivityInstances().length == 0) {
                leaves.add(child.getId());
            } else {
                collectLeaves(child, leaves);
            }
        }
    }

    private static String findScope(ActivityInstance instance, String activityId) {
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (activityId.equals(child.getActivityId())) {
                return child.getId();
            }
            String found = findScope(child, activityId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private ModelElementInstance element(String processDefinitionId, String activityId) {
        if (processDefinitionId == null || activityId == null) {
            return null;
        }
        String id = activityId.replace("#multiInstanceBody", "");
        String key = processDefinitionId + "#" + id;
        ModelElementInstance cached = elements.get(key);
        if (cached != null) {
            return cached;
        }
        ModelElementInstance found = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(id);
        if (found != null) {
            elements.put(key, found);
        }
        return found;
    }

    private static String formKey(UserTask task) {
        return task.getCamundaFormKey() == null ? "" : task.getCamundaFormKey();
    }
}
