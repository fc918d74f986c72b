package cn.kexie.capability.programme;

import java.time.LocalDate;

/**
 * The year-end assessment date (年末验收考核) of a call's projects, and whether it is the platform's default
 * (the seed says 年末 and gives no day) rather than a date the office set.
 */
public record YearEndAssessment(LocalDate date, boolean isDefault) {
}
