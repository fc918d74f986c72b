package cn.kexie.capability.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the ledger (资金台账): an approved amount set or changed ({@code APPROVAL}, a change as
 * the difference), an instalment paid ({@code DISBURSEMENT}, with the account it went to, copied from
 * the register at the time) or money recovered ({@code RECOVERY}). Its subject is an application or a
 * Chengdu yearly evaluation; {@code reference} is the subject's number. {@code recordedBy} is null
 * where the reader is not to know who recorded it (an applicant).
 */
public record LedgerEntry(long id, Long applicationId, Long evaluationId, String cityCode, String programmeCode,
        long organisationId, String organisationName, String reference, String kind, BigDecimal amountYuan,
        LocalDate entryDate, String voucherNo, String bankName, String bankAccountName, String bankAccountNo,
        String note, String recordedBy, Instant recordedAt) {

    public static final String APPROVAL = "APPROVAL";
    public static final String DISBURSEMENT = "DISBURSEMENT";
    public static final String RECOVERY = "RECOVERY";

    /** The kinds, in the order lists offer them. */
    public static final java.util.List<String> KINDS = java.util.List.of(APPROVAL, DISBURSEMENT, RECOVERY);

    /** The same entry without the name of who recorded it. */
    LedgerEntry anonymous() {
        return new LedgerEntry(id, applicationId, evaluationId, cityCode, programmeCode, organisationId, organisationName,
                reference, kind, amountYuan, entryDate, voucherNo, bankName, bankAccountName, bankAccountNo, note, null,
                recordedAt);
    }
}
