package cn.kexie.capability.funding;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.excel.ExcelTable;
import java.util.Locale;
import java.util.function.Function;

/**
 * The ledger's entries as an exported sheet, with the columns of finance's ledger view: day and amount
 * as real date and number cells, the kind as the list names it (核定, 核定调减, 拨付, 收回); no sum row, since
 * a list of several kinds adds up to nothing meaningful (the view shows the sums by kind). For the ledger view and the managers' dashboard.
 */
public final class LedgerExcel {

    private LedgerExcel() {
    }

    /**
     * @param subtitle      the filters that made the list (see {@link ExcelTable#filtersLine})
     * @param programmeName the programme's name in the sheet's language, by code
     * @param recorderName  who recorded an entry, as the list shows it, by user id
     */
    public static ExcelTable<LedgerEntry> table(Locale locale, String subtitle, Function<String, String> programmeName,
            Function<String, String> recorderName) {
        return ExcelTable.<LedgerEntry>titled(Messages.get(locale, "funding.export.title"))
                .subtitle(subtitle)
                .date(Messages.get(locale, "funding.date"), LedgerEntry::entryDate)
                .text(Messages.get(locale, "funding.reference"), LedgerEntry::reference)
                .text(Messages.get(locale, "funding.organisation"), LedgerEntry::organisationName)
                .text(Messages.get(locale, "funding.programme"), e -> programmeName.apply(e.programmeCode()))
                .text(Messages.get(locale, "funding.kind"), e -> kind(locale, e))
                .amount(Messages.get(locale, "funding.amount"), LedgerEntry::amountYuan)
                .text(Messages.get(locale, "funding.voucher"), LedgerEntry::voucherNo)
                .text(Messages.get(locale, "funding.account"), e -> LedgerGrid.account(e))
                .text(Messages.get(locale, "funding.note"), LedgerEntry::note)
                .text(Messages.get(locale, "funding.recordedBy"), e -> recorder(locale, e.recordedBy(), recorderName));
    }

    /** 核定, 核定调减, 拨付 or 收回, in the language given. */
    public static String kind(Locale locale, LedgerEntry e) {
        if (LedgerEntry.APPROVAL.equals(e.kind()) && e.amountYuan().signum() < 0) {
            return Messages.get(locale, "funding.kind.APPROVAL.reduced");
        }
        return Messages.get(locale, "funding.kind." + e.kind());
    }

    private static String recorder(Locale locale, String userId, Function<String, String> names) {
        if (userId == null) {
            return null;
        }
        String label = Messages.get(locale, "funding.recordedBy." + userId);
        return label.startsWith("funding.recordedBy.") ? names.apply(userId) : label;
    }
}
