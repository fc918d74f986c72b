package cn.kexie.capability.implementation;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.application.ApplicationStatus;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Implementation and its checks: progress reports, the mid-term check (中期检查) with
 * rectification (整改), the final report and acceptance (总结验收), fraud found at any stage from
 * formal review to after acceptance, and the sanction written into the register.
 */
@Service
public class ImplementationService implements cn.kexie.capability.application.ApplicationDetailView.FraudReporter {

    static final int MAX_TEXT = 4000;

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final OrganisationService organisations;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final FundingLedger ledger;

    ImplementationService(ApplicationService applications, AttachmentService attachments, WorkflowTasks tasks,
            CurrentUser currentUser, RuntimeService runtimeService, OrganisationService organisations,
            HistoryService historyService, RepositoryService repositoryService, FundingLedger ledger) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.ledger = ledger;
        this.applications = applications;
        this.attachments = attachments;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.organisations = organisations;
    }

    /** A report of the applicant's (progress, rectification): text and optionally a file. */
    public record Report(String text, String fileName, byte[] content) {
    }

    @Transactional
    public void reportProgress(String taskId, Report report) {
        applicantReport(taskId, report, Attachment.Kind.PROGRESS, "progressReport");
    }

    @Transactional
    public void reportRectification(String taskId, Report report) {
        applicantReport(taskId, report, Attachment.Kind.RECTIFICATION, "rectification");
    }

    private void applicantReport(String taskId, Report report, Attachment.Kind kind, String step) {
        WorkItem task = tasks.get(taskId);
        Application app = applications.requireOwn(task.applicationId());
        String text = report.text() == null ? "" : report.text().trim();
        if (text.length() < 10 || text.length() > MAX_TEXT) {
            throw new UserError("implementation.error.reportText", 10, MAX_TEXT);
        }
        if (report.fileName() != null && report.content() != null) {
            attachments.store(app.id(), kind, report.fileName(), report.content(), currentUser.requireId());
        }
        applications.record(app.id(), step, "SUBMITTED", text, null);
        tasks.complete(taskId, Map.of());
    }

    /** The task variable a diagram sets to name the files a final report needs (kinds, comma-separated). */
    public static final String REQUIRED_ATTACHMENTS = "requiredAttachments";
    static final String DEFAULT_REQUIRED = "SUMMARY,ACCOUNTS";

    /** The kinds of file the final report of this task must include. */
    @Transactional(readOnly = true)
    public List<Attachment.Kind> requiredAttachments(String taskId) {
        Object required = tasks.variable(taskId, REQUIRED_ATTACHMENTS);
        String list = required == null || String.valueOf(required).isBlank() ? DEFAULT_REQUIRED : String.valueOf(required);
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                .map(Attachment.Kind::valueOf).toList();
    }

    /**
     * The final report: every file kind the diagram requires (by default a summary report and the
     * accounts of fund use; Xuzhou's FIRST_CLASS also a case) must be attached.
     */
    @Transactional
    public void submitFinalReport(String taskId, String text) {
        WorkItem task = tasks.get(taskId);
        Application app = applications.requireOwn(task.applicationId());
        List<Problem> problems = new ArrayList<>();
        for (Attachment.Kind kind : requiredAttachments(taskId)) {
            if (attachments.list(app.id(), kind).isEmpty()) {
                problems.add(new Problem("implementation.error.attachmentMissing", "attachment.kind." + kind.name()));
            }
        }
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new Problem("implementation.error.reportText", 0, MAX_TEXT));
        }
        UserError.throwIfAny(problems);
        applications.record(app.id(), "finalReport", "SUBMITTED", text, null);
        tasks.complete(taskId, Map.of());
    }

    /** The office's mid-term check: passed, rectify by a date, or fraud found. */
    @Transactional
    public void midtermCheck(String taskId, String outcome, String note, LocalDate rectifyBy) {
        requireOffice();
        WorkItem task = tasks.get(taskId);
        List<Problem> problems = new ArrayList<>();
        if (outcome == null || !Set.of(ProjectProcess.PASS, ProjectProcess.RECTIFY, ProjectProcess.FRAUD).contains(outcome)) {
            problems.add(new Problem("review.error.outcome"));
        }
        if (!ProjectProcess.PASS.equals(outcome) && (note == null || note.isBlank())) {
            problems.add(new Problem("review.error.reasonsRequired"));
        }
        if (note != null && note.length() > MAX_TEXT) {
            problems.add(new Problem("review.error.reasonsLength"));
        }
        if (ProjectProcess.RECTIFY.equals(outcome) && (rectifyBy == null || !rectifyBy.isAfter(PlatformClock.today()))) {
            problems.add(new Problem("implementation.error.rectifyBy"));
        } else if (ProjectProcess.RECTIFY.equals(outcome) && rectifyBy.isAfter(PlatformClock.today().plusYears(5))) {
            problems.add(new Problem("implementation.error.rectifyTooFar"));
        }
        UserError.throwIfAny(problems);
        Map<String, Object> vars = new HashMap<>();
        vars.put(ProjectProcess.OUTCOME, outcome);
        if (ProjectProcess.RECTIFY.equals(outcome)) {
            // rectification is due at the end of that day, Asia/Shanghai
            vars.put(ProjectProcess.RECTIFICATION_DEADLINE,
                    java.util.Date.from(rectifyBy.plusDays(1).atStartOfDay(PlatformClock.ZONE).toInstant()));
        }
        if (ProjectProcess.FRAUD.equals(outcome)) {
            vars.put(ProjectProcess.FINDING, ProjectProcess.FINDING_FRAUD);
        }
        applications.record(task.applicationId(), "midtermCheck", outcome, note,
                rectifyBy == null ? null : Map.of("rectifyBy", rectifyBy.toString()));
        tasks.complete(taskId, vars);
    }

    /** The office's acceptance decision: passed, failed, or fraud found. */
    @Transactional
    public void accept(String taskId, String outcome, String note) {
        requireOffice();
        WorkItem task = tasks.get(taskId);
        if (outcome == null || !Set.of(ProjectProcess.PASS, ProjectProcess.FAILED, ProjectProcess.FRAUD).contains(outcome)) {
            throw new UserError("review.error.outcome");
        }
        if (!ProjectProcess.PASS.equals(outcome) && (note == null || note.isBlank())) {
            throw new UserError("review.error.reasonsRequired");
        }
        if (note != null && note.length() > MAX_TEXT) {
            throw new UserError("review.error.reasonsLength");
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(ProjectProcess.OUTCOME, outcome);
        vars.put(ProjectProcess.ACCEPTED, ProjectProcess.PASS.equals(outcome));
        if (ProjectProcess.FAILED.equals(outcome)) {
            vars.put(ProjectProcess.FINDING, ProjectProcess.FINDING_FAILED_ACCEPTANCE);
        } else if (ProjectProcess.FRAUD.equals(outcome)) {
            vars.put(ProjectProcess.FINDING, ProjectProcess.FINDING_FRAUD);
        }
        applications.record(task.applicationId(), "finalAcceptance", outcome, note, null);
        tasks.complete(taskId, vars);
    }

    /**
     * The office finds fraud (弄虚作假、虚报业绩) at any stage from formal review to after acceptance:
     * while the application's process runs and its diagram waits for the finding, the message goes
     * to it and interrupts whatever stage it is in; once the project was accepted, the diagram's
     * after-acceptance start event ({@link ProjectProcess#START_EVENT_FRAUD_FOUND_AFTER_ACCEPTANCE})
     * starts the sanctions in an instance of their own, with what the ledger says was paid. A draft
     * (nothing submitted yet) or a diagram that takes no finding now is refused with the reason.
     */
    @Override
    @Transactional
    public void reportFraud(long applicationId, String note) {
        requireOffice();
        // an office records fraud only in an application of its own cities
        Application app = applications.get(applicationId);
        if (note == null || note.isBlank() || note.length() > MAX_TEXT) {
            throw new UserError("review.error.reasonsRequired");
        }
        if (waitsForFraud(app)) {
            runtimeService.createMessageCorrelation(ProjectProcess.MESSAGE_FRAUD)
                    .processInstanceId(app.processInstanceId())
                    .setVariables(Variables.createVariables().putValue(ProjectProcess.FINDING, ProjectProcess.FINDING_FRAUD))
                    .correlate();
        } else {
            String message = afterAcceptanceMessage(app)
                    .orElseThrow(() -> new UserError("implementation.error.fraudNotNow"));
            Map<String, Object> vars = new HashMap<>();
            for (String name : List.of(ProjectProcess.APPLICATION_ID, ProjectProcess.APPLICATION_NUMBER,
                    ProjectProcess.APPLICANT_GROUP, ProjectProcess.PROGRAMME, ProjectProcess.CATEGORY,
                    ProjectProcess.CALL_YEAR)) {
                var variable = historyService.createHistoricVariableInstanceQuery()
                        .processInstanceId(app.processInstanceId()).variableName(name).singleResult();
                if (variable != null) {
                    vars.put(name, variable.getValue());
                }
            }
            vars.put(ProjectProcess.APPLICATION_ID, app.id());
            vars.put(ProjectProcess.FINDING, ProjectProcess.FINDING_FRAUD);
            vars.put(ProjectProcess.DISBURSED, ledger.moneyOf(app.id()).paid().doubleValue());
            var instance = runtimeService.createMessageCorrelation(message)
                    .processInstanceBusinessKey(app.number())
                    .setVariables(vars)
                    .startMessageOnly()
                    .correlateStartMessage();
            applications.attachProcess(app.id(), instance.getId());
        }
        applications.record(app.id(), "fraudFound", ProjectProcess.FINDING_FRAUD, note.trim(), null);
    }

    /** Whether the office may record fraud in this application now (the dossier offers it). */
    @Override
    @Transactional(readOnly = true)
    public boolean fraudMayBeReported(Application app) {
        return currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)
                && (waitsForFraud(app) || afterAcceptanceMessage(app).isPresent());
    }

    /** A submitted application whose running process waits for a finding of fraud. */
    private boolean waitsForFraud(Application app) {
        return app.processInstanceId() != null && !ApplicationStatus.DRAFT.is(app.status())
                && runtimeService.createEventSubscriptionQuery().processInstanceId(app.processInstanceId())
                        .eventType("message").eventName(ProjectProcess.MESSAGE_FRAUD).count() > 0;
    }

    /**
     * The message by which the diagram of an accepted project's ended process takes fraud found after
     * acceptance, if that diagram has the start event for it.
     */
    private Optional<String> afterAcceptanceMessage(Application app) {
        if (app.processInstanceId() == null || !ApplicationStatus.ACCEPTED.is(app.status())) {
            return Optional.empty();
        }
        var historic = historyService.createHistoricProcessInstanceQuery().processInstanceId(app.processInstanceId())
                .finished().singleResult();
        if (historic == null) {
            return Optional.empty();
        }
        var model = repositoryService.getBpmnModelInstance(historic.getProcessDefinitionId());
        if (!(model.getModelElementById(ProjectProcess.START_EVENT_FRAUD_FOUND_AFTER_ACCEPTANCE)
                instanceof org.camunda.bpm.model.bpmn.instance.StartEvent start)) {
            return Optional.empty();
        }
        return start.getEventDefinitions().stream()
                .filter(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class::isInstance)
                .map(d -> ((org.camunda.bpm.model.bpmn.instance.MessageEventDefinition) d).getMessage())
                .filter(java.util.Objects::nonNull)
                .map(org.camunda.bpm.model.bpmn.instance.Message::getName)
                .findFirst();
    }

    /**
     * Called by the diagram after the sanction table decided: the ban goes into the register
     * for the years after the finding's year, so the eligibility table refuses them.
     */
    void recordSanction(long applicationId, String finding, int banYears) {
        Application app = applications.load(applicationId);
        int year = PlatformClock.today().getYear();
        Integer from = banYears > 0 ? year + 1 : null;
        Integer until = banYears > 0 ? year + banYears : null;
        organisations.addSanction(app.organisationId(), new Organisation.Sanction(app.programmeCode(), finding, year,
                from, until, app.number(), null));
        Map<String, Object> data = new HashMap<>();
        data.put("finding", finding);
        data.put("banYears", banYears);
        if (from != null) {
            data.put("banFrom", from);
            data.put("banUntil", until);
        }
        applications.record(applicationId, "sanction", finding, null, data);
    }

    private void requireOffice() {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("programme office only");
        }
    }
}
