package cn.kexie.capability.programme;

import java.time.LocalDate;

/**
 * A yearly call (年度申报通知) of a programme; {@code midtermOn} is the mid-term evaluation date the
 * call sets for its projects (Xuzhou), {@code processInstanceId} the call's own process, if any.
 */
public record Call(Long id, String programmeCode, int year, String title, LocalDate publishedOn, LocalDate midtermOn,
        String processInstanceId, int version) {
}
