package cn.kexie.capability.workflow;

/**
 * The Chenzhou (郴州) project process, {@code processes/chenzhou-project.bpmn}: its key and the ids of
 * its elements, so that code and tests never repeat them. The variables, outcomes, messages and form
 * keys it shares with the other cities' diagrams are in {@link ProjectProcess}; only what is this
 * diagram's own is here. One instance runs per application, with the application's number as
 * business key.
 */
public final class ChenzhouProject {

    private ChenzhouProject() {
    }

    public static final String PROCESS_KEY = "chenzhou-project";

    /** Decisions the business rule tasks call ({@code decisions/}). */
    public static final String DECISION_ELIGIBILITY = "chenzhou-eligibility";
    public static final String DECISION_SANCTION = "chenzhou-sanction";

    /**
     * The sanction decision's single result, a map with {@link ProjectProcess#RECOVER_FUNDS} and
     * {@link ProjectProcess#BAN_YEARS}; set by {@link #TASK_DECIDE_SANCTION}.
     */
    public static final String SANCTION = "sanction";

    /** Error codes the error end events throw and the boundary events catch. */
    public static final String ERROR_OBJECTION_UPHELD = "ObjectionUpheld";
    public static final String ERROR_FINDING = "Finding";

    // ---- application and eligibility
    public static final String START_EVENT_APPLICATION_OPENED = "StartEvent_ApplicationOpened";
    public static final String TASK_FILL_APPLICATION = "Task_FillApplication";
    public static final String TASK_GATHER_FACTS = "Task_GatherFacts";
    public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String TASK_RECORD_ELIGIBILITY = "Task_RecordEligibility";
    public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
    public static final String END_EVENT_NOT_ACCEPTED = "EndEvent_NotAccepted";

    // ---- formal review
    public static final String GATEWAY_JOIN_FORMAL_REVIEW = "Gateway_JoinFormalReview";
    public static final String TASK_FORMAL_REVIEW = "Task_FormalReview";
    public static final String GATEWAY_FORMAL_REVIEW_OUTCOME = "Gateway_FormalReviewOutcome";
    public static final String TASK_CORRECT_APPLICATION = "Task_CorrectApplication";
    public static final String TIMER_CORRECTION_LAPSED = "Timer_CorrectionLapsed";
    public static final String END_EVENT_LAPSED = "EndEvent_Lapsed";
    public static final String END_EVENT_REJECTED = "EndEvent_Rejected";

    // ---- expert review and party approval
    public static final String GATEWAY_JOIN_ASSIGN_PANEL = "Gateway_JoinAssignPanel";
    public static final String TASK_ASSIGN_PANEL = "Task_AssignPanel";
    public static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";
    /**
     * Calls the bean {@code panelScoreCalculator}, which sets {@link ProjectProcess#PANEL_SCORE}. The bean
     * must not be called {@code panelScore}: a variable shadows a bean of the same name in expressions,
     * so a second review round (after an upheld objection) would find the number, not the delegate.
     */
    public static final String TASK_COMPUTE_PANEL_SCORE = "Task_ComputePanelScore";
    public static final String TASK_CONCLUDE_REVIEW = "Task_ConcludeReview";
    public static final String GATEWAY_REVIEW_QUALIFIED = "Gateway_ReviewQualified";
    public static final String END_EVENT_NOT_QUALIFIED = "EndEvent_NotQualified";
    public static final String TASK_PARTY_APPROVAL = "Task_PartyApproval";
    public static final String GATEWAY_PARTY_APPROVED = "Gateway_PartyApproved";
    public static final String END_EVENT_NOT_APPROVED = "EndEvent_NotApproved";

    // ---- public notice
    public static final String SUB_PROCESS_PUBLIC_NOTICE = "SubProcess_PublicNotice";
    public static final String START_EVENT_NOTICE_STARTED = "StartEvent_NoticeStarted";
    public static final String TASK_START_NOTICE = "Task_StartNotice";
    public static final String TIMER_NOTICE_ENDS = "Timer_NoticeEnds";
    public static final String END_EVENT_NOTICE_OVER = "EndEvent_NoticeOver";
    public static final String SUB_PROCESS_OBJECTION = "SubProcess_Objection";
    public static final String START_EVENT_OBJECTION_LODGED = "StartEvent_ObjectionLodged";
    public static final String TASK_REVIEW_OBJECTION = "Task_ReviewObjection";
    public static final String GATEWAY_OBJECTION_OUTCOME = "Gateway_ObjectionOutcome";
    public static final String END_EVENT_OBJECTION_DISMISSED = "EndEvent_ObjectionDismissed";
    public static final String END_EVENT_OBJECTION_UPHELD = "EndEvent_ObjectionUpheld";
    public static final String BOUNDARY_OBJECTION_UPHELD = "Boundary_ObjectionUpheld";
    public static final String GATEWAY_UPHELD_ACTION = "Gateway_UpheldAction";
    public static final String END_EVENT_NOT_FUNDED = "EndEvent_NotFunded";

    // ---- implementation: agreement, disbursement, mid-term check, final acceptance
    public static final String SUB_PROCESS_IMPLEMENTATION = "SubProcess_Implementation";
    public static final String START_EVENT_IMPLEMENTATION_STARTED = "StartEvent_ImplementationStarted";
    public static final String TASK_GENERATE_AGREEMENT = "Task_GenerateAgreement";
    public static final String GATEWAY_JOIN_SIGN_AGREEMENT = "Gateway_JoinSignAgreement";
    public static final String TASK_SIGN_AGREEMENT = "Task_SignAgreement";
    public static final String TASK_CONFIRM_AGREEMENT = "Task_ConfirmAgreement";
    public static final String GATEWAY_AGREEMENT_CONFIRMED = "Gateway_AgreementConfirmed";
    public static final String TASK_DISBURSE = "Task_Disburse";
    public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
    public static final String TIMER_MIDTERM_DUE = "Timer_MidtermDue";
    public static final String GATEWAY_JOIN_MIDTERM_CHECK = "Gateway_JoinMidtermCheck";
    public static final String TASK_MIDTERM_CHECK = "Task_MidtermCheck";
    public static final String GATEWAY_MIDTERM_OUTCOME = "Gateway_MidtermOutcome";
    public static final String TASK_RECTIFY = "Task_Rectify";
    public static final String END_EVENT_MIDTERM_FRAUD = "EndEvent_MidtermFraud";
    public static final String TASK_SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";
    public static final String TASK_FINAL_ACCEPTANCE = "Task_FinalAcceptance";
    public static final String GATEWAY_ACCEPTANCE_OUTCOME = "Gateway_AcceptanceOutcome";
    public static final String END_EVENT_IMPLEMENTATION_DONE = "EndEvent_ImplementationDone";
    public static final String END_EVENT_ACCEPTANCE_FAILED = "EndEvent_AcceptanceFailed";
    public static final String END_EVENT_ACCEPTANCE_FRAUD = "EndEvent_AcceptanceFraud";
    public static final String END_EVENT_PROJECT_ACCEPTED = "EndEvent_ProjectAccepted";

    // ---- fraud (弄虚作假、虚报业绩) found at any stage, seed 002 七（二）: while the application runs, the
    // message interrupts whatever stage it is in; after acceptance it starts an instance of its own
    public static final String SUB_PROCESS_FRAUD_REPORTED = "SubProcess_FraudReported";
    public static final String START_EVENT_FRAUD_REPORTED = "StartEvent_FraudReported";
    public static final String END_EVENT_FRAUD_REPORTED = "EndEvent_FraudReported";
    /** The message of {@link ProjectProcess#START_EVENT_FRAUD_FOUND_AFTER_ACCEPTANCE} in this diagram. */
    public static final String MESSAGE_FRAUD_FOUND_AFTER_ACCEPTANCE = "chenzhou-project.FraudFoundAfterAcceptance";
    public static final String END_EVENT_FRAUD_FOUND_AFTER_ACCEPTANCE = "EndEvent_FraudFoundAfterAcceptance";

    // ---- sanctions: every finding (the error {@link #ERROR_FINDING}, thrown by the checks and by the
    // fraud events above) is handled by one event sub-process
    public static final String SUB_PROCESS_SANCTION = "SubProcess_Sanction";
    public static final String START_EVENT_FINDING_CONFIRMED = "StartEvent_FindingConfirmed";
    public static final String TASK_DECIDE_SANCTION = "Task_DecideSanction";
    public static final String TASK_RECORD_SANCTION = "Task_RecordSanction";
    public static final String GATEWAY_RECOVER_FUNDS = "Gateway_RecoverFunds";
    public static final String TASK_RECOVER_FUNDS = "Task_RecoverFunds";
    public static final String GATEWAY_JOIN_SANCTIONED = "Gateway_JoinSanctioned";
    public static final String END_EVENT_SANCTIONED = "EndEvent_Sanctioned";
}
