package cn.kexie.capability.calendar;

import java.util.List;

/**
 * One year's holiday arrangement as the State Council publishes it: the days its notice lists (some
 * may lie in the previous December) and the addresses of the notice documents.
 */
record Arrangement(int year, List<String> papers, List<CalendarDay> days) {

    Arrangement {
        papers = List.copyOf(papers);
        days = List.copyOf(days);
    }
}
