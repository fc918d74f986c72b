package cn.kexie.capability.funding;

import cn.kexie.capability.common.Yuan;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;

/** The entries of one subject's ledger as the dossier and finance's forms show them. */
final class LedgerGrid {

    private LedgerGrid() {
    }

    /** {@code names}: the names of who recorded the entries (see {@link FundingLedger#names}). */
    static Grid<LedgerEntry> of(Component ui, List<LedgerEntry> entries, java.util.Map<String, String> names) {
        Grid<LedgerEntry> grid = new Grid<>(LedgerEntry.class, false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> e.entryDate().toString()).setHeader(ui.getTranslation("funding.date")).setWidth("7.5em")
                .setFlexGrow(0);
        grid.addColumn(e -> kind(ui, e)).setHeader(ui.getTranslation("funding.kind")).setWidth("6em").setFlexGrow(0);
        grid.addColumn(e -> Yuan.format(e.amountYuan())).setHeader(ui.getTranslation("funding.amount"))
                .setWidth("9em").setFlexGrow(0).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(e -> e.voucherNo() == null ? "" : e.voucherNo()).setHeader(ui.getTranslation("funding.voucher"))
                .setWidth("12em").setFlexGrow(1);
        grid.addColumn(LedgerGrid::account).setHeader(ui.getTranslation("funding.account")).setWidth("14em").setFlexGrow(2);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(ui.getTranslation("funding.note"))
                .setWidth("8em").setFlexGrow(1);
        if (entries.stream().anyMatch(e -> e.recordedBy() != null)) {
            grid.addColumn(e -> recorder(ui, e.recordedBy(), names)).setHeader(ui.getTranslation("funding.recordedBy"))
                    .setWidth("6em").setFlexGrow(0);
        }
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
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

    /** Who recorded an entry: the platform itself or a migration by their label, a person by name. */
    static String recorder(Component ui, String userId, java.util.Map<String, String> names) {
        if (userId == null) {
            return "";
        }
        String label = ui.getTranslation("funding.recordedBy." + userId);
        return label.startsWith("funding.recordedBy.") ? names.getOrDefault(userId, userId) : label;
    }
}
