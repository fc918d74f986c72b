package cn.kexie.capability.programme;

import java.time.LocalDate;

/** A yearly call (年度申报通知) of a programme. */
public record Call(Long id, String programmeCode, int year, String title, LocalDate publishedOn, int version) {
}
