package cn.kexie.capability.calendar;

import java.time.LocalDate;

/** One day a notice lists: a holiday or a make-up working day, with the festival's name (春节). */
record CalendarDay(LocalDate date, DayKind kind, String name) {
}
