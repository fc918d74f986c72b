package cn.kexie.capability.programme;

import java.util.Locale;

/**
 * One city's programme: which diagrams run it and which decision tables hold its rules. A sixth
 * city is a new row here plus its diagrams and tables, without Java. {@code workRecords}: its societies
 * keep work records and the office runs the yearly evaluation of them (column {@code work_records}).
 */
public record Programme(String code, String cityCode, String nameZh, String nameEn, String kind,
        String projectProcessKey, String callProcessKey, String eligibilityDecisionKey,
        String scoringDecisionKey, String sanctionDecisionKey, int publicityWorkingDays, boolean recommendsToProvince,
        boolean workRecords) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
