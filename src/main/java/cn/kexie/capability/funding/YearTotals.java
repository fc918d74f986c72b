package cn.kexie.capability.funding;

/** The ledger's sums for one year (of the entries' dates) and programme. */
public record YearTotals(int year, String programmeCode, Money money) {
}
