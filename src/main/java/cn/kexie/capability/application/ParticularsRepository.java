package cn.kexie.capability.application;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code application_particulars} rows: one per application, written with its draft. */
@Repository
class ParticularsRepository {

    private final JdbcClient jdbc;

    ParticularsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProjectParticulars find(long applicationId) {
        return jdbc.sql("""
                select lead_name, lead_position, contact_name, contact_phone, starts_on, ends_on, own_funds_yuan
                from application_particulars where application_id = ?""")
                .param(applicationId).query(ParticularsRepository::map).optional().orElse(ProjectParticulars.NONE);
    }

    /** The empty row of a new application, so that its drafts update one row. */
    void create(long applicationId) {
        jdbc.sql("insert into application_particulars (application_id) values (?)").param(applicationId).update();
    }

    /** What a submission checks, in one read: the particulars, whether the programme funds projects, its last day. */
    record ForSubmission(ProjectParticulars particulars, boolean project, java.time.LocalDate lastDay) {
    }

    ForSubmission forSubmission(long applicationId) {
        return jdbc.sql("""
                select p.lead_name, p.lead_position, p.contact_name, p.contact_phone, p.starts_on, p.ends_on,
                    p.own_funds_yuan, pr.kind, c.project_ends_on, c.call_year
                from application a
                join programme pr on pr.code = a.programme_code
                join programme_call c on c.id = a.call_id
                left join application_particulars p on p.application_id = a.id
                where a.id = ?""")
                .param(applicationId)
                .query((rs, n) -> {
                    Date last = rs.getDate("project_ends_on");
                    return new ForSubmission(map(rs, n), ApplicationService.PROJECT_KIND.equals(rs.getString("kind")),
                            last != null ? last.toLocalDate() : java.time.LocalDate.of(rs.getInt("call_year"), 12, 31));
                }).single();
    }

    /** Writes the particulars: an update, and an insert for an application created before they were asked. */
    void save(long applicationId, ProjectParticulars p) {
        Object[] values = {p.leadName(), p.leadPosition(), p.contactName(), p.contactPhone(), date(p.startsOn()),
                date(p.endsOn()), p.ownFundsYuan(), applicationId};
        int updated = jdbc.sql("""
                update application_particulars set lead_name = ?, lead_position = ?, contact_name = ?, contact_phone = ?,
                    starts_on = ?, ends_on = ?, own_funds_yuan = ? where application_id = ?""")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into application_particulars (lead_name, lead_position, contact_name, contact_phone,
                        starts_on, ends_on, own_funds_yuan, application_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values).update();
        }
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static ProjectParticulars map(ResultSet rs, int n) throws SQLException {
        Date starts = rs.getDate("starts_on");
        Date ends = rs.getDate("ends_on");
        return new ProjectParticulars(rs.getString("lead_name"), rs.getString("lead_position"), rs.getString("contact_name"),
                rs.getString("contact_phone"), starts == null ? null : starts.toLocalDate(),
                ends == null ? null : ends.toLocalDate(), rs.getBigDecimal("own_funds_yuan"));
    }
}
