package cn.kexie.capability.funding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;

/** The entries of one subject's ledger as the dossier and finance's forms show them. */
final class LedgerGrid {

    private LedgerGrid() {
    }

    static Grid<LedgerEntry> of(Component ui, List<LedgerEntry> entries) {
        Grid<LedgerEntry> grid = new Grid<>(LedgerEntry.class, false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> e.entryDate().toString()).setHeader(ui.getTranslation("funding.date")).setAutoWidth(true);
        grid.addColumn(e -> kind(ui, e)).setHeader(ui.getTranslation("funding.kind")).setAutoWidth(true);
        grid.addColumn(e -> Yuan.format(e.amountYuan())).setHeader(ui.getTranslation("funding.amount"))
                .setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(e -> e.voucherNo() == null ? "" : e.voucherNo()).setHeader(ui.getTranslation("funding.voucher"))
                .setAutoWidth(true);
        grid.addColumn(LedgerGrid::account).setHeader(ui.getTranslation("funding.account")).setAutoWidth(true);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(ui.getTranslation("funding.note")).setFlexGrow(1);
        if (entries.stream().anyMatch(e -> e.recordedBy() != null)) {
            grid.addColumn(e -> recorder(ui, e.recordedBy())).setHeader(ui.getTranslation("funding.recordedBy"))
                    .setAutoWidth(true);
        }
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** 核定, 核定调减, 拨付 or 收回. */
    static String kind(Component ui, LedgerEntry e) {
        if (LedgerEntry.APPROVAL.equals(e.kind()) && e.amountYuan().signum() < 0) {
            return ui.getTranslation("funding.kind.APPROVAL.reduced");
        }
        return ui.getTranslation("funding.kind." + e.kind());
    }

    /** The account paid to, as the entry copied it: bank, name, number. */
    static String account(LedgerEntry e) {
        return e.bankAccountNo() == null ? "" : e.bankName() + " · " + e.bankAccountName() + " · " + e.bankAccountNo();
    }

    static String recorder(Component ui, String userId) {
        if (userId == null) {
            return "";
        }
        String label = ui.getTranslation("funding.recordedBy." + userId);
        return label.startsWith("funding.recordedBy.") ? userId : label;
    }
}
