package cn.kexie.capability.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String COLUMNS = """
            id, code, name, city_code, org_type, rating, management_standard, has_secretary, secretary_general,
            finance_sound, independent_bank_account, dedicated_finance_staff, has_party_branch, group_member,
            registered_in_province, independent_legal_person, above_scale_or_high_tech, has_rd_team, has_station,
            has_website_and_member_db, contact_name, contact_phone, bank_name, bank_account_name, bank_account_no, version""";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from organisation where id = ?").param(id)
                .query(OrganisationRepository::map).optional().map(this::withRecords);
    }

    /**
     * As {@link #findById}, kept for the rest of the transaction (issue 13): a step reads the
     * applicant's organisation in its access check, its documents and its facts. For reading only:
     * {@link #save} and {@link #addSanction} forget it, and whoever changes an organisation reads it
     * with {@link #findById}.
     */
    Optional<Organisation> findByIdKept(long id) {
        java.util.Map<Long, Organisation> kept = cn.kexie.capability.common.TransactionScoped.get(KEPT, java.util.HashMap::new);
        Organisation known = kept == null ? null : kept.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Organisation> found = findById(id);
        if (kept != null) {
            found.ifPresent(org -> kept.put(id, org));
        }
        return found;
    }

    /** As {@link #findByCode}, from what the transaction has read (see {@link #findByIdKept}). */
    Optional<Organisation> findByCodeKept(String code) {
        java.util.Map<Long, Organisation> kept = cn.kexie.capability.common.TransactionScoped.get(KEPT, java.util.HashMap::new);
        if (kept != null) {
            for (Organisation org : kept.values()) {
                if (org.getCode().equalsIgnoreCase(code)) {
                    return Optional.of(org);
                }
            }
        }
        Optional<Organisation> found = findByCode(code);
        if (kept != null) {
            found.ifPresent(org -> kept.put(org.getId(), org));
        }
        return found;
    }

    private static final String KEPT = OrganisationRepository.class.getName() + ".kept";

    private static void forget(long id) {
        java.util.Map<Long, Organisation> kept = cn.kexie.capability.common.TransactionScoped.peek(KEPT);
        if (kept != null) {
            kept.remove(id);
        }
    }

    Optional<Organisation> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from organisation where lower(code) = ?")
                .param(code.toLowerCase(Locale.ROOT))
                .query(OrganisationRepository::map).optional().map(this::withRecords);
    }

    /** Without yearly records: for lists; {@code cities} limits them (null: every city). */
    List<Organisation> search(java.util.Set<String> cities, String cityCode, String text, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from organisation where 1 = 1");
        var params = new java.util.ArrayList<Object>();
        inCities(sql, params, cities);
        if (cityCode != null && !cityCode.isBlank()) {
            sql.append(" and city_code = ?");
            params.add(cityCode);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (lower(name) like ? or lower(code) like ?)");
            String like = "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
            params.add(like);
            params.add(like);
        }
        sql.append(" order by city_code, code offset ? rows fetch next ? rows only");
        params.add(offset);
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(OrganisationRepository::map).list();
    }

    int count(java.util.Set<String> cities, String cityCode, String text) {
        StringBuilder sql = new StringBuilder("select count(*) from organisation where 1 = 1");
        var params = new java.util.ArrayList<Object>();
        inCities(sql, params, cities);
        if (cityCode != null && !cityCode.isBlank()) {
            sql.append(" and city_code = ?");
            params.add(cityCode);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (lower(name) like ? or lower(code) like ?)");
            String like = "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
            params.add(like);
            params.add(like);
        }
        return jdbc.sql(sql.toString()).params(params).query(Integer.class).single();
    }

    private static void inCities(StringBuilder sql, List<Object> params, java.util.Set<String> cities) {
        if (cities == null) {
            return;
        }
        if (cities.isEmpty()) {
            sql.append(" and 1 = 0");
            return;
        }
        sql.append(" and city_code in (").append(String.join(",", java.util.Collections.nCopies(cities.size(), "?"))).append(")");
        params.addAll(cities.stream().sorted().toList());
    }

    boolean codeExists(String code, Long exceptId) {
        return jdbc.sql("select count(*) from organisation where lower(code) = ? and id <> ?")
                .params(code.toLowerCase(Locale.ROOT), exceptId == null ? -1L : exceptId)
                .query(Integer.class).single() > 0;
    }

    /** Inserts or updates the organisation and replaces its yearly records. */
    long save(Organisation org, String userId) {
        Timestamp now = Timestamp.from(Instant.now());
        long id;
        if (org.getId() == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into organisation (code, name, city_code, org_type, rating, management_standard,
                        has_secretary, secretary_general, finance_sound, independent_bank_account,
                        dedicated_finance_staff, has_party_branch, group_member, registered_in_province,
                        independent_legal_person, above_scale_or_high_tech, has_rd_team, has_station,
                        has_website_and_member_db, contact_name, contact_phone, bank_name, bank_account_name,
                        bank_account_no, version, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                    .params(values(org))
                    .params(now, userId)
                    .update(keys, "id");
            id = keys.getKey().longValue();
            org.setId(id);
        } else {
            id = org.getId();
            int updated = jdbc.sql("""
                    update organisation set code = ?, name = ?, city_code = ?, org_type = ?, rating = ?,
                        management_standard = ?, has_secretary = ?, secretary_general = ?, finance_sound = ?,
                        independent_bank_account = ?, dedicated_finance_staff = ?, has_party_branch = ?,
                        group_member = ?, registered_in_province = ?, independent_legal_person = ?,
                        above_scale_or_high_tech = ?, has_rd_team = ?, has_station = ?,
                        has_website_and_member_db = ?, contact_name = ?, contact_phone = ?,
                        bank_name = ?, bank_account_name = ?, bank_account_no = ?,
                        version = version + 1, updated_at = ?, updated_by = ?
                    where id = ? and version = ?""")
                    .params(values(org))
                    .params(now, userId, id, org.getVersion())
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("organisation " + id + " changed meanwhile");
            }
            org.setVersion(org.getVersion() + 1);
        }
        replaceRecords(id, org);
        forget(id);
        return id;
    }

    private static List<Object> values(Organisation o) {
        return java.util.Arrays.asList(o.getCode().trim(), o.getName().trim(), o.getCityCode(), o.getType().name(),
                o.getRating(), o.isManagementStandard(), o.isHasSecretary(), o.getSecretaryGeneral(),
                o.isFinanceSound(), o.isIndependentBankAccount(), o.isDedicatedFinanceStaff(), o.isHasPartyBranch(),
                o.getGroupMember().name(), o.isRegisteredInProvince(), o.isIndependentLegalPerson(),
                o.isAboveScaleOrHighTech(), o.isHasRdTeam(), o.isHasStation(), o.isHasWebsiteAndMemberDb(),
                o.getContactName(), o.getContactPhone(), o.getBankName(), o.getBankAccountName(), o.getBankAccountNo());
    }

    private void replaceRecords(long id, Organisation org) {
        jdbc.sql("delete from organisation_inspection where organisation_id = ?").param(id).update();
        for (var r : org.getInspections()) {
            jdbc.sql("insert into organisation_inspection (organisation_id, record_year, passed) values (?, ?, ?)")
                    .params(id, r.year(), r.passed()).update();
        }
        jdbc.sql("delete from organisation_assessment where organisation_id = ?").param(id).update();
        for (var r : org.getAssessments()) {
            jdbc.sql("insert into organisation_assessment (organisation_id, record_year, passed) values (?, ?, ?)")
                    .params(id, r.year(), r.passed()).update();
        }
        jdbc.sql("delete from organisation_commendation where organisation_id = ?").param(id).update();
        for (var c : org.getCommendations()) {
            jdbc.sql("insert into organisation_commendation (organisation_id, record_year, level, title) values (?, ?, ?, ?)")
                    .params(id, c.year(), c.level(), c.title()).update();
        }
        jdbc.sql("delete from organisation_violation where organisation_id = ?").param(id).update();
        for (var v : org.getViolations()) {
            jdbc.sql("insert into organisation_violation (organisation_id, record_year, kind, description) values (?, ?, ?, ?)")
                    .params(id, v.year(), v.kind(), v.description()).update();
        }
    }

    /** Sanctions are only ever added (by the sanction step of a process or the office), never replaced. */
    void addSanction(long organisationId, Organisation.Sanction s) {
        forget(organisationId);
        jdbc.sql("""
                insert into organisation_sanction (organisation_id, programme_code, finding, finding_year,
                    ban_from_year, ban_until_year, application_number, note, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, s.programmeCode(), s.finding(), s.findingYear(), s.banFromYear(),
                        s.banUntilYear(), s.applicationNumber(), s.note(), Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * The organisation's yearly records and sanctions in one statement (issue 13: they were five, and
     * a step that reads an organisation sent them every time): one branch per table, told apart by
     * {@code part}, each in the order its list keeps (year, then entry).
     */
    private static final String RECORDS = """
            select 1 as part, record_year as yr, passed as ok, cast(null as varchar(1000)) as s1,
                cast(null as varchar(1000)) as s2, cast(null as varchar(1000)) as s3, cast(null as varchar(1000)) as s4,
                cast(null as integer) as n1, cast(null as integer) as n2, cast(0 as bigint) as rid
            from organisation_inspection where organisation_id = ?
            union all
            select 2, record_year, passed, null, null, null, null, null, null, 0
            from organisation_assessment where organisation_id = ?
            union all
            select 3, record_year, null, level, title, null, null, null, null, id
            from organisation_commendation where organisation_id = ?
            union all
            select 4, record_year, null, kind, description, null, null, null, null, id
            from organisation_violation where organisation_id = ?
            union all
            select 5, finding_year, null, programme_code, finding, application_number, note, ban_from_year, ban_until_year, id
            from organisation_sanction where organisation_id = ?
            order by part, yr, rid""";

    private Organisation withRecords(Organisation org) {
        long id = org.getId();
        List<Organisation.YearResult> inspections = new java.util.ArrayList<>();
        List<Organisation.YearResult> assessments = new java.util.ArrayList<>();
        List<Organisation.Commendation> commendations = new java.util.ArrayList<>();
        List<Organisation.Violation> violations = new java.util.ArrayList<>();
        List<Organisation.Sanction> sanctions = new java.util.ArrayList<>();
        jdbc.sql(RECORDS).params(id, id, id, id, id).query(rs -> {
            int year = rs.getInt("yr");
            switch (rs.getInt("part")) {
                case 1 -> inspections.add(new Organisation.YearResult(year, rs.getBoolean("ok")));
                case 2 -> assessments.add(new Organisation.YearResult(year, rs.getBoolean("ok")));
                case 3 -> commendations.add(new Organisation.Commendation(year, rs.getString("s1"), rs.getString("s2")));
                case 4 -> violations.add(new Organisation.Violation(year, rs.getString("s1"), rs.getString("s2")));
                default -> sanctions.add(new Organisation.Sanction(rs.getString("s1"), rs.getString("s2"), year,
                        (Integer) rs.getObject("n1"), (Integer) rs.getObject("n2"), rs.getString("s3"), rs.getString("s4")));
            }
        });
        org.setInspections(inspections);
        org.setAssessments(assessments);
        org.setCommendations(commendations);
        org.setViolations(violations);
        org.setSanctions(sanctions);
        return org;
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        Organisation o = new Organisation();
        o.setId(rs.getLong("id"));
        o.setCode(rs.getString("code"));
        o.setName(rs.getString("name"));
        o.setCityCode(rs.getString("city_code"));
        o.setType(OrganisationType.valueOf(rs.getString("org_type")));
        o.setRating(rs.getInt("rating"));
        o.setManagementStandard(rs.getBoolean("management_standard"));
        o.setHasSecretary(rs.getBoolean("has_secretary"));
        o.setSecretaryGeneral(rs.getString("secretary_general"));
        o.setFinanceSound(rs.getBoolean("finance_sound"));
        o.setIndependentBankAccount(rs.getBoolean("independent_bank_account"));
        o.setDedicatedFinanceStaff(rs.getBoolean("dedicated_finance_staff"));
        o.setHasPartyBranch(rs.getBoolean("has_party_branch"));
        o.setGroupMember(GroupMembership.valueOf(rs.getString("group_member")));
        o.setRegisteredInProvince(rs.getBoolean("registered_in_province"));
        o.setIndependentLegalPerson(rs.getBoolean("independent_legal_person"));
        o.setAboveScaleOrHighTech(rs.getBoolean("above_scale_or_high_tech"));
        o.setHasRdTeam(rs.getBoolean("has_rd_team"));
        o.setHasStation(rs.getBoolean("has_station"));
        o.setHasWebsiteAndMemberDb(rs.getBoolean("has_website_and_member_db"));
        o.setContactName(rs.getString("contact_name"));
        o.setContactPhone(rs.getString("contact_phone"));
        o.setBankName(rs.getString("bank_name"));
        o.setBankAccountName(rs.getString("bank_account_name"));
        o.setBankAccountNo(rs.getString("bank_account_no"));
        o.setVersion(rs.getInt("version"));
        return o;
    }
}
