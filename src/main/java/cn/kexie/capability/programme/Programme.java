package cn.kexie.capability.programme;

import java.util.Locale;

/**
 * One city's programme: which diagrams run it and which decision tables hold its rules. A sixth
 * city is a new row here plus its diagrams and tables, without Java.
 */
public record Programme(String code, String cityCode, String nameZh, String nameEn, String kind,
        String projectProcessKey, String callProcessKey, String eligibilityDecisionKey,
        String scoringDecisionKey, String sanctionDecisionKey, int publicityWorkingDays, boolean recommendsToProvince) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
