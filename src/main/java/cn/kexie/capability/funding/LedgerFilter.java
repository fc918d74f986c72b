package cn.kexie.capability.funding;

/**
 * What the ledger lists: every filter optional (null). {@code year} is the year of the entry's date,
 * {@code organisation} a part of the organisation's name or code, {@code kind} one of
 * {@link LedgerEntry#KINDS}. Whatever the filters, a list holds only the caller's cities.
 */
public record LedgerFilter(String programmeCode, Integer year, String organisation, String kind) {

    public static LedgerFilter all() {
        return new LedgerFilter(null, null, null, null);
    }
}
