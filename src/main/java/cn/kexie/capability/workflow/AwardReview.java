package cn.kexie.capability.workflow;

/**
 * The award-review process that Lianyungang (连云港) and Xiangyang (襄阳) share,
 * {@code processes/award-review.bpmn}: its key, the ids of its elements and the names that are this
 * diagram's own. One instance runs per application, with the application's number as business key;
 * the yearly call ({@link AwardCall}) tells it whether it won an award.
 *
 * <p>What differs between the two programmes is not in the diagram but in variables the platform
 * sets when the application opens (see {@link ProjectProcess}): {@link ProjectProcess#ELIGIBILITY_DECISION}
 * names the eligibility table that {@link #TASK_CHECK_ELIGIBILITY} evaluates (its
 * {@code camunda:decisionRef} is the expression {@code ${eligibilityDecision}}),
 * {@link ProjectProcess#SCORING_DECISION} the rubric the expert-score form is built from, and
 * {@link ProjectProcess#CONFIRMATION_GROUP} the group that confirms the application before review,
 * or {@code null} when the category needs no confirmation. The confirming group's answer is
 * {@link ProjectProcess#COUNTY_CONFIRMED}, which the eligibility table reads.
 */
public final class AwardReview {

    private AwardReview() {
    }

    public static final String PROCESS_KEY = "award-review";

    /** The values {@link ProjectProcess#ELIGIBILITY_DECISION} takes: decision keys in {@code decisions/}. */
    public static final String DECISION_LIANYUNGANG_ELIGIBILITY = "lianyungang-eligibility";
    public static final String DECISION_XIANGYANG_ELIGIBILITY = "xiangyang-eligibility";
    /** The values {@link ProjectProcess#SCORING_DECISION} takes. */
    public static final String DECISION_LIANYUNGANG_RUBRIC = "lianyungang-rubric";
    public static final String DECISION_XIANGYANG_RUBRIC = "xiangyang-rubric";

    // ---- application, confirmation and eligibility
    public static final String START_EVENT_APPLICATION_OPENED = "StartEvent_ApplicationOpened";
    public static final String TASK_FILL_APPLICATION = "Task_FillApplication";
    /** {@code ${confirmationGroup != null}}: the category needs a confirmation before review. */
    public static final String GATEWAY_CONFIRMATION_NEEDED = "Gateway_ConfirmationNeeded";
    /** 县区科协盖章确认: offered to {@code ${confirmationGroup}}; completed with {@link ProjectProcess#COUNTY_CONFIRMED}. */
    public static final String TASK_CONFIRMATION = "Task_Confirmation";
    public static final String GATEWAY_JOIN_CONFIRMATION = "Gateway_JoinConfirmation";
    public static final String TASK_GATHER_FACTS = "Task_GatherFacts";
    /**
     * Business rule task: the decision named by {@link ProjectProcess#ELIGIBILITY_DECISION} (latest
     * version), result {@link ProjectProcess#ELIGIBILITY_REASONS} (collectEntries: an empty list is eligible).
     */
    public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String TASK_RECORD_ELIGIBILITY = "Task_RecordEligibility";
    public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
    public static final String END_EVENT_NOT_ACCEPTED = "EndEvent_NotAccepted";

    // ---- initial review 初审
    public static final String GATEWAY_JOIN_INITIAL_REVIEW = "Gateway_JoinInitialReview";
    public static final String TASK_INITIAL_REVIEW = "Task_InitialReview";
    public static final String GATEWAY_INITIAL_REVIEW_OUTCOME = "Gateway_InitialReviewOutcome";
    public static final String TASK_CORRECT_APPLICATION = "Task_CorrectApplication";
    public static final String TIMER_CORRECTION_LAPSED = "Timer_CorrectionLapsed";
    public static final String END_EVENT_LAPSED = "EndEvent_Lapsed";
    public static final String END_EVENT_REJECTED = "EndEvent_Rejected";

    // ---- expert panel, the call's result and the award
    public static final String TASK_ASSIGN_PANEL = "Task_AssignPanel";
    /** One sheet per expert; the form is built from the rubric named by {@link ProjectProcess#SCORING_DECISION}. */
    public static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";
    /** Calls {@code panelScoreCalculator} (not {@code panelScore}: see {@link ChenzhouProject#TASK_COMPUTE_PANEL_SCORE}). */
    public static final String TASK_COMPUTE_PANEL_SCORE = "Task_ComputePanelScore";
    /** Waits for {@link ProjectProcess#MESSAGE_CALL_RESULT} with {@link ProjectProcess#SELECTED}. */
    public static final String EVENT_CALL_RESULT = "Event_CallResult";
    public static final String GATEWAY_SELECTED = "Gateway_Selected";
    public static final String END_EVENT_NOT_AWARDED = "EndEvent_NotAwarded";
    /** 发放奖励经费: {@code finance}, form {@link ProjectProcess.Forms#DISBURSEMENT}. */
    public static final String TASK_PAY_AWARD = "Task_PayAward";
    public static final String END_EVENT_AWARDED = "EndEvent_Awarded";
}
