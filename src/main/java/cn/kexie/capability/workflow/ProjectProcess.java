package cn.kexie.capability.workflow;

/**
 * The contract every programme's application diagram shares with the platform: the names of
 * process variables the platform sets and reads, the messages it correlates, and the form keys of
 * the user tasks (a task's {@code camunda:formKey} picks the form the task list shows). A new
 * city's diagram that keeps to this contract needs no Java.
 */
public final class ProjectProcess {

    private ProjectProcess() {
    }

    /** Variables set when an application's process starts. */
    public static final String APPLICATION_ID = "applicationId";
    public static final String APPLICATION_NUMBER = "applicationNumber";
    public static final String APPLICANT_GROUP = "applicantGroup";
    public static final String PROGRAMME = "programme";
    public static final String CATEGORY = "category";
    public static final String CALL_YEAR = "callYear";
    public static final String PUBLICITY_DAYS = "publicityWorkingDays";
    /** The programme's decision tables and the category's confirming group, for diagrams several programmes share. */
    public static final String ELIGIBILITY_DECISION = "eligibilityDecision";
    public static final String SCORING_DECISION = "scoringDecision";
    public static final String CONFIRMATION_GROUP = "confirmationGroup";
    /** Set by the confirmation step (Lianyungang: 县区科协盖章确认). */
    public static final String COUNTY_CONFIRMED = "countyConfirmed";

    /** Set by the steps. */
    public static final String ELIGIBILITY_REASONS = "eligibilityReasons";
    public static final String OUTCOME = "outcome";
    public static final String CORRECTION_DEADLINE = "correctionDeadline";
    public static final String EXPERTS = "experts";
    public static final String EXPERT = "expert";
    public static final String PANEL_SCORE = "panelScore";
    public static final String NOTICE_ENDS = "noticeEnds";
    public static final String OBJECTION_ID = "objectionId";
    public static final String MIDTERM_DUE = "midtermDue";
    /**
     * Set by a call's result (Xuzhou): the year-end assessment date (年末验收考核) that the assessment report
     * is due by; null where the catalogue sets none.
     */
    public static final String ASSESSMENT_DUE = "assessmentDue";
    public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
    public static final String FINDING = "finding";
    /** Set with the acceptance decision: true when passed. */
    public static final String ACCEPTED = "accepted";
    /** Set by a call's result: whether the project was selected, and its mid-term date. */
    public static final String SELECTED = "selected";
    public static final String DISBURSED = "disbursedYuan";
    public static final String RECOVER_FUNDS = "recoverFunds";
    public static final String BAN_YEARS = "banYears";

    /** Outcomes of decisions people take in tasks. */
    public static final String PASS = "PASS";
    public static final String RETURN = "RETURN";
    public static final String REJECT = "REJECT";
    public static final String RECTIFY = "RECTIFY";
    public static final String FRAUD = "FRAUD";
    public static final String FAILED = "FAILED";
    public static final String DISMISSED = "DISMISSED";
    public static final String UPHELD_NOT_FUNDED = "UPHELD_NOT_FUNDED";
    public static final String UPHELD_BACK_TO_REVIEW = "UPHELD_BACK_TO_REVIEW";

    /** Findings the sanction tables read. */
    public static final String FINDING_FRAUD = "FRAUD";
    public static final String FINDING_FAILED_ACCEPTANCE = "FAILED_ACCEPTANCE";

    /** Messages. */
    public static final String MESSAGE_OBJECTION = "ObjectionLodged";
    public static final String MESSAGE_FRAUD = "FraudFound";
    /**
     * The id of the message start event by which a diagram takes fraud found after its project was
     * accepted (its instance has ended): the message's name is the diagram's own (message start events
     * need names unique across diagrams), so the platform reads it from the diagram. A diagram without
     * this event takes no such finding.
     */
    public static final String START_EVENT_FRAUD_FOUND_AFTER_ACCEPTANCE = "StartEvent_FraudFoundAfterAcceptance";
    public static final String MESSAGE_CALL_RESULT = "CallResult";

    /** Form keys ({@code camunda:formKey} of user tasks). */
    public static final class Forms {
        public static final String APPLICATION = "platform:application";
        public static final String FORMAL_REVIEW = "platform:formal-review";
        public static final String ASSIGN_PANEL = "platform:assign-panel";
        public static final String EXPERT_SCORE = "platform:expert-score";
        public static final String REVIEW_CONCLUSION = "platform:review-conclusion";
        public static final String APPROVAL = "platform:approval";
        public static final String OBJECTION = "platform:objection";
        public static final String SIGN_AGREEMENT = "platform:sign-agreement";
        public static final String CONFIRM_AGREEMENT = "platform:confirm-agreement";
        public static final String DISBURSEMENT = "platform:disbursement";
        public static final String PROGRESS_REPORT = "platform:progress-report";
        public static final String MIDTERM_CHECK = "platform:midterm-check";
        public static final String RECTIFICATION = "platform:rectification";
        public static final String FINAL_REPORT = "platform:final-report";
        public static final String ACCEPTANCE = "platform:acceptance";
        public static final String FUND_RECOVERY = "platform:fund-recovery";
        public static final String COMPREHENSIVE_EVALUATION = "platform:comprehensive-evaluation";
        public static final String CONFIRMATION = "platform:confirmation";

        private Forms() {
        }
    }
}
