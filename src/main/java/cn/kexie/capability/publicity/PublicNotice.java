package cn.kexie.capability.publicity;

import java.time.LocalDate;

/** One project under public notice, as the public page lists it. */
public record PublicNotice(String applicationNumber, String programmeName, String categoryName,
        String organisationName, String title, LocalDate lastDay) {
}
