package cn.kexie.capability.workflow;

/**
 * The Xuzhou (徐州) project process, {@code processes/xuzhou-project.bpmn}: its key, the ids of its
 * elements and the names that are this diagram's own, so that code and tests never repeat them. What
 * it shares with the other cities' diagrams (variables, outcomes, messages, form keys) is in
 * {@link ProjectProcess}. One instance runs per application, with the application's number as
 * business key; the yearly call ({@link XuzhouCall}) tells it whether it was selected.
 */
public final class XuzhouProject {

    private XuzhouProject() {
    }

    public static final String PROCESS_KEY = "xuzhou-project";

    /** The decision {@link #TASK_CHECK_ELIGIBILITY} calls ({@code decisions/}). */
    public static final String DECISION_ELIGIBILITY = "xuzhou-eligibility";

    /** The categories of the 2022 guide the diagram names in its expressions. */
    public static final String CATEGORY_FIRST_CLASS = "FIRST_CLASS";
    public static final String CATEGORY_INNOVATION_THINK_TANK = "INNOVATION_THINK_TANK";
    public static final String CATEGORY_INNOVATION_ACADEMIC = "INNOVATION_ACADEMIC";
    public static final String CATEGORY_INNOVATION_POPULAR_SCIENCE = "INNOVATION_POPULAR_SCIENCE";
    public static final String CATEGORY_SERVICE_TECH = "SERVICE_TECH";
    public static final String CATEGORY_SERVICE_THINK_TANK = "SERVICE_THINK_TANK";

    // ---- variables {@code eligibilityFacts} sets besides the table's own inputs
    /** Map: category code → number of the society's other live applications in this call. */
    public static final String OTHERS_BY_CATEGORY = "othersByCategory";
    /**
     * Map: declared field name → number of the society's other applications in the same call and
     * category that declare the same value (e.g. {@code othersWithSameDeclared.servicePoint}).
     */
    public static final String OTHERS_WITH_SAME_DECLARED = "othersWithSameDeclared";
    /** The declared field whose repetition {@code xuzhou-eligibility} limits (one SERVICE_TECH per service point). */
    public static final String SERVICE_POINT = "servicePoint";

    /**
     * The inputs of {@code xuzhou-eligibility} that the input mapping of {@link #TASK_CHECK_ELIGIBILITY}
     * computes from {@link #OTHERS_BY_CATEGORY} and {@link #OTHERS_WITH_SAME_DECLARED}. They are local
     * to the task: no process variable of these names exists.
     */
    public static final String ELITE_APPLICATIONS_THIS_YEAR = "eliteApplicationsThisYear";
    public static final String SERVICE_TECH_APPLICATIONS_THIS_YEAR = "serviceTechApplicationsThisYear";
    public static final String THINK_TANK_PROJECT_APPLICATIONS_THIS_YEAR = "thinkTankProjectApplicationsThisYear";
    public static final String SAME_SERVICE_POINT_APPLICATIONS = "sameServicePointApplications";

    // ---- the call's result and the assessment
    // the message CallResult, its variable selected and the assessment's accepted are shared: see ProjectProcess
    /**
     * Local variable of {@link #TASK_SUBMIT_ASSESSMENT_REPORT} (input mapping): the attachment kinds the
     * final-report form must receive, comma separated — {@code SUMMARY,CASE} for FIRST_CLASS,
     * {@code SUMMARY} otherwise (names of {@code Attachment.Kind}).
     */
    public static final String REQUIRED_ATTACHMENTS = "requiredAttachments";
    public static final String ATTACHMENTS_SUMMARY_AND_CASE = "SUMMARY,CASE";
    public static final String ATTACHMENTS_SUMMARY = "SUMMARY";

    /** Error codes the error end events throw and the boundary events catch. */
    public static final String ERROR_FINDING = "Finding";
    public static final String ERROR_OBJECTION_UPHELD = "ObjectionUpheld";
    public static final String ERROR_SUBSIDY_CANCELLED = "SubsidyCancelled";

    // ---- application and eligibility
    public static final String START_EVENT_APPLICATION_OPENED = "StartEvent_ApplicationOpened";
    public static final String TASK_FILL_APPLICATION = "Task_FillApplication";
    public static final String TASK_GATHER_FACTS = "Task_GatherFacts";
    /**
     * Business rule task: {@link #DECISION_ELIGIBILITY}, result {@link ProjectProcess#ELIGIBILITY_REASONS}
     * (collectEntries). Its input mapping computes the table's four counts of other applications, local to
     * the task; the result variable still lands on the process instance (it exists in no narrower scope),
     * so no output mapping is needed.
     */
    public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String TASK_RECORD_ELIGIBILITY = "Task_RecordEligibility";
    public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
    public static final String END_EVENT_NOT_ACCEPTED = "EndEvent_NotAccepted";

    // ---- material initial review 材料初审
    public static final String GATEWAY_JOIN_INITIAL_REVIEW = "Gateway_JoinInitialReview";
    public static final String TASK_INITIAL_REVIEW = "Task_InitialReview";
    public static final String GATEWAY_INITIAL_REVIEW_OUTCOME = "Gateway_InitialReviewOutcome";
    public static final String TASK_CORRECT_APPLICATION = "Task_CorrectApplication";
    public static final String TIMER_CORRECTION_LAPSED = "Timer_CorrectionLapsed";
    public static final String END_EVENT_LAPSED = "EndEvent_Lapsed";
    public static final String END_EVENT_REJECTED = "EndEvent_Rejected";

    // ---- expert panel and the call's result
    public static final String TASK_ASSIGN_PANEL = "Task_AssignPanel";
    public static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";
    /** Calls {@code panelScoreCalculator} (not {@code panelScore}: see {@link ChenzhouProject#TASK_COMPUTE_PANEL_SCORE}). */
    public static final String TASK_COMPUTE_PANEL_SCORE = "Task_ComputePanelScore";
    public static final String EVENT_CALL_RESULT = "Event_CallResult";
    public static final String GATEWAY_SELECTED = "Gateway_Selected";
    public static final String END_EVENT_NOT_SELECTED = "EndEvent_NotSelected";

    // ---- the project: implementation, mid-term evaluation, assessment
    public static final String SUB_PROCESS_PROJECT = "SubProcess_Project";
    public static final String START_EVENT_PROJECT_ESTABLISHED = "StartEvent_ProjectEstablished";
    public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
    public static final String TIMER_MIDTERM_EVALUATION = "Timer_MidtermEvaluation";
    public static final String GATEWAY_JOIN_MIDTERM_EVALUATION = "Gateway_JoinMidtermEvaluation";
    public static final String TASK_MIDTERM_EVALUATION = "Task_MidtermEvaluation";
    public static final String GATEWAY_MIDTERM_OUTCOME = "Gateway_MidtermOutcome";
    public static final String TASK_RECTIFY = "Task_Rectify";
    public static final String END_EVENT_MIDTERM_FRAUD = "EndEvent_MidtermFraud";
    public static final String TASK_SUBMIT_ASSESSMENT_REPORT = "Task_SubmitAssessmentReport";
    public static final String TASK_ASSIGN_ASSESSMENT_PANEL = "Task_AssignAssessmentPanel";
    public static final String TASK_ASSESSMENT_REVIEW = "Task_AssessmentReview";
    public static final String TASK_COMPUTE_ASSESSMENT_SCORE = "Task_ComputeAssessmentScore";
    public static final String TASK_ASSESSMENT_DECISION = "Task_AssessmentDecision";
    public static final String GATEWAY_ASSESSMENT_OUTCOME = "Gateway_AssessmentOutcome";
    public static final String END_EVENT_ASSESSMENT_FRAUD = "EndEvent_AssessmentFraud";
    // the assessment's results go through 综合评定 and 组织审批 before their notice, as the application results do
    public static final String GATEWAY_JOIN_ASSESSMENT_EVALUATION = "Gateway_JoinAssessmentEvaluation";
    public static final String TASK_ASSESSMENT_EVALUATION = "Task_AssessmentEvaluation";
    public static final String GATEWAY_ASSESSMENT_EVALUATION_OUTCOME = "Gateway_AssessmentEvaluationOutcome";
    public static final String END_EVENT_ASSESSMENT_EVALUATION_FRAUD = "EndEvent_AssessmentEvaluationFraud";
    public static final String TASK_ASSESSMENT_APPROVAL = "Task_AssessmentApproval";
    public static final String GATEWAY_ASSESSMENT_APPROVED = "Gateway_AssessmentApproved";

    // ---- the assessment result's public notice 考核结果公示
    public static final String SUB_PROCESS_ASSESSMENT_NOTICE = "SubProcess_AssessmentNotice";
    public static final String START_EVENT_ASSESSMENT_NOTICE_STARTED = "StartEvent_AssessmentNoticeStarted";
    public static final String TASK_START_ASSESSMENT_NOTICE = "Task_StartAssessmentNotice";
    public static final String TIMER_ASSESSMENT_NOTICE_ENDS = "Timer_AssessmentNoticeEnds";
    public static final String END_EVENT_ASSESSMENT_NOTICE_OVER = "EndEvent_AssessmentNoticeOver";
    public static final String SUB_PROCESS_ASSESSMENT_OBJECTION = "SubProcess_AssessmentObjection";
    public static final String START_EVENT_ASSESSMENT_OBJECTION_LODGED = "StartEvent_AssessmentObjectionLodged";
    public static final String TASK_REVIEW_ASSESSMENT_OBJECTION = "Task_ReviewAssessmentObjection";
    public static final String GATEWAY_ASSESSMENT_OBJECTION_OUTCOME = "Gateway_AssessmentObjectionOutcome";
    public static final String END_EVENT_ASSESSMENT_OBJECTION_DISMISSED = "EndEvent_AssessmentObjectionDismissed";
    public static final String END_EVENT_ASSESSMENT_OBJECTION_UPHELD = "EndEvent_AssessmentObjectionUpheld";
    public static final String BOUNDARY_ASSESSMENT_OBJECTION_UPHELD = "Boundary_AssessmentObjectionUpheld";

    // ---- subsidy granted or cancelled
    public static final String GATEWAY_ASSESSMENT_PASSED = "Gateway_AssessmentPassed";
    public static final String TASK_GRANT_SUBSIDY = "Task_GrantSubsidy";
    public static final String END_EVENT_PROJECT_COMPLETED = "EndEvent_ProjectCompleted";
    public static final String GATEWAY_JOIN_PROJECT_FAILED = "Gateway_JoinProjectFailed";
    /** Throws {@link #ERROR_SUBSIDY_CANCELLED}: a failed assessment, or an objection to it upheld. */
    public static final String END_EVENT_PROJECT_FAILED = "EndEvent_ProjectFailed";
    public static final String END_EVENT_SUBSIDY_GRANTED = "EndEvent_SubsidyGranted";
    public static final String BOUNDARY_SUBSIDY_CANCELLED = "Boundary_SubsidyCancelled";
    public static final String END_EVENT_SUBSIDY_CANCELLED = "EndEvent_SubsidyCancelled";

    // ---- fraud: the integrity record
    public static final String BOUNDARY_FINDING = "Boundary_Finding";
    public static final String BOUNDARY_FRAUD_FOUND = "Boundary_FraudFound";
    public static final String GATEWAY_JOIN_INTEGRITY = "Gateway_JoinIntegrity";
    /** Calls {@code sanctionRecorder} with {@link ProjectProcess#FINDING} and no sanction: the integrity mark. */
    public static final String TASK_RECORD_INTEGRITY = "Task_RecordIntegrity";
    public static final String END_EVENT_INTEGRITY_MARKED = "EndEvent_IntegrityMarked";
}
