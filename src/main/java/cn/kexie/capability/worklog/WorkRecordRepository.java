package cn.kexie.capability.worklog;

import java.time.LocalDate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Work records and their evidence files; callers check who may do what. */
@Repository
class WorkRecordRepository {

    /** Which records a list shows; null fields do not filter. */
    record Filter(Integer year, String workType, String workClass, Long organisationId) {
    }

    /** The cities whose societies' records a reader sees: null for every city. */
    List<WorkRecord> search(java.util.Set<String> cities, Filter filter, int offset, int limit) {
        if (cities != null && cities.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = where(filter, params) + inCities(cities, params);
        params.add(offset);
        params.add(limit);
        return jdbc.sql(SELECT + where + " order by r.record_year desc, o.code, r.held_on, r.id offset ? rows fetch next ? rows only")
                .params(params).query(WorkRecordRepository::map).list();
    }

    int count(java.util.Set<String> cities, Filter filter) {
        if (cities != null && cities.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        String where = where(filter, params) + inCities(cities, params);
        return jdbc.sql("select count(*) from work_record r join organisation o on o.id = r.organisation_id" + where)
                .params(params).query(Integer.class).single();
    }

    private static String inCities(java.util.Set<String> cities, List<Object> params) {
        if (cities == null) {
            return "";
        }
        params.addAll(cities.stream().sorted().toList());
        return " and o.city_code in (" + String.join(",", java.util.Collections.nCopies(cities.size(), "?")) + ")";
    }

    /** The city of the society that keeps the record. */
    Optional<String> cityOf(long recordId) {
        return jdbc.sql("select o.city_code from work_record r join organisation o on o.id = r.organisation_id where r.id = ?")
                .param(recordId).query(String.class).optional();
    }

    /** The city of an organisation. */
    Optional<String> cityOfOrganisation(long organisationId) {
        return jdbc.sql("select city_code from organisation where id = ?").param(organisationId).query(String.class).optional();
    }

    private static final String SELECT = """
            select r.*, o.code as organisation_code, o.name as organisation_name,
                   (select count(*) from work_record_file f where f.work_record_id = r.id) as file_count
            from work_record r join organisation o on o.id = r.organisation_id""";

    private final JdbcClient jdbc;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    WorkRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WorkRecord> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(WorkRecordRepository::map).optional();
    }

    List<WorkRecord> ofOrganisation(long organisationId, int year) {
        return jdbc.sql(SELECT + " where r.organisation_id = ? and r.record_year = ? order by r.held_on, r.id")
                .params(organisationId, year).query(WorkRecordRepository::map).list();
    }

    List<Integer> yearsOf(long organisationId) {
        return jdbc.sql("select distinct record_year from work_record where organisation_id = ? order by record_year desc")
                .param(organisationId).query(Integer.class).list();
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (filter.year() != null) {
            sql.append(" and r.record_year = ?");
            params.add(filter.year());
        }
        if (filter.workType() != null) {
            sql.append(" and r.work_type = ?");
            params.add(filter.workType());
        }
        if (filter.organisationId() != null) {
            sql.append(" and r.organisation_id = ?");
            params.add(filter.organisationId());
        }
        if (WorkClassifier.OUTCOME.equals(filter.workClass())) {
            sql.append(" and r.outcome_counts = true");
        } else if (WorkClassifier.NO_OUTCOME.equals(filter.workClass())) {
            sql.append(" and r.outcome_counts = false");
        } else if (filter.workClass() != null) {
            sql.append(" and r.activity_class = ?");
            params.add(filter.workClass());
        }
        return sql.toString();
    }

    long insert(long organisationId, WorkRecordDraft d, WorkClassifier.Classification c, String userId, Instant now) {
        var keys = new GeneratedKeyHolder();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                insert into work_record (organisation_id, record_year, work_type, title, held_on, description,
                    participants, other_provinces, countries, forums, materials, public_event,
                    published_in_journal, leader_signed_off, adopted_as_policy, problem_solved, special_report,
                    motion_or_proposal, facts, activity_class, outcome_counts, decision_key, decision_version,
                    classified_at, created_by, created_at, updated_by, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(concat(new Object[] {organisationId, d.getYear()}, facts(d), classification(c, now),
                        new Object[] {userId, at, userId, at}))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(WorkRecordDraft d, WorkClassifier.Classification c, String userId, Instant now) {
        int updated = jdbc.sql("""
                update work_record set work_type = ?, title = ?, held_on = ?, description = ?,
                    participants = ?, other_provinces = ?, countries = ?, forums = ?, materials = ?, public_event = ?,
                    published_in_journal = ?, leader_signed_off = ?, adopted_as_policy = ?, problem_solved = ?,
                    special_report = ?, motion_or_proposal = ?, facts = ?, activity_class = ?, outcome_counts = ?,
                    decision_key = ?, decision_version = ?, classified_at = ?, updated_by = ?, updated_at = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(concat(facts(d), classification(c, now),
                        new Object[] {userId, Timestamp.from(now), d.getId(), d.getVersion()}))
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("work record " + d.getId() + " changed meanwhile");
        }
    }

    void delete(long id) {
        jdbc.sql("delete from work_record where id = ?").param(id).update();
    }

    /**
     * Locks the organisation's row until the transaction ends, so that a record saved while the office
     * starts the year's evaluation either commits before the lock or sees the evaluation.
     */
    void lockOrganisation(long organisationId) {
        jdbc.sql("select id from organisation where id = ? for update").param(organisationId).query(Long.class).single();
    }

    boolean evaluationStarted(long organisationId, int year) {
        return jdbc.sql("select count(*) from work_evaluation where organisation_id = ? and evaluation_year = ?")
                .params(organisationId, year).query(Integer.class).single() > 0;
    }

    // ---- evidence files

    long insertFile(long recordId, String name, String contentType, byte[] content, String sha256, String userId,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into work_record_file (work_record_id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recordId, name, contentType, (long) content.length, sha256, content, userId, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<EvidenceFiles.Stored> files(long recordId) {
        return jdbc.sql("""
                select id, work_record_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from work_record_file where work_record_id = ? order by uploaded_at, id""")
                .param(recordId)
                .query((rs, n) -> new EvidenceFiles.Stored(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    Optional<byte[]> fileContent(long recordId, long fileId) {
        return jdbc.sql("select content from work_record_file where id = ? and work_record_id = ?")
                .params(fileId, recordId).query(byte[].class).optional();
    }

    int deleteFile(long recordId, long fileId) {
        return jdbc.sql("delete from work_record_file where id = ? and work_record_id = ?").params(fileId, recordId).update();
    }

    int fileCount(long recordId) {
        return jdbc.sql("select count(*) from work_record_file where work_record_id = ?").param(recordId)
                .query(Integer.class).single();
    }

    // ---- mapping

    private static Object[] facts(WorkRecordDraft d) {
        boolean exchange = WorkClassifier.ACADEMIC_EXCHANGE.equals(d.getWorkType());
        boolean research = WorkClassifier.RESEARCH_ADVICE.equals(d.getWorkType());
        return new Object[] {d.getWorkType(), d.getTitle(), Date.valueOf(d.getHeldOn()), d.getDescription(),
                exchange ? d.getParticipants() : null, exchange ? d.getOtherProvinces() : null,
                exchange ? d.getCountries() : null, exchange ? d.isForums() : null, exchange ? d.isMaterials() : null,
                exchange ? d.isPublicEvent() : null,
                research ? d.isPublishedInJournal() : null, research ? d.isLeaderSignedOff() : null,
                research ? d.isAdoptedAsPolicy() : null, research ? d.isProblemSolved() : null,
                research ? d.isSpecialReport() : null, research ? d.isMotionOrProposal() : null,
                d.getFacts().isEmpty() ? null : toJson(d.getFacts())};
    }

    private static String toJson(java.util.Map<String, Object> facts) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(facts));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("facts cannot be written as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Map.of();
        }
        try {
            return JSON.readValue(text, java.util.LinkedHashMap.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored facts are not JSON: " + text, e);
        }
    }

    /** The facts a work type of a programme asks for, in their order. */
    List<WorkRecordField> fields(String programmeCode, String workType) {
        return jdbc.sql("""
                select field_name, field_type, choices, min_value, max_value, label_zh, label_en, required
                from work_record_field where programme_code = ? and work_type = ? order by sort_order, field_name""")
                .params(programmeCode, workType)
                .query((rs, n) -> new WorkRecordField(rs.getString(1), WorkRecordField.Type.valueOf(rs.getString(2)),
                        WorkRecordField.parseChoices(rs.getString(3)), integer(rs, "min_value"), integer(rs, "max_value"),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8)))
                .list();
    }

    private static Object[] classification(WorkClassifier.Classification c, Instant now) {
        return new Object[] {c.activityClass(), c.outcomeCounts(), c.decisionKey(), c.decisionVersion(),
                c.decisionKey() == null ? null : Timestamp.from(now)};
    }

    private static Object[] concat(Object[]... parts) {
        List<Object> all = new ArrayList<>();
        for (Object[] part : parts) {
            all.addAll(java.util.Arrays.asList(part));
        }
        return all.toArray();
    }

    private static WorkRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp classified = rs.getTimestamp("classified_at");
        return new WorkRecord(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_code"),
                rs.getString("organisation_name"), rs.getInt("record_year"), rs.getString("work_type"),
                rs.getString("title"), rs.getDate("held_on").toLocalDate(), rs.getString("description"),
                integer(rs, "participants"), integer(rs, "other_provinces"), integer(rs, "countries"),
                bool(rs, "forums"), bool(rs, "materials"), bool(rs, "public_event"),
                bool(rs, "published_in_journal"), bool(rs, "leader_signed_off"), bool(rs, "adopted_as_policy"),
                bool(rs, "problem_solved"), bool(rs, "special_report"), bool(rs, "motion_or_proposal"),
                rs.getString("activity_class"), bool(rs, "outcome_counts"), rs.getString("decision_key"),
                integer(rs, "decision_version"), classified == null ? null : classified.toInstant(),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
                rs.getInt("file_count"), fromJson(rs.getString("facts")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    /** The evaluation cut-off date the office set for the programme's year, if it did. */
    java.util.Optional<LocalDate> cutoff(String programmeCode, int year) {
        return jdbc.sql("select cutoff_on from evaluation_cutoff where programme_code = ? and evaluation_year = ?")
                .params(programmeCode, year).query((rs, n) -> rs.getDate(1).toLocalDate()).optional();
    }

    void setCutoff(String programmeCode, int year, LocalDate cutoff, String user) {
        int updated = jdbc.sql("update evaluation_cutoff set cutoff_on = ?, set_by = ? where programme_code = ? and evaluation_year = ?")
                .params(java.sql.Date.valueOf(cutoff), user, programmeCode, year).update();
        if (updated == 0) {
            jdbc.sql("insert into evaluation_cutoff (programme_code, evaluation_year, cutoff_on, set_by) values (?, ?, ?, ?)")
                    .params(programmeCode, year, java.sql.Date.valueOf(cutoff), user).update();
        }
    }
}
