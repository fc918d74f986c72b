package cn.kexie.capability.workflow;

/**
 * The Chengdu (成都) yearly evaluation, {@code processes/chengdu-evaluation.bpmn}: its key, the ids of
 * its elements, its variables and form keys, so that code and tests never repeat them. One instance
 * runs per society and year, business key {@code <programme code>-<year>-<organisation code>}: the society
 * confirms its work records of the year (or the confirmation lapses after ten working days), the
 * records are counted by class and type, the tier table suggests a tier and subsidy, the programme
 * office decides, and finance pays a subsidy that is due.
 */
public final class ChengduEvaluation {

    private ChengduEvaluation() {
    }

    public static final String PROCESS_KEY = "chengdu-evaluation";

    /** The decision the business rule task calls ({@code decisions/chengdu-subsidy-tier.dmn}). */
    public static final String DECISION_SUBSIDY_TIER = "chengdu-subsidy-tier";

    /** Working days the society has to confirm its records before the evaluation goes on without. */
    public static final int CONFIRMATION_WORKING_DAYS = 10;

    public static String businessKey(String programmeCode, int year, String organisationCode) {
        return programmeCode + "-" + year + "-" + organisationCode;
    }

    // ---- variables set when an instance starts
    public static final String EVALUATION_ID = "evaluationId";
    public static final String ORGANISATION_ID = "organisationId";
    public static final String ORGANISATION_CODE = "organisationCode";
    public static final String EVALUATION_YEAR = "evaluationYear";
    /** The society's organisation group ({@code org-<code>}), candidate group of the confirmation. */
    public static final String APPLICANT_GROUP = ProjectProcess.APPLICANT_GROUP;

    // ---- set by the steps
    /**
     * The tier table's single result, a map with {@link #TIER} and {@link #SUGGESTED_YUAN}; set by
     * {@link #TASK_SUGGEST_TIER}. The counts it reads are set by {@link #TASK_COUNT_RECORDS}, one
     * variable per class ({@code internationalActivities}, ...) and type ({@code serviceStationRecords}, ...).
     */
    public static final String TIER_SUGGESTION = "tierSuggestion";
    public static final String TIER = "tier";
    public static final String SUGGESTED_YUAN = "suggestedYuan";
    /** Set by the office's evaluation. */
    public static final String SUBSIDY_YUAN = "subsidyYuan";
    public static final String SUBSIDY_DUE = "subsidyDue";
    /** Set by the society's confirmation: true. Absent when the confirmation lapsed. */
    public static final String RECORDS_CONFIRMED = "recordsConfirmed";

    // ---- elements
    public static final String START_EVENT_EVALUATION_STARTED = "StartEvent_EvaluationStarted";
    public static final String TASK_CONFIRM_RECORDS = "Task_ConfirmRecords";
    public static final String TIMER_CONFIRMATION_LAPSED = "Timer_ConfirmationLapsed";
    public static final String GATEWAY_JOIN_COUNT_RECORDS = "Gateway_JoinCountRecords";
    public static final String TASK_COUNT_RECORDS = "Task_CountRecords";
    public static final String TASK_SUGGEST_TIER = "Task_SuggestTier";
    public static final String TASK_YEARLY_EVALUATION = "Task_YearlyEvaluation";
    public static final String GATEWAY_SUBSIDY_DUE = "Gateway_SubsidyDue";
    public static final String TASK_PAY_SUBSIDY = "Task_PaySubsidy";
    public static final String END_EVENT_SUBSIDY_PAID = "EndEvent_SubsidyPaid";
    public static final String END_EVENT_NO_SUBSIDY = "EndEvent_NoSubsidy";

    /** Form keys ({@code camunda:formKey} of the user tasks). */
    public static final class Forms {
        public static final String CONFIRM_RECORDS = "platform:confirm-work-records";
        public static final String YEARLY_EVALUATION = "platform:yearly-evaluation";
        public static final String SUBSIDY_PAYMENT = "platform:subsidy-payment";

        private Forms() {
        }
    }
}
