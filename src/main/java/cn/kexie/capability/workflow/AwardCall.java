package cn.kexie.capability.workflow;

/**
 * The yearly award call that Lianyungang (连云港) and Xiangyang (襄阳) share,
 * {@code processes/award-call.bpmn}: its key and the ids of its elements. One instance runs per
 * yearly call. It has the structure of {@link XuzhouCall} and calls the same beans with the same
 * variables ({@code callSchedule}, {@code callIntake}, {@code callReviews}, {@code listNotice},
 * {@code listWithdrawal}, {@code callResults}): one intake per deadline, in parallel; at the deadline
 * the intake closes, and once its reviews are in, the programme office ranks each category within its
 * number of awards (评选排序), the leading group decides (研究审定), the list of awards is under public
 * notice with objections (评选结果公示), and each application's {@link AwardReview} process is told
 * whether it won.
 *
 * <p>The variables are those of the call beans' contract, named once in {@link XuzhouCall}; as there,
 * everything that differs per intake is local to the intake's instance of {@link #SUB_PROCESS_INTAKE},
 * and an objection is correlated by {@code processInstanceId(call)} and
 * {@code localVariableEquals(NOTICE_SCOPE, intakeKey)}.
 */
public final class AwardCall {

    private AwardCall() {
    }

    public static final String PROCESS_KEY = "award-call";

    // ---- variables: the call beans' contract, the same as xuzhou-call's
    public static final String CALL_ID = XuzhouCall.CALL_ID;
    public static final String PUBLISHED_AT = XuzhouCall.PUBLISHED_AT;
    public static final String INTAKES = XuzhouCall.INTAKES;
    public static final String INTAKE = XuzhouCall.INTAKE;
    public static final String INTAKE_KEY = XuzhouCall.INTAKE_KEY;
    public static final String INTAKE_CATEGORIES = XuzhouCall.INTAKE_CATEGORIES;
    public static final String INTAKE_DEADLINE = XuzhouCall.INTAKE_DEADLINE;
    public static final String REVIEWS_IN = XuzhouCall.REVIEWS_IN;
    public static final String NOTICE_SCOPE = XuzhouCall.NOTICE_SCOPE;

    /** Form keys of the ranking and the approval. */
    public static final String FORM_COMPREHENSIVE_EVALUATION = ProjectProcess.Forms.COMPREHENSIVE_EVALUATION;
    public static final String FORM_APPROVAL = ProjectProcess.Forms.APPROVAL;

    // ---- publication and intakes
    public static final String START_EVENT_CALL_CREATED = "StartEvent_CallCreated";
    public static final String TIMER_CALL_PUBLISHED = "Timer_CallPublished";
    public static final String TASK_SCHEDULE_INTAKES = "Task_ScheduleIntakes";
    public static final String SUB_PROCESS_INTAKE = "SubProcess_Intake";
    public static final String START_EVENT_INTAKE_OPENED = "StartEvent_IntakeOpened";
    public static final String TIMER_INTAKE_DEADLINE = "Timer_IntakeDeadline";
    public static final String TASK_CLOSE_INTAKE = "Task_CloseIntake";

    // ---- waiting for the reviews, ranking and approval
    public static final String GATEWAY_JOIN_REVIEWS_CHECK = "Gateway_JoinReviewsCheck";
    public static final String TASK_CHECK_REVIEWS_IN = "Task_CheckReviewsIn";
    public static final String GATEWAY_REVIEWS_IN = "Gateway_ReviewsIn";
    public static final String TIMER_RECHECK_REVIEWS = "Timer_RecheckReviews";
    public static final String GATEWAY_JOIN_EVALUATION = "Gateway_JoinEvaluation";
    /** 评选排序: ranking within each category's number of awards. */
    public static final String TASK_COMPREHENSIVE_EVALUATION = "Task_ComprehensiveEvaluation";
    /** 研究审定 (Lianyungang: the leading group and the chairpersons' meeting); {@code leading-group}. */
    public static final String TASK_APPROVAL = "Task_Approval";
    public static final String GATEWAY_LIST_APPROVED = "Gateway_ListApproved";

    // ---- the list of awards under public notice 评选结果公示
    public static final String SUB_PROCESS_LIST_NOTICE = "SubProcess_ListNotice";
    public static final String START_EVENT_LIST_NOTICE_STARTED = "StartEvent_ListNoticeStarted";
    public static final String TASK_START_LIST_NOTICE = "Task_StartListNotice";
    public static final String TIMER_LIST_NOTICE_ENDS = "Timer_ListNoticeEnds";
    public static final String END_EVENT_LIST_NOTICE_OVER = "EndEvent_ListNoticeOver";
    public static final String SUB_PROCESS_LIST_OBJECTION = "SubProcess_ListObjection";
    public static final String START_EVENT_LIST_OBJECTION_LODGED = "StartEvent_ListObjectionLodged";
    public static final String TASK_REVIEW_LIST_OBJECTION = "Task_ReviewListObjection";
    public static final String GATEWAY_LIST_OBJECTION_OUTCOME = "Gateway_ListObjectionOutcome";
    public static final String END_EVENT_LIST_OBJECTION_DISMISSED = "EndEvent_ListObjectionDismissed";
    public static final String TASK_WITHDRAW_FROM_LIST = "Task_WithdrawFromList";
    public static final String END_EVENT_LIST_OBJECTION_UPHELD = "EndEvent_ListObjectionUpheld";

    // ---- results
    public static final String TASK_ANNOUNCE_RESULTS = "Task_AnnounceResults";
    public static final String END_EVENT_INTAKE_DONE = "EndEvent_IntakeDone";
    public static final String END_EVENT_CALL_DONE = "EndEvent_CallDone";
}
