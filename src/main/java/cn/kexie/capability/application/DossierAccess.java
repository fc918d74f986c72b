package cn.kexie.capability.application;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Need-to-know for dossiers: who may read an application, what of its history each reader sees,
 * and when its applicant may still change it.
 * <p>
 * <b>Reading.</b> Staff read only applications of their cities ({@link CurrentUser#cities()}), and
 * within them only what their role needs:
 * <ul>
 * <li>the programme office and managers: every application, drafts included (they run the programme);
 * <li>party group, leading group and finance: every <em>submitted</em> application. They decide on
 * lists (a Xuzhou intake, a year's payments) and look back at applications long after their step, so
 * "reached my step" would differ per diagram and break their lists; a draft is the applicant's own
 * workspace until it is submitted, and none of their steps comes before submission;
 * <li>experts: a submitted application while or after a scoring task ({@code platform:expert-score})
 * of it is assigned to them (the engine's history keeps it), never a draft;
 * <li>the county association: a submitted application whose confirmation task
 * ({@code platform:confirmation}) it may work now or worked;
 * <li>administrators: everything.
 * </ul>
 * Applicants read their own organisation's applications. Anything else is refused with an
 * {@link AccessDeniedException}, which the views show like a missing application.
 * <p>
 * <b>History.</b> The office, managers, party group, leading group, finance and administrators see
 * the whole history. Everyone else (applicants, experts, the county association) sees no expert
 * identities or single sheets (nor who else worked on it: only themselves and the applicant's own
 * users are named), no internal notes (the office's decision notes on objections and fraud, its
 * reasons for departing from a ranking), and of the structured data only what is given to the
 * applicant anyway (reasons, deadlines, the panel's mean score, payments).
 * <p>
 * <b>Changing.</b> Only the applicant changes its dossier, only in its open step: the 申报书 and its
 * materials while the application is a draft or returned for correction and its form task is open,
 * a report's files while that report's task is open. The check locks the application's row, in the
 * caller's transaction, so a change and a submission from two browser tabs happen one after the other.
 */
@Component
class DossierAccess {

    /** Who reads a dossier, and so which of its history. */
    enum Audience {
        /** The association's own deciding roles: the whole history. */
        INTERNAL,
        /** Experts and the county association: no other expert's identity or sheet, no internal notes. */
        OUTSIDE,
        /** The applicant's users: as outside, and only what was given to the applicant. */
        APPLICANT
    }

    /** Roles that run a programme: every application of their cities. */
    static final String[] RUNNING = {Roles.PROGRAMME_OFFICE, Roles.MANAGER};
    /** Roles that decide on applications: the submitted applications of their cities. */
    static final String[] DECIDING = {Roles.PARTY_GROUP, Roles.LEADING_GROUP, Roles.FINANCE};

    /** History entries of single experts and their sheets: only the expert itself and the insiders see them. */
    static final Set<String> PANEL_STEPS = Set.of("expertReview", "reviewRoundArchived",
            // a replacement drawn from the pool names both experts (issue 11)
            "expertRedrawn");
    /**
     * Moves of tasks between the association's people (转办, 委派, 催办, 退回, an expert who declines
     * and the replacement): the internal course of the work, never shown to outsiders.
     */
    static final Set<String> MOVE_STEPS = java.util.Arrays.stream(cn.kexie.capability.workflow.TaskMoved.Move.values())
            .map(cn.kexie.capability.workflow.TaskMoved.Move::step).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** History entries whose comment is an internal note of the office. */
    static final Set<String> INTERNAL_NOTES = Set.of("objectionReview", "fraudFound", "comprehensiveEvaluation",
            // how the panel was chosen and whom it names (issue 11): the step shows, the names do not
            "assignPanel");
    /** Structured data of the history that outsiders may see: what the applicant is told anyway. */
    static final Set<String> SHARED_DATA = Set.of("category", "reasons", "checksPassed", "correctionWorkingDays",
            "correctionDeadline", "rectifyBy", "lastDay", "panelScore", "amount", "paidOn", "finding", "banYears",
            "banFrom", "banUntil", "meetingDate", "recommendedToProvince",
            // the mid-term date the office set on confirming the agreement: the applicant's agreement states it
            "midtermDue",
            // a step taken back (撤回) stays in the history, marked for every reader
            ApplicationRepository.WITHDRAWN);

    /** The kind of each file and the applicant's step during which it may be added or removed. */
    static final Map<Attachment.Kind, String> STEP_OF_KIND = Map.of(
            Attachment.Kind.APPLICATION, ProjectProcess.Forms.APPLICATION,
            Attachment.Kind.SIGNED_AGREEMENT, ProjectProcess.Forms.SIGN_AGREEMENT,
            Attachment.Kind.PROGRESS, ProjectProcess.Forms.PROGRESS_REPORT,
            Attachment.Kind.RECTIFICATION, ProjectProcess.Forms.RECTIFICATION,
            Attachment.Kind.SUMMARY, ProjectProcess.Forms.FINAL_REPORT,
            Attachment.Kind.ACCOUNTS, ProjectProcess.Forms.FINAL_REPORT,
            Attachment.Kind.CASE, ProjectProcess.Forms.FINAL_REPORT);

    private final ApplicationRepository repository;
    private final CurrentUser currentUser;
    private final OrganisationService organisations;
    private final WorkflowTasks tasks;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    /** Form key of a user task, by process definition id and task definition key (definitions never change). */
    private final Map<String, String> formKeys = new ConcurrentHashMap<>();

    DossierAccess(ApplicationRepository repository, CurrentUser currentUser, OrganisationService organisations,
            WorkflowTasks tasks, TaskService taskService, HistoryService historyService,
            RepositoryService repositoryService, IdentityService identityService) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.tasks = tasks;
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    // ------------------------------------------------------------------ reading

    /** How the current user reads the application; refuses one it may not read. */
    Audience requireRead(Application app) {
        if (currentUser.hasRole(Roles.ADMIN)) {
            return Audience.INTERNAL;
        }
        CityScope cities = currentUser.cities();
        if (cities.includes(app.cityCode())) {
            if (currentUser.hasAnyRole(RUNNING)) {
                return Audience.INTERNAL;
            }
            if (app.submitted() && !ApplicationStatus.DRAFT.is(app.status())) {
                if (currentUser.hasAnyRole(DECIDING)) {
                    return Audience.INTERNAL;
                }
                if (currentUser.hasRole(Roles.EXPERT) && assignedOrWorked(app, ProjectProcess.Forms.EXPERT_SCORE)) {
                    return Audience.OUTSIDE;
                }
                if (currentUser.hasRole(Roles.COUNTY_ASSOCIATION)
                        && (mayWorkNow(app, ProjectProcess.Forms.CONFIRMATION)
                                || assignedOrWorked(app, ProjectProcess.Forms.CONFIRMATION))) {
                    return Audience.OUTSIDE;
                }
            }
        }
        if (isOwn(app)) {
            return Audience.APPLICANT;
        }
        throw new AccessDeniedException("application.error.forbidden");
    }

    /** As {@link #requireRead(Application)}, for an application known by id; a missing one is refused alike. */
    Audience requireRead(long applicationId) {
        return requireRead(repository.find(applicationId)
                .orElseThrow(() -> new UserError("application.error.notFound", applicationId)));
    }

    /** Which applications the current user's lists may show at all. */
    ApplicationRepository.Reach listReach() {
        if (currentUser.hasRole(Roles.ADMIN)) {
            return ApplicationRepository.Reach.EVERYTHING;
        }
        CityScope cities = currentUser.cities();
        Set<String> codes = cities.all() ? null : cities.cities();
        if (currentUser.hasAnyRole(RUNNING)) {
            return new ApplicationRepository.Reach(codes, false);
        }
        if (currentUser.hasAnyRole(DECIDING)) {
            return new ApplicationRepository.Reach(codes, true);
        }
        throw new AccessDeniedException("application.error.forbidden");
    }

    /** Whether the current user is an applicant of the application's organisation. */
    boolean isOwn(Application app) {
        return currentUser.hasRole(Roles.APPLICANT)
                && organisations.mine().map(org -> org.getId() == app.organisationId()).orElse(false);
    }

    /** A task with the form key, of the application's process, assigned to the current user, open or completed. */
    private boolean assignedOrWorked(Application app, String formKey) {
        if (app.processInstanceId() == null) {
            return false;
        }
        List<HistoricTaskInstance> mine = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(app.processInstanceId()).taskAssignee(currentUser.requireId()).list();
        return mine.stream().anyMatch(t -> formKey.equals(formKeyOf(t.getProcessDefinitionId(), t.getTaskDefinitionKey())));
    }

    /** An open task with the form key that the current user may work as one of its candidates. */
    private boolean mayWorkNow(Application app, String formKey) {
        return tasks.mayWorkNow(app.processInstanceId(), formKey);
    }

    private String formKeyOf(String processDefinitionId, String taskDefinitionKey) {
        if (processDefinitionId == null || taskDefinitionKey == null) {
            return "";
        }
        return formKeys.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, key -> {
            var element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
            return element instanceof UserTask task && task.getCamundaFormKey() != null ? task.getCamundaFormKey() : "";
        });
    }

    // ------------------------------------------------------------------ history

    /** The history as the audience may see it. */
    List<ApplicationEvent> visible(Application app, Audience audience, List<ApplicationEvent> events) {
        if (audience == Audience.INTERNAL) {
            return events;
        }
        String me = currentUser.requireId();
        String applicantGroup = Roles.organisationGroup(organisations.load(app.organisationId()).getCode());
        Map<String, Boolean> named = new HashMap<>();
        List<ApplicationEvent> result = new ArrayList<>();
        for (ApplicationEvent e : events) {
            boolean ownEntry = me.equals(e.userId());
            if (MOVE_STEPS.contains(e.step())) {
                continue;
            }
            if (ApplicationService.TASK_COMMENT.equals(e.step()) && !ownEntry && !(audience == Audience.APPLICANT
                    && e.userId() != null && named.computeIfAbsent(e.userId(), user -> identityService.createUserQuery()
                            .userId(user).memberOfGroup(applicantGroup).count() > 0))) {
                // a comment written on a task in Tasklist is an internal note, by its author's role: the
                // applicant reads only his own organisation's, experts and the county association their own
                continue;
            }
            if (PANEL_STEPS.contains(e.step()) && !(audience == Audience.OUTSIDE && ownEntry && "expertReview".equals(e.step()))) {
                continue;
            }
            String who = e.userId() == null || ownEntry
                    || named.computeIfAbsent(e.userId(), user -> identityService.createUserQuery().userId(user)
                            .memberOfGroup(applicantGroup).count() > 0)
                    ? e.userId() : ApplicationEvent.WITHHELD;
            String comment = INTERNAL_NOTES.contains(e.step()) ? null : e.comment();
            // the office's reason for a 撤回 or 退回 is the applicant's to read only where it is addressed to it
            if (ApplicationMoves.STEPS.contains(e.step()) && !Boolean.TRUE.equals(e.data().get("toApplicant"))) {
                comment = null;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            e.data().forEach((key, value) -> {
                if (SHARED_DATA.contains(key)) {
                    data.put(key, value);
                }
            });
            result.add(new ApplicationEvent(e.at(), who, e.step(), e.outcome(), comment, java.util.Collections.unmodifiableMap(data)));
        }
        return result;
    }

    /**
     * The names of the people who made the entries the reader sees (王学会部), in one query; an entry
     * whose person the register names no longer keeps its login id.
     */
    Map<String, String> names(List<ApplicationEvent> events) {
        // who made each entry, and the colleague a task was moved to (转办, 委派)
        String[] ids = events.stream().flatMap(e -> java.util.stream.Stream.of(e.userId(),
                        e.data().get("to") instanceof String to ? to : null))
                .filter(id -> id != null && !id.isEmpty()).distinct().toArray(String[]::new);
        Map<String, String> names = new HashMap<>();
        if (ids.length > 0) {
            identityService.createUserQuery().userIdIn(ids).list()
                    .forEach(user -> names.put(user.getId(), cn.kexie.capability.common.PersonName.of(user)));
        }
        return names;
    }

    // ------------------------------------------------------------------ changing

    /**
     * The application, locked for a change of the kind by its applicant in the caller's transaction:
     * the 申报书 and its materials ({@code APPLICATION}) while it is a draft or returned for correction
     * and its form task is open, the files of a report while that report's task is open. Refuses
     * anyone but the applicant's users, and every other moment with a message the applicant can read.
     */
    Application requireChange(long applicationId, Attachment.Kind kind) {
        Application app = repository.lockAndFind(applicationId)
                .orElseThrow(() -> new UserError("application.error.notFound", applicationId));
        if (!isOwn(app)) {
            throw new AccessDeniedException("application.error.forbidden");
        }
        String step = STEP_OF_KIND.get(kind);
        if (kind == Attachment.Kind.APPLICATION) {
            if (!app.editable() || !applicantTaskOpen(app, step)) {
                throw new UserError("application.error.notEditableNow");
            }
        } else if (step == null || !applicantTaskOpen(app, step)) {
            throw new UserError("attachment.error.stepClosed", "attachment.kind." + kind.name());
        }
        return app;
    }

    /** Whether the application's process waits for its applicant in a task of the form key. */
    private boolean applicantTaskOpen(Application app, String formKey) {
        if (app.processInstanceId() == null) {
            return false;
        }
        Organisation org = organisations.load(app.organisationId());
        String applicantGroup = Roles.organisationGroup(org.getCode());
        if (tasks.checkedTaskOffered(app.processInstanceId(), formKey, applicantGroup)) {
            return true;
        }
        List<Task> open = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).active()
                .initializeFormKeys().list();
        return open.stream().filter(t -> formKey.equals(t.getFormKey()))
                .anyMatch(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                                && applicantGroup.equals(link.getGroupId())));
    }
}
