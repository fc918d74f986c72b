package cn.kexie.capability.publicity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One project under public notice, as the public page and the notice's PDF list it: the first and
 * last day of its notice (Beijing dates), and its amount where the programme publishes amounts
 * (null otherwise).
 */
public record PublicNotice(String applicationNumber, String programmeCode, String programmeName, String categoryName,
        String organisationName, String title, LocalDate firstDay, LocalDate lastDay, BigDecimal amountYuan) {
}
