package cn.kexie.capability.programme;

import java.util.List;
import java.util.Set;

/**
 * The settings of a programme that its policy text may leave open: days of public notice, months from the
 * results to the mid-term evaluation when a call names no date, the bodies whose meetings decide its
 * approval step (empty: the step's candidate group alone) and the day of the year-end assessment (MM-DD;
 * null: none) when a call names no date. {@code defaults} names those still at the platform's default,
 * which the screens show as 默认值 until an administrator decides them.
 */
public record ProgrammeSettings(int publicityWorkingDays, int midtermMonths, List<String> approvingBodies,
        String yearEndAssessmentDay, Set<String> defaults) {

    public static final String PUBLICITY_DAYS = "PUBLICITY_DAYS";
    public static final String MIDTERM_MONTHS = "MIDTERM_MONTHS";
    public static final String APPROVING_BODIES = "APPROVING_BODIES";
    public static final String YEAR_END_ASSESSMENT = "YEAR_END_ASSESSMENT";
    public static final List<String> SETTINGS = List.of(PUBLICITY_DAYS, MIDTERM_MONTHS, APPROVING_BODIES, YEAR_END_ASSESSMENT);
    /** The bodies an approval step may name (labels {@code approval.body.<code>}). */
    public static final List<String> BODIES = List.of("LEADING_GROUP", "CHAIRPERSONS_MEETING");

    public ProgrammeSettings {
        approvingBodies = approvingBodies == null ? List.of() : List.copyOf(approvingBodies);
        defaults = defaults == null ? Set.of() : Set.copyOf(defaults);
    }

    public boolean isDefault(String setting) {
        return defaults.contains(setting);
    }
}
