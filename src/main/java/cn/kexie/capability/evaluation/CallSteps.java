package cn.kexie.capability.evaluation;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.ApplicationStatus;
import cn.kexie.capability.calendar.WorkingDays;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.publicity.NoticeService;
import cn.kexie.capability.workflow.ProjectProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps a yearly call's diagram (such as xuzhou-call) calls: its intakes (one per deadline,
 * from the catalogue), whether an intake's reviews are in, the public notice of the approved list,
 * withdrawing a project after an upheld objection, and telling each project its result.
 */
@Configuration
class CallSteps {

    private static final Logger log = LoggerFactory.getLogger(CallSteps.class);

    static final String CALL_ID = "callId";
    static final String INTAKES = "intakes";
    static final String INTAKE = "intake";
    static final String REVIEWS_IN = "reviewsIn";

    /** {@code ${callSchedule}}: one intake per distinct deadline of the call's categories. */
    @Bean
    JavaDelegate callSchedule(ProgrammeCatalogue catalogue) {
        return execution -> {
            long callId = callId(execution);
            Map<LocalDate, List<String>> byDeadline = intakesOf(catalogue.callCategories(callId));
            List<Map<String, Object>> intakes = new ArrayList<>();
            byDeadline.forEach((deadline, categories) -> {
                Map<String, Object> intake = new LinkedHashMap<>();
                intake.put("key", deadline.toString());
                intake.put("categories", categories);
                // intake closes at 24:00 of the deadline day, Asia/Shanghai
                intake.put("deadline", Date.from(deadline.plusDays(1).atStartOfDay(PlatformClock.ZONE).toInstant()));
                intakes.add(intake);
            });
            execution.setVariable(INTAKES, intakes);
        };
    }

    /** The intakes of a call: its categories by deadline, earliest first; an intake's key is its deadline. */
    static Map<LocalDate, List<String>> intakesOf(List<CallCategory> categories) {
        Map<LocalDate, List<String>> byDeadline = new TreeMap<>();
        for (CallCategory c : categories) {
            byDeadline.computeIfAbsent(c.deadline(), d -> new ArrayList<>()).add(c.categoryCode());
        }
        return byDeadline;
    }

    /** {@code ${callIntake}}: the intake closed; later submissions are refused by the catalogue's deadline. */
    @Bean
    JavaDelegate callIntake() {
        return execution -> log.info("Call {} intake {} closed", callId(execution), intake(execution).get("key"));
    }

    /** {@code ${callReviews}}: local {@code reviewsIn}: every live application of the intake waits for the result. */
    @Bean
    JavaDelegate callReviews(EvaluationService evaluation) {
        return execution -> execution.setVariableLocal(REVIEWS_IN,
                evaluation.reviewsIn(callId(execution), categories(execution)));
    }

    /** {@code ${listNotice}}: the approved list of the intake goes under public notice together. */
    @Bean
    JavaDelegate listNotice(EvaluationService evaluation, NoticeService notices, ApplicationService applications,
            ProgrammeCatalogue catalogue, WorkingDays workingDays) {
        return execution -> {
            long callId = callId(execution);
            String key = String.valueOf(intake(execution).get("key"));
            Call call = catalogue.call(callId).orElseThrow();
            int days = catalogue.requireProgramme(call.programmeCode()).publicityWorkingDays();
            Date ends = workingDays.endOfPeriod(Date.from(PlatformClock.now()), days);
            for (Long applicationId : evaluation.selectedApplications(callId, key)) {
                notices.start(applicationId, ends, execution.getProcessInstanceId(), key);
                applications.setStatus(applicationId, ApplicationStatus.UNDER_NOTICE.name());
            }
            execution.setVariableLocal(ProjectProcess.NOTICE_ENDS, ends);
            execution.setVariableLocal(NoticeService.NOTICE_SCOPE, key);
        };
    }

    /** {@code ${listWithdrawal}}: an upheld objection takes its project off the approved list. */
    @Bean
    JavaDelegate listWithdrawal(EvaluationService evaluation, NoticeService notices, ApplicationService applications) {
        return execution -> {
            long objectionId = ((Number) execution.getVariable(ProjectProcess.OBJECTION_ID)).longValue();
            long applicationId = notices.applicationOfObjection(objectionId);
            evaluation.withdraw(applicationId);
            applications.setNotice(applicationId, null, null, null);
            applications.setStatus(applicationId, EvaluationService.WAITING);
            applications.record(applicationId, "listWithdrawal", "WITHDRAWN", null, Map.of("objectionId", objectionId));
        };
    }

    /** {@code ${callResults}}: each project of the intake learns whether it was selected, and its mid-term date. */
    @Bean
    JavaDelegate callResults(EvaluationService evaluation, ApplicationService applications, ProgrammeCatalogue catalogue,
            RuntimeService runtimeService) {
        return execution -> {
            long callId = callId(execution);
            String key = String.valueOf(intake(execution).get("key"));
            Call call = catalogue.call(callId).orElseThrow();
            LocalDate midterm = call.midtermOn() != null ? call.midtermOn()
                    : PlatformClock.today().plusMonths(catalogue.midtermMonths(call.programmeCode()));
            Date midtermDue = Date.from(midterm.atStartOfDay(PlatformClock.ZONE).toInstant());
            // 年末验收考核: the call's date or the programme's day (a default); null where the catalogue has none
            Date assessmentDue = catalogue.yearEndAssessment(callId)
                    .map(a -> Date.from(a.date().atStartOfDay(PlatformClock.ZONE).toInstant())).orElse(null);
            List<Long> selected = evaluation.selectedApplications(callId, key);
            for (Long applicationId : evaluation.evaluatedApplications(callId, key)) {
                Application app = applications.load(applicationId);
                boolean chosen = selected.contains(applicationId);
                applications.setNotice(applicationId, null, null, null);
                runtimeService.createMessageCorrelation(ProjectProcess.MESSAGE_CALL_RESULT)
                        .processInstanceBusinessKey(app.number())
                        .setVariables(Variables.createVariables().putValue(ProjectProcess.SELECTED, chosen)
                                .putValue(ProjectProcess.MIDTERM_DUE, midtermDue)
                                .putValue(ProjectProcess.ASSESSMENT_DUE, assessmentDue))
                        .correlate();
            }
        };
    }

    static long callId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CALL_ID)).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> intake(DelegateExecution execution) {
        return (Map<String, Object>) execution.getVariable(INTAKE);
    }

    @SuppressWarnings("unchecked")
    static List<String> categories(DelegateExecution execution) {
        return (List<String>) intake(execution).get("categories");
    }
}
