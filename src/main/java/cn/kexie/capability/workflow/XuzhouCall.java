package cn.kexie.capability.workflow;

/**
 * The Xuzhou (徐州) yearly call, {@code processes/xuzhou-call.bpmn}: its key, the ids of its elements
 * and the variables its delegates set. One instance runs per yearly call. After the publication date
 * it runs one intake (申报批次) per distinct deadline of the call's categories, in parallel: at the
 * deadline the intake closes, and once the reviews of its applications are in, comprehensive
 * evaluation, organisational approval and the public notice of the approved list follow; then each
 * application's {@link XuzhouProject} process is told its result.
 *
 * <p>Everything that differs per intake is local to the intake's instance of
 * {@link #SUB_PROCESS_INTAKE}: {@link #INTAKE}, {@link ProjectProcess#OUTCOME} (an empty input
 * parameter there), {@link #REVIEWS_IN}, and inside {@link #SUB_PROCESS_LIST_NOTICE}
 * {@link #NOTICE_SCOPE} and {@link ProjectProcess#NOTICE_ENDS}. An objection to the approved list is
 * correlated to the notice of its intake by {@code processInstanceId(call)} and
 * {@code localVariableEquals(NOTICE_SCOPE, intakeKey)}.
 */
public final class XuzhouCall {

    private XuzhouCall() {
    }

    public static final String PROCESS_KEY = "xuzhou-call";

    // ---- variables
    /** Set when the call's process starts. */
    public static final String CALL_ID = "callId";
    /** Date: the call is published (the process waits for it). Set when the process starts. */
    public static final String PUBLISHED_AT = "publishedAt";
    /** java.util.List of Maps set by {@code callSchedule}: one intake per distinct deadline. */
    public static final String INTAKES = "intakes";
    /** The element variable of {@link #SUB_PROCESS_INTAKE}: one Map of {@link #INTAKES}. */
    public static final String INTAKE = "intake";
    /** Keys of an intake's Map. */
    public static final String INTAKE_KEY = "key";
    public static final String INTAKE_CATEGORIES = "categories";
    /** java.util.Date, 24:00 Asia/Shanghai of the deadline day. */
    public static final String INTAKE_DEADLINE = "deadline";
    /** Boolean set locally by {@code callReviews}: every live application of the intake has its panel score. */
    public static final String REVIEWS_IN = "reviewsIn";
    /**
     * The intake key, local to the scope execution of {@link #SUB_PROCESS_LIST_NOTICE}, which holds the
     * subscription of {@link #START_EVENT_LIST_OBJECTION_LODGED}: input mapping {@code ${intake.key}},
     * also set locally by {@code listNotice}.
     */
    public static final String NOTICE_SCOPE = "noticeScope";

    /** Form key of {@link #TASK_COMPREHENSIVE_EVALUATION}. */
    public static final String FORM_COMPREHENSIVE_EVALUATION = ProjectProcess.Forms.COMPREHENSIVE_EVALUATION;

    // ---- publication and intakes
    public static final String START_EVENT_CALL_CREATED = "StartEvent_CallCreated";
    public static final String TIMER_CALL_PUBLISHED = "Timer_CallPublished";
    public static final String TASK_SCHEDULE_INTAKES = "Task_ScheduleIntakes";
    public static final String SUB_PROCESS_INTAKE = "SubProcess_Intake";
    public static final String START_EVENT_INTAKE_OPENED = "StartEvent_IntakeOpened";
    public static final String TIMER_INTAKE_DEADLINE = "Timer_IntakeDeadline";
    public static final String TASK_CLOSE_INTAKE = "Task_CloseIntake";

    // ---- waiting for the reviews, evaluation and approval
    public static final String GATEWAY_JOIN_REVIEWS_CHECK = "Gateway_JoinReviewsCheck";
    public static final String TASK_CHECK_REVIEWS_IN = "Task_CheckReviewsIn";
    public static final String GATEWAY_REVIEWS_IN = "Gateway_ReviewsIn";
    public static final String TIMER_RECHECK_REVIEWS = "Timer_RecheckReviews";
    public static final String GATEWAY_JOIN_EVALUATION = "Gateway_JoinEvaluation";
    public static final String TASK_COMPREHENSIVE_EVALUATION = "Task_ComprehensiveEvaluation";
    public static final String TASK_ORGANISATIONAL_APPROVAL = "Task_OrganisationalApproval";
    public static final String GATEWAY_LIST_APPROVED = "Gateway_ListApproved";

    // ---- the approved list's public notice 立项公示
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
