package cn.kexie.capability.funding;

import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.DossierSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;

/**
 * The dossier's ledger (资金台账): approved, paid, recovered and still to pay, and each entry, for
 * those who may read the application's money ({@link FundingLedger#mayReadMoney}); nothing for the
 * others (experts, the county association).
 */
@org.springframework.stereotype.Component
class DossierLedger implements DossierSection {

    private final FundingLedger ledger;

    DossierLedger(FundingLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<Component> create(Component ui, Application app) {
        if (!ledger.mayReadMoney(app)) {
            return Optional.empty();
        }
        List<LedgerEntry> entries = ledger.entries(app.id());
        Money money = ledger.money(app.id());
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setWidthFull();
        content.add(summary(ui, money));
        if (entries.isEmpty()) {
            content.add(new Paragraph(ui.getTranslation("funding.noEntries")));
        } else {
            content.add(LedgerGrid.of(ui, entries, ledger.names(entries.stream().map(LedgerEntry::recordedBy).toList())));
        }
        Details details = new Details(ui.getTranslation("funding.dossier.title", Yuan.format(money.approved()),
                Yuan.format(money.paid())), content);
        details.setId("dossier-ledger");
        details.setWidthFull();
        return Optional.of(details);
    }

    /** 核定 … 元，已拨付 … 元，已收回 … 元，尚未拨付 … 元. */
    static Paragraph summary(Component ui, Money money) {
        Paragraph p = new Paragraph(ui.getTranslation("funding.summary", Yuan.format(money.approved()),
                Yuan.format(money.paid()), Yuan.format(money.recovered()), Yuan.format(money.unpaid())));
        p.addClassName("ledger-summary");
        p.getStyle().set("font-weight", "600");
        return p;
    }
}
