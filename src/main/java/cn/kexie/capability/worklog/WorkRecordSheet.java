package cn.kexie.capability.worklog;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.Category;
import java.util.List;
import java.util.Locale;

/**
 * Work records as an exported list, for the office's list of every society and for a society's own
 * records: the grid's columns, and the counts the classification reads as real numbers.
 */
final class WorkRecordSheet {

    private WorkRecordSheet() {
    }

    static ExcelTable<WorkRecord> table(Locale locale, List<Category> types, boolean withOrganisation, String title,
            String filters) {
        ExcelTable<WorkRecord> table = ExcelTable.<WorkRecord>titled(title).subtitle(filters);
        if (withOrganisation) {
            table.text(Messages.get(locale, "worklog.organisation"), WorkRecord::organisationName);
        }
        return table
                .integer(Messages.get(locale, "worklog.year"), WorkRecord::year)
                .date(Messages.get(locale, "worklog.field.heldOn"), WorkRecord::heldOn)
                .text(Messages.get(locale, "worklog.type"), r -> WorkRecordGrid.typeLabel(types, r.workType(), locale))
                .text(Messages.get(locale, "worklog.field.title"), WorkRecord::title)
                .text(Messages.get(locale, "worklog.class"), r -> WorkRecordGrid.classLabel(locale, r.workClass()))
                .integer(Messages.get(locale, "worklog.field.participants"), WorkRecord::participants)
                .integer(Messages.get(locale, "worklog.field.otherProvinces"), WorkRecord::otherProvinces)
                .integer(Messages.get(locale, "worklog.field.countries"), WorkRecord::countries)
                .text(Messages.get(locale, "worklog.decision"), r -> WorkRecordGrid.decidedBy(locale, r))
                .integer(Messages.get(locale, "worklog.fileCount"), WorkRecord::fileCount);
    }
}
