package cn.kexie.capability.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Chinese working days (工作日) for Asia/Shanghai, whatever the server's time zone: weekends and
 * public holidays do not count, the make-up working days of the State Council's notices do. A year
 * whose notice is not loaded counts weekends only.
 *
 * <p>Diagrams call it by its bean name, for instance a timer's {@code timeDate} or a user task's
 * {@code camunda:dueDate}: {@code ${workingDays.endOfPeriod(now(), 5)}}. A period of N working days
 * starts on its first day if that is a working day, otherwise on the next working day, and ends at
 * 24:00 of its N-th working day (00:00 of the following calendar day, Asia/Shanghai).
 *
 * <p>Every call sees the calendar data as committed at that moment: it checks the data version in
 * the database (one primary-key read) and reloads the few hundred listed days only when another
 * transaction, on this node or another, has changed them. A timer or due date computed earlier
 * keeps its instant.
 *
 * <p>The methods have distinct names (no overloads with the same number of parameters), because
 * the expression language picks a method by name and parameter count.
 */
@Component("workingDays")
public class WorkingDays {

    /** The time zone of every working-day calculation. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final WorkingCalendarRepository repository;
    private final AtomicReference<WorkingCalendar> cache = new AtomicReference<>(WorkingCalendar.EMPTY);

    WorkingDays(WorkingCalendarRepository repository) {
        this.repository = repository;
    }

    // -- for diagrams: instants as java.util.Date, the type of now() and of the engine's due dates

    /**
     * The end (24:00 Asia/Shanghai) of a period of {@code workingDays} working days that starts on
     * the day of {@code start}: for a timer's {@code timeDate} or a task's {@code camunda:dueDate}.
     */
    public Date endOfPeriod(Date start, int workingDays) {
        return Date.from(endOfDay(lastDay(dateOf(start), workingDays)));
    }

    /** The last working day (Asia/Shanghai) of a period that starts on the day of {@code start}. */
    public LocalDate lastDayOfPeriod(Date start, int workingDays) {
        return lastDay(dateOf(start), workingDays);
    }

    /** True if the instant falls on a working day in Asia/Shanghai. */
    public boolean isWorkingDayAt(Date instant) {
        return isWorkingDay(dateOf(instant));
    }

    // -- for Java callers: calendar days

    /**
     * The last working day of a period of {@code count} working days (at least 1) that starts on
     * {@code from} if that is a working day, otherwise on the next working day.
     * {@code lastDay(2022-09-28, 5)} is 2022-10-09, a make-up working Sunday.
     */
    public LocalDate lastDay(LocalDate from, int count) {
        return calendar().lastDay(from, count);
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar().isWorkingDay(day);
    }

    /** The day itself if it is a working day, otherwise the next working day. */
    public LocalDate nextWorkingDay(LocalDate from) {
        return calendar().nextWorkingDay(from);
    }

    /**
     * The day {@code days} working days after {@code from} (before it, if negative); {@code from}
     * itself never counts, and 0 returns it unchanged.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        return calendar().addWorkingDays(from, days);
    }

    /** How many working days lie from {@code first} to {@code last}, both included. */
    public int workingDaysBetween(LocalDate first, LocalDate last) {
        return calendar().workingDaysBetween(first, last);
    }

    /** True if the State Council's arrangement for this year is loaded. */
    public boolean isArranged(int year) {
        return calendar().isArranged(year);
    }

    /** 24:00 Asia/Shanghai of the day: the instant a period ending on that day is over. */
    public Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /**
     * The day a deadline closes, for showing a due date as a date: the day whose 24:00 is the
     * deadline, or the day the deadline falls in if it is not at midnight.
     */
    public LocalDate lastDayEndingAt(Date deadline) {
        return deadline.toInstant().minusNanos(1).atZone(ZONE).toLocalDate();
    }

    /** The calendar day of the instant in Asia/Shanghai. */
    public LocalDate dateOf(Date instant) {
        if (instant == null) {
            throw new IllegalArgumentException("no start date given");
        }
        return instant.toInstant().atZone(ZONE).toLocalDate();
    }

    /** Today in Asia/Shanghai. */
    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The calendar as committed now; reloaded only if the data version has changed. */
    WorkingCalendar calendar() {
        long version = repository.version();
        WorkingCalendar current = cache.get();
        if (current.version() != version) {
            current = repository.load();
            cache.set(current);
        }
        return current;
    }
}
