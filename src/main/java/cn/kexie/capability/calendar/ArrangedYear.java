package cn.kexie.capability.calendar;

import java.time.Instant;
import java.util.List;

/** A notice year in the database: where it came from, when, and how many days it lists. */
record ArrangedYear(int year, Origin origin, List<String> papers, Instant loadedAt, String loadedBy, int dayCount) {

    enum Origin {
        /** from the holiday-cn files shipped with the application */
        SHIPPED,
        /** entered or imported by an administrator */
        ADMIN
    }
}
