package cn.kexie.capability.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The working-day arithmetic over one immutable state of the calendar data. A day a notice lists
 * is what the notice says (a holiday or a make-up working day); every other day is a working day
 * from Monday to Friday and a rest day on Saturday and Sunday. So a year without an arrangement
 * counts weekends only.
 */
final class WorkingCalendar {

    /** The longest period the arithmetic accepts, in working days: about fourteen years. */
    static final int MAX_WORKING_DAYS = 3660;

    static final WorkingCalendar EMPTY = new WorkingCalendar(Long.MIN_VALUE, List.of(), List.of());

    private final long version;
    private final Map<LocalDate, CalendarDay> listed;
    private final SortedSet<Integer> arrangedYears;

    /**
     * @param version       the data version this state was read at
     * @param days          every listed day of every loaded notice
     * @param arrangedYears the years whose own notice is loaded
     */
    WorkingCalendar(long version, Collection<CalendarDay> days, Collection<Integer> arrangedYears) {
        this.version = version;
        Map<LocalDate, CalendarDay> byDate = new HashMap<>();
        for (CalendarDay day : days) {
            byDate.put(day.date(), day);
        }
        this.listed = Collections.unmodifiableMap(byDate);
        this.arrangedYears = Collections.unmodifiableSortedSet(new TreeSet<>(arrangedYears));
    }

    long version() {
        return version;
    }

    boolean isWorkingDay(LocalDate date) {
        CalendarDay day = listed.get(date);
        if (day != null) {
            return !day.kind().offDay();
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The day itself if it is a working day, otherwise the next working day. */
    LocalDate nextWorkingDay(LocalDate from) {
        LocalDate day = from;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The last day of a period of {@code count} working days that starts on {@code from} if that is
     * a working day, otherwise on the next working day.
     */
    LocalDate lastDay(LocalDate from, int count) {
        requireCount(count, 1);
        return addWorkingDays(nextWorkingDay(from), count - 1);
    }

    /**
     * The day {@code days} working days after {@code from} (before it, if negative); {@code from}
     * itself never counts, and {@code days == 0} returns it unchanged.
     */
    LocalDate addWorkingDays(LocalDate from, int days) {
        requireCount(Math.abs(days), 0);
        int step = days < 0 ? -1 : 1;
        LocalDate day = from;
        for (int left = Math.abs(days); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The working days from {@code first} to {@code last}, both included (0 if last is before first). */
    int workingDaysBetween(LocalDate first, LocalDate last) {
        if (first.plusYears(20).isBefore(last)) {
            throw new IllegalArgumentException("period longer than twenty years: " + first + ".." + last);
        }
        int count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    Optional<CalendarDay> listed(LocalDate date) {
        return Optional.ofNullable(listed.get(date));
    }

    /** True if the year's own notice is loaded (its days may include some of the previous December). */
    boolean isArranged(int year) {
        return arrangedYears.contains(year);
    }

    SortedSet<Integer> arrangedYears() {
        return arrangedYears;
    }

    private static void requireCount(int count, int min) {
        if (count < min || count > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "working days must be from " + min + " to " + MAX_WORKING_DAYS + ", not " + count);
        }
    }
}
