package cn.kexie.capability.worklog;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.programme.Category;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Locale;

/**
 * A list of work records as every view and form of the feature shows it: date, type, title and the
 * class the tables gave, as Chinese (or English) labels, with the table version that decided.
 */
class WorkRecordGrid extends Grid<WorkRecord> {

    WorkRecordGrid(List<Category> types, boolean withOrganisation) {
        super(WorkRecord.class, false);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (withOrganisation) {
            addColumn(WorkRecord::organisationName).setHeader(getTranslation("worklog.organisation"))
                    .setAutoWidth(true).setSortable(false);
        }
        addColumn(r -> r.heldOn().toString()).setHeader(getTranslation("worklog.field.heldOn")).setAutoWidth(true);
        addColumn(r -> typeLabel(types, r.workType(), getLocale())).setHeader(getTranslation("worklog.type"))
                .setAutoWidth(true);
        addColumn(WorkRecord::title).setHeader(getTranslation("worklog.field.title")).setFlexGrow(1);
        addColumn(r -> classLabel(this, r.workClass())).setHeader(getTranslation("worklog.class")).setAutoWidth(true);
        addColumn(r -> decidedBy(this, r))
                .setHeader(getTranslation("worklog.decision")).setAutoWidth(true);
        addColumn(WorkRecord::fileCount).setHeader(getTranslation("worklog.fileCount")).setAutoWidth(true);
    }

    /** The class as a label: {@code ANNUAL_CONFERENCE} → 大型综合性学术年会; unclassified types show a dash. */
    static String classLabel(Component ui, String workClass) {
        if (workClass == null) {
            return ui.getTranslation("worklog.class.none");
        }
        String label = ui.getTranslation("worklog.class." + workClass);
        return label.startsWith("worklog.class.") ? workClass : label;
    }

    /** As above, in the language of an export. */
    static String classLabel(Locale locale, String workClass) {
        if (workClass == null) {
            return Messages.get(locale, "worklog.class.none");
        }
        String label = Messages.get(locale, "worklog.class." + workClass);
        return label.startsWith("worklog.class.") ? workClass : label;
    }

    static String typeLabel(List<Category> types, String code, Locale locale) {
        return types.stream().filter(t -> t.code().equals(code)).findFirst().map(t -> t.name(locale)).orElse(code);
    }

    /** A tier as a label: the default tiers have their own text, a tier added in the Modeler reads "D 档". */
    static String tierLabel(Component ui, String tier) {
        if (tier == null) {
            return "—";
        }
        String label = ui.getTranslation("worklog.tier." + tier);
        return label.startsWith("worklog.tier.") ? ui.getTranslation("worklog.tier.other", tier) : label;
    }

    /** The decision table that classified a record, by name, with its version. */
    static String decidedBy(Component ui, WorkRecord r) {
        if (r.decisionKey() == null) {
            return "";
        }
        String table = ui.getTranslation("worklog.table." + r.decisionKey());
        return ui.getTranslation("worklog.decidedBy", table.startsWith("worklog.table.") ? r.decisionKey() : table,
                String.valueOf(r.decisionVersion()));
    }

    /** As above, in the language of an export. */
    static String decidedBy(Locale locale, WorkRecord r) {
        if (r.decisionKey() == null) {
            return "";
        }
        String table = Messages.get(locale, "worklog.table." + r.decisionKey());
        return Messages.get(locale, "worklog.decidedBy", table.startsWith("worklog.table.") ? r.decisionKey() : table,
                String.valueOf(r.decisionVersion()));
    }
}
