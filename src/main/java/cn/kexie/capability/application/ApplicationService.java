package cn.kexie.capability.application;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications: the applicant creates, fills and submits them; staff read and filter them; the
 * process steps record what happened. Every method is one transaction with the engine's work.
 */
@Service
public class ApplicationService {

    static final int MAX_TITLE = 200;
    static final int MAX_SHORT = 4000;
    static final int MAX_CONTENT = 20000;
    static final int MAX_BUDGET_LINES = 50;
    /** The catalogue's kind of a programme that funds projects over a period. */
    static final String PROJECT_KIND = "PROJECT";
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private final ApplicationRepository repository;
    private final ProgrammeCatalogue catalogue;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final WorkflowTasks tasks;
    private final AttachmentService attachments;
    private final DossierAccess access;
    private final ParticularsRepository particulars;
    private final cn.kexie.capability.programme.Counties counties;

    ApplicationService(ApplicationRepository repository, ProgrammeCatalogue catalogue, OrganisationService organisations,
            CurrentUser currentUser, RuntimeService runtimeService, TaskService taskService, WorkflowTasks tasks,
            AttachmentService attachments, DossierAccess access, ParticularsRepository particulars,
            cn.kexie.capability.programme.Counties counties) {
        this.particulars = particulars;
        this.counties = counties;
        this.repository = repository;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.tasks = tasks;
        this.attachments = attachments;
        this.access = access;
    }

    /** The applicant opens an application in a category of an open call; its process starts at once. */
    @Transactional
    public Application start(long callId, String categoryCode, String title) {
        Organisation org = organisations.mine()
                .orElseThrow(() -> new AccessDeniedException("application.error.noOrganisation"));
        if (!currentUser.hasRole(Roles.APPLICANT)) {
            throw new AccessDeniedException("application.error.notApplicant");
        }
        Call call = catalogue.call(callId).orElseThrow(() -> new UserError("programme.error.unknownCall", callId));
        catalogue.requireOpen(callId, categoryCode, PlatformClock.today());
        Programme programme = catalogue.requireProgramme(call.programmeCode());
        if (!programme.cityCode().equals(org.getCityCode())) {
            // a programme takes applications from the organisations of its own city only
            throw new AccessDeniedException("application.error.otherCity");
        }
        if (programme.projectProcessKey() == null) {
            throw new UserError("application.error.noProcess", programme.nameZh());
        }
        String cleanTitle = title == null ? "" : title.trim();
        if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
            throw new UserError("application.error.title", MAX_TITLE);
        }
        String number = repository.nextNumber(programme.code(), call.year());
        long id = repository.insert(number, programme.code(), callId, categoryCode, org.getId(), cleanTitle,
                currentUser.requireId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProjectProcess.APPLICATION_ID, id);
        variables.put(ProjectProcess.APPLICATION_NUMBER, number);
        variables.put(ProjectProcess.APPLICANT_GROUP, Roles.organisationGroup(org.getCode()));
        variables.put(ProjectProcess.PROGRAMME, programme.code());
        variables.put(ProjectProcess.CATEGORY, categoryCode);
        variables.put(ProjectProcess.CALL_YEAR, call.year());
        variables.put(ProjectProcess.PUBLICITY_DAYS, programme.publicityWorkingDays());
        variables.put(ProjectProcess.DISBURSED, 0.0);
        variables.put(ProjectProcess.ELIGIBILITY_DECISION, programme.eligibilityDecisionKey());
        variables.put(ProjectProcess.SCORING_DECISION, programme.scoringDecisionKey());
        variables.put(ProjectProcess.CONFIRMATION_GROUP, catalogue.category(programme.code(), categoryCode)
                .map(cn.kexie.capability.programme.Category::confirmationGroup).orElse(null));
        particulars.create(id);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(programme.projectProcessKey(), number, variables);
        repository.setProcessInstance(id, instance.getId());
        repository.addEvent(id, currentUser.requireId(), "created", null, null, Map.of("category", categoryCode));
        return repository.find(id).orElseThrow();
    }

    /**
     * Saves the 申报书 while it is a draft or returned for correction and its form task is open
     * (checked on the locked row, so a second tab cannot change an application submitted meanwhile).
     */
    @Transactional
    public Application saveDraft(long id, int version, ApplicationDraft draft) {
        Application app = access.requireChange(id, Attachment.Kind.APPLICATION);
        if (draft == null) {
            throw new UserError("application.error.noDraft");
        }
        List<Problem> problems = validateFields(draft);
        problems.addAll(validateDeclared(app, draft.getDeclared(), false));
        if (draft.getParticulars() != null) {
            problems.addAll(draft.getParticulars().problems());
        }
        UserError.throwIfAny(problems);
        try {
            repository.update(id, version, draft);
        } catch (OptimisticLockingFailureException changed) {
            throw new UserError("common.error.changedMeanwhile");
        }
        if (draft.getParticulars() != null) {
            particulars.save(id, draft.getParticulars().cleaned());
        }
        return repository.find(id).orElseThrow();
    }

    /**
     * Submits the application (or its correction): everything required must be there; a first
     * submission must come within the category's deadline. Completes the applicant's task.
     */
    @Transactional
    public Application submit(long id) {
        Application app = access.requireChange(id, Attachment.Kind.APPLICATION);
        List<Problem> problems = validateComplete(app);
        List<cn.kexie.capability.programme.DeclaredField> fields = declaredFields(app);
        problems.addAll(validateDeclared(app, fields, app.declared(), true));
        ParticularsRepository.ForSubmission cover = particulars.forSubmission(id);
        problems.addAll(cover.particulars().missing(cover.project(), cover.lastDay()));
        UserError.throwIfAny(problems);
        if (ApplicationStatus.DRAFT.is(app.status())) {
            catalogue.requireOpen(app.callId(), app.categoryCode(), PlatformClock.today());
        }
        Task task = applicantTask(app);
        repository.markSubmitted(id);
        repository.addEvent(id, currentUser.requireId(), task.getTaskDefinitionKey(),
                ApplicationStatus.DRAFT.is(app.status()) ? "SUBMITTED" : "CORRECTED", null, null);
        tasks.complete(task.getId(), ApplicationStatus.DRAFT.is(app.status()) ? confirmationRoute(app, fields) : Map.of());
        return repository.find(id).orElseThrow();
    }

    /**
     * Where the category needs a confirmation by another body (项目目录: confirmation group) and the
     * 申报书 names the county of the project (a declared field of type COUNTY), the confirmation goes
     * to that county's association only: its group becomes the task's candidate group. Without a
     * county named, the catalogue's group confirms.
     */
    private Map<String, Object> confirmationRoute(Application app, List<cn.kexie.capability.programme.DeclaredField> fields) {
        for (cn.kexie.capability.programme.DeclaredField field : fields) {
            if (field.type() == cn.kexie.capability.programme.DeclaredField.Type.COUNTY
                    && app.declared().get(field.name()) instanceof String code
                    && catalogue.category(app.programmeCode(), app.categoryCode())
                            .map(cn.kexie.capability.programme.Category::confirmationGroup).isPresent()) {
                return counties.find(code)
                        .<Map<String, Object>>map(c -> Map.of(ProjectProcess.CONFIRMATION_GROUP, c.confirmationGroup()))
                        .orElse(Map.of());
            }
        }
        return Map.of();
    }

    private Task applicantTask(Application app) {
        return taskService.createTaskQuery().processInstanceId(app.processInstanceId()).active()
                .initializeFormKeys().list().stream()
                .filter(t -> ProjectProcess.Forms.APPLICATION.equals(t.getFormKey()))
                .findFirst()
                .orElseThrow(() -> new UserError("application.error.notEditable"));
    }

    @Transactional(readOnly = true)
    public List<Application> mine() {
        return organisations.mine().map(org -> repository.byOrganisation(org.getId())).orElse(List.of());
    }

    /**
     * The applications of the caller's cities that its role works with (see {@link DossierAccess}):
     * the office and managers all, party group, leading group and finance the submitted ones; other
     * roles have no such list.
     */
    @Transactional(readOnly = true)
    public List<Application> search(ApplicationFilter filter, int offset, int limit) {
        return repository.search(filter == null ? ApplicationFilter.all() : filter, access.listReach(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(ApplicationFilter filter) {
        return repository.count(filter == null ? ApplicationFilter.all() : filter, access.listReach());
    }

    /** The application, if the caller may read it (see {@link DossierAccess}); refused like a missing one otherwise. */
    @Transactional(readOnly = true)
    public Application get(long id) {
        Application app = load(id);
        checkRead(app);
        return app;
    }

    /**
     * The application's history as the caller may see it: applicants, experts and the county
     * association see no expert identities, single sheets or internal notes (see {@link DossierAccess}).
     */
    @Transactional(readOnly = true)
    public List<ApplicationEvent> events(long id) {
        Application app = load(id);
        DossierAccess.Audience audience = access.requireRead(app);
        return access.visible(app, audience, withTaskComments(app, repository.events(id)));
    }

    /** The history entry of a comment written on a task in Camunda Tasklist (its outcome: the task's name). */
    public static final String TASK_COMMENT = "taskComment";

    /** The history with the comments written on the process's tasks in Tasklist, each where it falls in time. */
    private List<ApplicationEvent> withTaskComments(Application app, List<ApplicationEvent> events) {
        List<WorkflowTasks.TaskComment> comments = tasks.commentsOf(app.processInstanceId());
        if (comments.isEmpty()) {
            return events;
        }
        List<ApplicationEvent> all = new ArrayList<>(events);
        for (WorkflowTasks.TaskComment c : comments) {
            all.add(new ApplicationEvent(c.at(), c.userId(), TASK_COMMENT, c.taskName(), c.message(), Map.of()));
        }
        all.sort(java.util.Comparator.comparing(ApplicationEvent::at));
        return all;
    }

    // ---- for process steps and other features' services (callers check access themselves) ----

    public Application load(long id) {
        return repository.find(id).orElseThrow(() -> new UserError("application.error.notFound", id));
    }

    public java.util.Optional<Application> findByNumber(String number) {
        return repository.findByNumber(number);
    }

    /**
     * The process now running for the application (a diagram's sanctions started after acceptance, when
     * the first instance has ended), so its tasks show on the dossier. For services that checked their callers.
     */
    public void attachProcess(long id, String processInstanceId) {
        repository.setProcessInstance(id, processInstanceId);
    }

    public void setStatus(long id, String status) {
        repository.setStatus(id, status);
    }

    /**
     * Adds an entry to the dossier's history, by the user who acts, or by nobody where a diagram's
     * automatic step writes it (a delegate or listener, which runs in the transaction of whoever
     * completed the step before it, and is not that person's act).
     */
    public void record(long id, String step, String outcome, String comment, Map<String, Object> data) {
        boolean automatic = org.camunda.bpm.engine.impl.context.Context.getBpmnExecutionContext() != null;
        repository.addEvent(id, automatic ? null : currentUser.id().orElse(null), step, outcome, comment, data);
    }

    public void setPanelScore(long id, BigDecimal score) {
        repository.setPanelScore(id, score);
    }

    /**
     * Puts the application under public notice until {@code endsAt} (null ends it); objections go
     * to the given process, in the scope whose local variable {@code noticeScope} has that value.
     */
    public void setNotice(long id, Instant endsAt, String processInstanceId, String scope) {
        repository.setNotice(id, endsAt, processInstanceId, scope);
    }

    public String[] noticeHandler(long id) {
        return repository.noticeHandler(id);
    }

    /** The applications of a call's category in the given statuses, for process steps (no access check). */
    public List<Application> searchInternal(long callId, String categoryCode, List<String> statuses) {
        List<Application> result = new ArrayList<>();
        for (String status : statuses) {
            result.addAll(repository.search(new ApplicationFilter(null, callId, categoryCode, status, null),
                    ApplicationRepository.Reach.EVERYTHING, 0, 100_000));
        }
        return result;
    }

    /** The facts the form asks for in the application's category. */
    public List<cn.kexie.capability.programme.DeclaredField> declaredFields(Application app) {
        return catalogue.declaredFields(app.programmeCode(), app.categoryCode());
    }

    /** The field name of a declared fact's problems: {@code declared:} and the fact's name. */
    static final String DECLARED = "declared:";

    /** Declared values must have their field's type; on submission the required ones must be there. */
    List<Problem> validateDeclared(Application app, Map<String, Object> declared, boolean complete) {
        return validateDeclared(app, declaredFields(app), declared, complete);
    }

    private List<Problem> validateDeclared(Application app, List<cn.kexie.capability.programme.DeclaredField> fields,
            Map<String, Object> declared, boolean complete) {
        List<Problem> problems = new ArrayList<>();
        for (cn.kexie.capability.programme.DeclaredField field : fields) {
            Object value = declared == null ? null : declared.get(field.name());
            if (value == null || value instanceof String s && s.isBlank()) {
                if (complete && field.required()) {
                    problems.add(new Problem("application.error.declaredMissing", field.labelZh()).at(DECLARED + field.name()));
                }
                continue;
            }
            boolean ok = switch (field.type()) {
                case BOOLEAN -> value instanceof Boolean;
                case INTEGER -> value instanceof Number n && n.longValue() == n.doubleValue()
                        && n.longValue() >= 0 && n.longValue() <= 100_000;
                case TEXT -> value instanceof String s && s.length() <= 200;
                case DATE -> declaredDate(value) != null;
                // one of the counties of the application's city
                case COUNTY -> value instanceof String code
                        && counties.find(code).filter(c -> c.cityCode().equals(app.cityCode())).isPresent();
            };
            if (!ok) {
                problems.add(new Problem("application.error.declaredValue", field.labelZh()).at(DECLARED + field.name()));
            }
        }
        return problems;
    }

    /**
     * A declared value as a person reads it where the field's type keeps a code: a county's name (in
     * the locale's language); any other value as it is.
     */
    public Object declaredForReading(cn.kexie.capability.programme.DeclaredField field, Object value, java.util.Locale locale) {
        if (field != null && field.type() == cn.kexie.capability.programme.DeclaredField.Type.COUNTY && value instanceof String code) {
            return counties.find(code).<Object>map(c -> c.name(locale)).orElse(value);
        }
        return value;
    }

    /** The counties a declared field of type COUNTY offers: those of the application's city. */
    public List<cn.kexie.capability.programme.County> counties(Application app) {
        return counties.of(app.cityCode());
    }

    /** A declared date as the form keeps it (ISO text, 2019-03-31), within the years the platform takes; null if it is none. */
    static java.time.LocalDate declaredDate(Object value) {
        try {
            java.time.LocalDate date = value instanceof java.time.LocalDate d ? d
                    : value instanceof String s && s.length() == 10 ? java.time.LocalDate.parse(s) : null;
            return date != null && date.getYear() >= 1900 && date.getYear() <= 2100 ? date : null;
        } catch (java.time.format.DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * The facts the eligibility tables read of the applications, in one statement (see
     * {@link ApplicationRepository#eligibilityRows}): the application's declared facts, category, and
     * {@code othersByCategory}, {@code othersWithSameDeclared}, {@code previouslyRecognised} and
     * {@code recognisedThisYear}; and what the register's facts are read for (organisation, year, programme).
     */
    EligibilityFacts eligibilityFacts(long id) {
        ApplicationRepository.EligibilityRows rows = repository.eligibilityRows(id)
                .orElseThrow(() -> new UserError("application.error.notFound", id));
        return new EligibilityFacts(rows.organisationId(), rows.callYear(), rows.programmeCode(), rows.categoryCode(),
                rows.declared(), rows.othersByCategory(), othersWithSameDeclared(rows.declared(), rows.othersDeclared()),
                rows.previouslyRecognised(), rows.recognisedThisYear());
    }

    /** See {@link #eligibilityFacts}. */
    record EligibilityFacts(long organisationId, int callYear, String programmeCode, String categoryCode,
            Map<String, Object> declared, Map<String, Integer> othersByCategory, Map<String, Integer> othersWithSameDeclared,
            boolean previouslyRecognised, Map<String, Integer> recognisedThisYear) {
    }

    /**
     * For each declared fact of the application: how many of the organisation's other live
     * applications in the same call and category (their declared facts given) declare the same value
     * (e.g. the same service point), whitespace and case aside.
     */
    static Map<String, Integer> othersWithSameDeclared(Map<String, Object> declared, List<Map<String, Object>> othersDeclared) {
        Map<String, Integer> counts = new HashMap<>();
        for (var entry : declared.entrySet()) {
            counts.put(entry.getKey(), (int) othersDeclared.stream()
                    .filter(o -> normalise(entry.getValue()).equals(normalise(o.get(entry.getKey())))).count());
        }
        return counts;
    }

    private static String normalise(Object value) {
        return value == null ? "" : String.valueOf(value).replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Other live applications of the organisation in the call, by category (for limits such as Xuzhou's). */
    public Map<String, Integer> othersByCategory(Application app, List<String> categories) {
        return repository.countOthersByCategory(app.organisationId(), app.callId(), categories, app.id());
    }

    /** The particulars on the application's cover, for whoever may read the dossier. */
    @Transactional(readOnly = true)
    public ProjectParticulars particulars(long id) {
        get(id);
        return particulars.find(id);
    }

    /** Whether the application's programme funds projects, which run over a period (awards do not). */
    public boolean fundsProjects(Application app) {
        return PROJECT_KIND.equals(catalogue.requireProgramme(app.programmeCode()).kind());
    }

    /** Whether the current user may read the application (see {@link DossierAccess}); refuses otherwise. */
    public void checkRead(Application app) {
        access.requireRead(app);
    }

    /** The application of the current applicant's organisation, for its steps. */
    public Application requireOwn(long id) {
        Application app = load(id);
        if (!access.isOwn(app)) {
            throw new AccessDeniedException("application.error.forbidden");
        }
        return app;
    }

    static List<Problem> validateFields(ApplicationDraft d) {
        List<Problem> problems = new ArrayList<>();
        if (d.getBudget() == null) {
            d.setBudget(List.of());
        }
        if (d.getTitle() == null || d.getTitle().isBlank() || d.getTitle().trim().length() > MAX_TITLE) {
            problems.add(new Problem("application.error.title", MAX_TITLE).at("application.field.title"));
        }
        for (String field : List.of("aims", "schedule", "expectedResults")) {
            String value = switch (field) {
                case "aims" -> d.getAims();
                case "schedule" -> d.getSchedule();
                default -> d.getExpectedResults();
            };
            if (value != null && value.length() > MAX_SHORT) {
                problems.add(new Problem("application.error.tooLong", "application.field." + field, MAX_SHORT));
            }
        }
        if (d.getContent() != null && d.getContent().length() > MAX_CONTENT) {
            problems.add(new Problem("application.error.tooLong", "application.field.content", MAX_CONTENT));
        }
        if (d.getBudget().size() > MAX_BUDGET_LINES) {
            problems.add(new Problem("application.error.budgetLines", MAX_BUDGET_LINES));
        }
        for (Application.BudgetLine line : d.getBudget()) {
            if (line == null || line.item() == null || line.item().isBlank() || line.item().length() > 200 || line.amountYuan() == null
                    || line.amountYuan().signum() <= 0 || line.amountYuan().compareTo(MAX_AMOUNT) > 0
                    || line.amountYuan().scale() > 2 || line.note() != null && line.note().length() > 500) {
                problems.add(new Problem("application.error.budgetLine"));
                break;
            }
        }
        return problems;
    }

    private List<Problem> validateComplete(Application app) {
        List<Problem> problems = new ArrayList<>();
        if (blank(app.aims())) {
            problems.add(new Problem("application.error.missing", "application.field.aims"));
        }
        if (blank(app.content())) {
            problems.add(new Problem("application.error.missing", "application.field.content"));
        }
        if (blank(app.schedule())) {
            problems.add(new Problem("application.error.missing", "application.field.schedule"));
        }
        if (blank(app.expectedResults())) {
            problems.add(new Problem("application.error.missing", "application.field.expectedResults"));
        }
        if (app.budget().isEmpty()) {
            problems.add(new Problem("application.error.noBudget").at("application.budget.item"));
        }
        if (attachments.list(app.id(), Attachment.Kind.APPLICATION).isEmpty()) {
            problems.add(new Problem("application.error.noAttachment"));
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
