package cn.kexie.capability.funding;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's table ({@code funding_entry}) and the office's proposals ({@code funding_proposal}). */
@Repository
class LedgerRepository {

    private static final String SELECT = """
            select f.*, o.name as organisation_name
            from funding_entry f join organisation o on o.id = f.organisation_id""";
    private static final String SUMS = """
            select coalesce(sum(case when f.kind = 'APPROVAL' then f.amount_yuan else 0 end), 0),
                   coalesce(sum(case when f.kind = 'DISBURSEMENT' then f.amount_yuan else 0 end), 0),
                   coalesce(sum(case when f.kind = 'RECOVERY' then f.amount_yuan else 0 end), 0)""";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who an entry is about, and the facts the ledger copies from it. */
    record Subject(Long applicationId, Long evaluationId, String cityCode, String programmeCode, long organisationId,
            String reference) {

        String column() {
            return applicationId != null ? "application_id" : "work_evaluation_id";
        }

        long id() {
            return applicationId != null ? applicationId : evaluationId;
        }
    }

    /** What an entry holds beyond its subject. */
    record NewEntry(String kind, BigDecimal amountYuan, java.time.LocalDate entryDate, String voucherNo, String bankName,
            String bankAccountName, String bankAccountNo, String note, String recordedBy) {
    }

    void insert(Subject s, NewEntry e) {
        jdbc.sql("""
                insert into funding_entry (application_id, work_evaluation_id, city_code, programme_code, organisation_id,
                    reference, kind, amount_yuan, entry_date, voucher_no, bank_name, bank_account_name, bank_account_no,
                    note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.applicationId(), s.evaluationId(), s.cityCode(), s.programmeCode(), s.organisationId(),
                        s.reference(), e.kind(), e.amountYuan(), Date.valueOf(e.entryDate()), e.voucherNo(), e.bankName(),
                        e.bankAccountName(), e.bankAccountNo(), e.note(), e.recordedBy(), Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * Locks the subject's approval entries until the transaction ends, so that two instalments or
     * recoveries of one subject are checked against the sums one after the other.
     */
    void lock(Subject s) {
        jdbc.sql("select id from funding_entry where " + s.column() + " = ? and kind = 'APPROVAL' for update")
                .param(s.id()).query(Long.class).list();
    }

    Money money(Subject s) {
        return jdbc.sql(SUMS + " from funding_entry f where f." + s.column() + " = ?").param(s.id())
                .query(LedgerRepository::money).single();
    }

    Money moneyOfApplication(long applicationId) {
        return money(new Subject(applicationId, null, null, null, 0, null));
    }

    /** The money of each evaluation that has entries. */
    Map<Long, Money> moneyOfEvaluations(Collection<Long> evaluationIds) {
        Map<Long, Money> result = new HashMap<>();
        if (evaluationIds.isEmpty()) {
            return result;
        }
        jdbc.sql(SUMS.replace("select ", "select f.work_evaluation_id, ") + " from funding_entry f where f.work_evaluation_id in ("
                + String.join(",", Collections.nCopies(evaluationIds.size(), "?")) + ") group by f.work_evaluation_id")
                .params(new ArrayList<>(evaluationIds))
                .query((rs, n) -> result.put(rs.getLong(1), new Money(rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4))))
                .list();
        return result;
    }

    /** The day of the subject's first approval, if it has one. */
    Optional<java.time.LocalDate> approvedOn(Subject s) {
        return Optional.ofNullable(jdbc.sql("select min(entry_date) from funding_entry where " + s.column()
                + " = ? and kind = 'APPROVAL'").param(s.id()).query((rs, n) -> rs.getDate(1)).list().get(0)).map(Date::toLocalDate);
    }

    List<LedgerEntry> entries(Subject s) {
        return jdbc.sql(SELECT + " where f." + s.column() + " = ? order by f.entry_date, f.id").param(s.id())
                .query(LedgerRepository::entry).list();
    }

    List<LedgerEntry> search(LedgerFilter f, Set<String> cities, int offset, int limit) {
        Where where = where(f, cities);
        List<Object> params = new ArrayList<>(where.params());
        params.add(offset);
        params.add(limit);
        return jdbc.sql(SELECT + where.sql() + " order by f.entry_date desc, f.id desc offset ? rows fetch next ? rows only")
                .params(params).query(LedgerRepository::entry).list();
    }

    int count(LedgerFilter f, Set<String> cities) {
        Where where = where(f, cities);
        return jdbc.sql("select count(*) from funding_entry f join organisation o on o.id = f.organisation_id" + where.sql())
                .params(where.params()).query(Integer.class).single();
    }

    /** Sums by year of the entries' dates and programme, the latest year first. */
    List<YearTotals> totals(LedgerFilter f, Set<String> cities) {
        Where where = where(f, cities);
        return jdbc.sql(SUMS.replace("select ", "select extract(year from f.entry_date), f.programme_code, ")
                + " from funding_entry f join organisation o on o.id = f.organisation_id" + where.sql()
                + " group by extract(year from f.entry_date), f.programme_code"
                + " order by extract(year from f.entry_date) desc, f.programme_code")
                .params(where.params())
                .query((rs, n) -> new YearTotals(rs.getInt(1), rs.getString(2),
                        new Money(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5))))
                .list();
    }

    /** Sums over everything the filter and the cities let through. */
    Money sum(LedgerFilter f, Set<String> cities) {
        Where where = where(f, cities);
        return jdbc.sql(SUMS + " from funding_entry f join organisation o on o.id = f.organisation_id" + where.sql())
                .params(where.params()).query(LedgerRepository::money).single();
    }

    /** The years that have entries in the cities, the latest first. */
    List<Integer> years(Set<String> cities) {
        Where where = where(LedgerFilter.all(), cities);
        return jdbc.sql("select distinct extract(year from f.entry_date) from funding_entry f"
                + " join organisation o on o.id = f.organisation_id" + where.sql() + " order by 1 desc")
                .params(where.params()).query((rs, n) -> rs.getInt(1)).list();
    }

    private record Where(String sql, List<Object> params) {
    }

    /** {@code cities} null: every city; empty: none. */
    private static Where where(LedgerFilter f, Set<String> cities) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (cities != null) {
            if (cities.isEmpty()) {
                sql.append(" and 1 = 0");
            } else {
                sql.append(" and f.city_code in (").append(String.join(",", Collections.nCopies(cities.size(), "?"))).append(")");
                params.addAll(cities.stream().sorted().toList());
            }
        }
        if (f.programmeCode() != null) {
            sql.append(" and f.programme_code = ?");
            params.add(f.programmeCode());
        }
        if (f.year() != null) {
            sql.append(" and f.entry_date >= ? and f.entry_date < ?");
            params.add(Date.valueOf(java.time.LocalDate.of(f.year(), 1, 1)));
            params.add(Date.valueOf(java.time.LocalDate.of(f.year() + 1, 1, 1)));
        }
        if (f.organisation() != null && !f.organisation().isBlank()) {
            sql.append(" and (lower(o.name) like ? or lower(o.code) like ?)");
            String like = "%" + f.organisation().trim().toLowerCase(Locale.ROOT) + "%";
            params.add(like);
            params.add(like);
        }
        if (f.kind() != null) {
            sql.append(" and f.kind = ?");
            params.add(f.kind());
        }
        return new Where(sql.toString(), params);
    }

    // ---------------------------------------------------------------- proposals

    record Proposal(long applicationId, BigDecimal requested, BigDecimal proposed, boolean fixed, String reason,
            String proposedBy, Instant proposedAt) {
    }

    Optional<Proposal> proposal(long applicationId) {
        return jdbc.sql("select * from funding_proposal where application_id = ?").param(applicationId)
                .query((rs, n) -> new Proposal(rs.getLong("application_id"), rs.getBigDecimal("requested_yuan"),
                        rs.getBigDecimal("proposed_yuan"), rs.getBoolean("fixed"), rs.getString("reason"),
                        rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant()))
                .optional();
    }

    void saveProposal(Proposal p) {
        jdbc.sql("delete from funding_proposal where application_id = ?").param(p.applicationId()).update();
        jdbc.sql("""
                insert into funding_proposal (application_id, requested_yuan, proposed_yuan, fixed, reason, proposed_by, proposed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.applicationId(), p.requested(), p.proposed(), p.fixed(), p.reason(), p.proposedBy(),
                        Timestamp.from(p.proposedAt()))
                .update();
    }

    // ---------------------------------------------------------------- mapping

    private static Money money(ResultSet rs, int row) throws SQLException {
        return new Money(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3));
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), (Long) nullable(rs, "application_id"),
                (Long) nullable(rs, "work_evaluation_id"), rs.getString("city_code"), rs.getString("programme_code"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("reference"),
                rs.getString("kind"), rs.getBigDecimal("amount_yuan"), rs.getDate("entry_date").toLocalDate(),
                rs.getString("voucher_no"), rs.getString("bank_name"), rs.getString("bank_account_name"),
                rs.getString("bank_account_no"), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static Object nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
