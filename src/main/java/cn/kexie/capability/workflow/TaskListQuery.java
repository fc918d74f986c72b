package cn.kexie.capability.workflow;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task list's queries: open tasks (mine, or offered to my groups), the tasks I completed (已办),
 * and for applicants their organisation's applications (我发起的). Open tasks are paged, filtered and
 * sorted by the engine as the user, as {@link WorkflowTasks#list} runs it: the query's own conditions
 * (assigned to me, or offered to my groups and unclaimed) and the engine's tenant check (cities)
 * decide what is listed, without the engine's authorization join (its cost grows with the square of
 * the open tasks; opening or working on a task still asks the engine as the user). The page's
 * business columns come in one query for the whole page ({@link TaskBusinessData}), never one per line.
 * <p>
 * The done list comes from the engine's history: tasks completed with the user as assignee, in the
 * user's cities. It runs without the user's engine authentication, since most roles hold no history
 * grant; the assignee filter is the restriction (a user sees only what it did itself).
 */
@Service
public class TaskListQuery {

    /** At most so many applications narrow an engine query by a text search. */
    static final int MAX_MATCHES = 1000;

    /** Which list. */
    public enum Tab { MINE, GROUPS, DONE, STARTED }

    /** The columns the engine sorts by. */
    public enum Sort { NUMBER, PROGRAMME, YEAR, STEP, RECEIVED, DUE, ENDED }

    /** What the user narrows the list to; null or blank parts do not narrow. */
    public record Filter(String text, String programmeCode, Integer year, String step, boolean overdueOnly) {
        public static final Filter NONE = new Filter(null, null, null, null, false);
    }

    /** The sort column and direction (null: soonest due first; for 已办, latest completed first). */
    public record Order(Sort sort, boolean ascending) {
    }

    private final WorkflowTasks tasks;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;
    private final TaskBusinessData business;
    private final ProgrammeCatalogue catalogue;
    private final BatchSteps batchSteps;

    TaskListQuery(WorkflowTasks tasks, TaskService taskService, HistoryService historyService,
            RepositoryService repositoryService, IdentityService identityService, CurrentUser currentUser,
            TaskBusinessData business, ProgrammeCatalogue catalogue, BatchSteps batchSteps) {
        this.batchSteps = batchSteps;
        this.tasks = tasks;
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.currentUser = currentUser;
        this.business = business;
        this.catalogue = catalogue;
    }

    @Transactional(readOnly = true)
    public List<TaskRow> page(Tab tab, Filter filter, Order order, int offset, int limit) {
        Filter f = filter == null ? Filter.NONE : filter;
        if (tab == Tab.STARTED) {
            return business.ofMyOrganisation(offset, limit).stream()
                    .map(a -> new TaskRow(null, null, a.number(), a.title(), a.organisation(),
                            a.programmeZh(), a.programmeEn(), a.year(), null, null, null, null,
                            a.applicationId(), a.processInstanceId(), a.status()))
                    .toList();
        }
        List<TaskBusinessData.Match> narrowed = narrowing(f);
        if (narrowed != null && narrowed.isEmpty()) {
            return List.of();
        }
        if (tab == Tab.DONE) {
            List<HistoricTaskInstance> done = withoutEngineUser(() -> sorted(done(f, narrowed), order)
                    .listPage(offset, limit));
            Map<String, TaskBusinessData.Facts> facts = business.byProcessInstance(instances(
                    done.stream().map(HistoricTaskInstance::getProcessInstanceId).toList()));
            return done.stream().map(t -> row(t.getId(), t.getName(), t.getStartTime(), t.getDueDate(), t.getEndTime(),
                    t.getAssignee(), t.getProcessInstanceId(), facts.get(t.getProcessInstanceId()))).toList();
        }
        List<Task> open = tasks.listedAsCaller((user, groups) -> {
            TaskQuery query = open(tab, user, groups, f, narrowed);
            return query == null ? List.<Task>of() : sorted(query, order).listPage(offset, limit);
        });
        Map<String, TaskBusinessData.Facts> facts = business.byProcessInstance(instances(
                open.stream().map(Task::getProcessInstanceId).toList()));
        boolean batches = mayBatch();
        return open.stream().map(t -> {
            TaskRow row = row(t.getId(), t.getName(), t.getCreateTime(), t.getDueDate(), null,
                    t.getAssignee(), t.getProcessInstanceId(), facts.get(t.getProcessInstanceId()));
            // a line a batch decision may take: a step the diagram marks so, not delegated away from me
            return batches && batchSteps.allows(t.getProcessDefinitionId(), t.getTaskDefinitionKey()) && !delegatedByMe(row)
                    ? row.batchable() : row;
        }).toList();
    }

    /**
     * How many rows the tab holds. Asked twice in one request (the tab's label and the grid's count
     * of the shown tab), it is counted once.
     */
    @Transactional(readOnly = true)
    public long count(Tab tab, Filter filter) {
        Filter f = filter == null ? Filter.NONE : filter;
        org.springframework.web.context.request.RequestAttributes request =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return counted(tab, f);
        }
        String key = COUNTS + currentUser.requireId() + "|" + tab + "|" + f;
        Object known = request.getAttribute(key, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (known instanceof Long n) {
            return n;
        }
        long n = counted(tab, f);
        request.setAttribute(key, n, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        return n;
    }

    private static final String COUNTS = TaskListQuery.class.getName() + ".count|";

    private long counted(Tab tab, Filter f) {
        if (tab == Tab.STARTED) {
            return business.countOfMyOrganisation();
        }
        List<TaskBusinessData.Match> narrowed = narrowing(f);
        if (narrowed != null && narrowed.isEmpty()) {
            return 0;
        }
        if (tab == Tab.DONE) {
            return withoutEngineUser(() -> done(f, narrowed).count());
        }
        return tasks.listedAsCaller((user, groups) -> {
            TaskQuery query = open(tab, user, groups, f, narrowed);
            return query == null ? 0L : query.count();
        });
    }

    /** The steps (user task names) of the deployed diagrams, for the step filter. */
    @Transactional(readOnly = true)
    public List<String> stepNames() {
        TreeSet<String> names = new TreeSet<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class).stream()
                    .map(UserTask::getName).filter(Objects::nonNull).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** The programmes of the user's cities, for the programme filter. */
    @Transactional(readOnly = true)
    public List<Programme> programmes() {
        return currentUser.isApplicantOnly() ? catalogue.programmes() : catalogue.programmesOfMyCities();
    }

    /** Whether the line is a task I delegated (委派) and wait to have back: held by the delegate, owned by me. */
    public boolean delegatedByMe(TaskRow row) {
        return row.taskId() != null && row.ended() == null && row.assignee() != null
                && !row.assignee().equals(currentUser.id().orElse(null));
    }

    /**
     * Whether the user decides for meeting bodies (党组, 领导小组), whose steps a diagram may mark for
     * batch decisions ({@link BatchSteps}); others' lists are not read for it.
     */
    public boolean mayBatch() {
        return currentUser.hasAnyRole(Roles.PARTY_GROUP, Roles.LEADING_GROUP);
    }

    /** Whether the user sees the 我发起的 tab: applicants. */
    public boolean startsApplications() {
        return currentUser.hasRole(Roles.APPLICANT);
    }

    // ------------------------------------------------------------------ queries

    private TaskQuery open(Tab tab, String user, List<String> groups, Filter f, List<TaskBusinessData.Match> narrowed) {
        TaskQuery query = taskService.createTaskQuery().active();
        if (tab == Tab.MINE) {
            // mine: what I hold, and what I delegated (委派) and wait to have back, listed as 委派中
            query.or().taskAssignee(user).taskOwner(user).endOr();
        } else if (groups.isEmpty()) {
            return null;
        } else {
            query.taskCandidateGroupIn(groups).taskUnassigned();
        }
        if (narrowed != null) {
            query.processInstanceIdIn(narrowed.stream().map(TaskBusinessData.Match::processInstanceId)
                    .toArray(String[]::new));
        }
        if (blankToNull(f.programmeCode()) != null) {
            query.processVariableValueEquals(ProjectProcess.PROGRAMME, f.programmeCode());
        }
        if (f.year() != null) {
            query.processVariableValueEquals(ProjectProcess.CALL_YEAR, f.year());
        }
        if (blankToNull(f.step()) != null) {
            query.taskName(f.step());
        }
        if (f.overdueOnly()) {
            query.dueBefore(Date.from(PlatformClock.now()));
        }
        return query;
    }

    private HistoricTaskInstanceQuery done(Filter f, List<TaskBusinessData.Match> narrowed) {
        HistoricTaskInstanceQuery query = historyService.createHistoricTaskInstanceQuery()
                .taskAssignee(currentUser.requireId()).finished().taskDeleteReason("completed");
        if (!currentUser.isApplicantOnly()) {
            CityScope cities = currentUser.cities();
            if (!cities.all()) {
                query.tenantIdIn(cities.cities().isEmpty() ? new String[] {"-none-"} : cities.cities().toArray(String[]::new));
            }
        }
        if (narrowed != null) {
            query.processInstanceBusinessKeyIn(narrowed.stream().map(TaskBusinessData.Match::number)
                    .toArray(String[]::new));
        }
        if (blankToNull(f.programmeCode()) != null) {
            query.processVariableValueEquals(ProjectProcess.PROGRAMME, f.programmeCode());
        }
        if (f.year() != null) {
            query.processVariableValueEquals(ProjectProcess.CALL_YEAR, f.year());
        }
        if (blankToNull(f.step()) != null) {
            query.taskName(f.step());
        }
        // overdue concerns open tasks only: the done list ignores it
        return query;
    }

    private static TaskQuery sorted(TaskQuery query, Order order) {
        Sort sort = order == null || order.sort() == null ? Sort.DUE : order.sort();
        switch (sort) {
            case NUMBER -> query.orderByProcessVariable(ProjectProcess.APPLICATION_NUMBER, ValueType.STRING);
            case PROGRAMME -> query.orderByProcessVariable(ProjectProcess.PROGRAMME, ValueType.STRING);
            case YEAR -> query.orderByProcessVariable(ProjectProcess.CALL_YEAR, ValueType.INTEGER);
            case STEP -> query.orderByTaskName();
            case RECEIVED, ENDED -> query.orderByTaskCreateTime();
            case DUE -> query.orderByDueDate();
        }
        if (order == null || order.ascending()) {
            query.asc();
        } else {
            query.desc();
        }
        if (sort != Sort.RECEIVED) {
            query.orderByTaskCreateTime().asc();
        }
        return query.orderByTaskId().asc();
    }

    private static HistoricTaskInstanceQuery sorted(HistoricTaskInstanceQuery query, Order order) {
        Sort sort = order == null || order.sort() == null ? Sort.ENDED : order.sort();
        boolean ascending = order != null && order.sort() != null && order.ascending();
        switch (sort) {
            case STEP -> query.orderByTaskName();
            case RECEIVED -> query.orderByHistoricActivityInstanceStartTime();
            case DUE -> query.orderByTaskDueDate();
            // the history holds no process variables to sort by: latest completed first
            default -> {
                query.orderByHistoricTaskInstanceEndTime();
                ascending = order != null && order.sort() == Sort.ENDED && order.ascending();
            }
        }
        if (ascending) {
            query.asc();
        } else {
            query.desc();
        }
        return query.orderByTaskId().asc();
    }

    /** The process instances a text search narrows to; null when there is no text. */
    private List<TaskBusinessData.Match> narrowing(Filter f) {
        String text = blankToNull(f.text());
        if (text == null) {
            return null;
        }
        if (text.length() > 100) {
            throw new UserError("tasks.error.searchTooLong", 100);
        }
        return business.processInstancesMatching(text, MAX_MATCHES);
    }

    private <T> T withoutEngineUser(Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }

    private static List<String> instances(List<String> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static TaskRow row(String taskId, String step, Date received, Date due, Date ended, String assignee,
            String processInstanceId, TaskBusinessData.Facts facts) {
        if (facts == null) {
            return new TaskRow(taskId, step, null, null, null, null, null, null, received, due, ended, assignee, null,
                    processInstanceId, null);
        }
        return new TaskRow(taskId, step, facts.number(), facts.title(), facts.organisation(),
                facts.programmeZh(), facts.programmeEn(), facts.year(),
                received, due, ended, assignee, facts.applicationId(), processInstanceId, facts.status());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
