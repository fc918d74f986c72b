package cn.kexie.capability.programme;

import java.util.Locale;

/**
 * A category of a programme (实施内容 / 申报类别); {@code quotaCode} names the quota it counts against;
 * {@code confirmationGroup}, if set, is the group that confirms an application before review.
 */
public record Category(String programmeCode, String code, String nameZh, String nameEn, String quotaCode,
        int sortOrder, String confirmationGroup) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
