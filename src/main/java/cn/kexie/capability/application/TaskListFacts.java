package cn.kexie.capability.application;

import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.TaskBusinessData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The task list's business columns: for a page of tasks, their applications (or programme calls)
 * in one statement, whatever the page's size; the search narrows by number, title or applicant.
 */
@Component
class TaskListFacts implements TaskBusinessData {

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;

    TaskListFacts(JdbcClient jdbc, OrganisationService organisations, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    /** An applicant's organisation; an expert's affiliation (kept for 回避) gives no applications. */
    private java.util.Optional<cn.kexie.capability.organisation.Organisation> myOrganisation() {
        return currentUser.hasRole(Roles.APPLICANT) ? organisations.mine() : java.util.Optional.empty();
    }

    @Override
    public Map<String, Facts> byProcessInstance(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(processInstanceIds);
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        List<Object> params = new ArrayList<>(ids);
        params.addAll(ids);
        Map<String, Facts> result = new HashMap<>();
        jdbc.sql("""
                select a.process_instance_id as pid, a.id as app_id, a.number, a.title, o.name as org_name,
                    p.name_zh, p.name_en, c.call_year, a.status
                from application a
                join organisation o on o.id = a.organisation_id
                join programme_call c on c.id = a.call_id
                join programme p on p.code = a.programme_code
                where a.process_instance_id in (%s)
                union all
                select c.process_instance_id as pid, null as app_id, null as number, c.title, null as org_name,
                    p.name_zh, p.name_en, c.call_year, null as status
                from programme_call c
                join programme p on p.code = c.programme_code
                where c.process_instance_id in (%s)""".formatted(marks, marks))
                .params(params)
                .query((rs, n) -> facts(rs))
                .list()
                .forEach(f -> result.putIfAbsent(f.processInstanceId(), f));
        return result;
    }

    @Override
    public List<Match> processInstancesMatching(String text, int max) {
        String like = "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select a.process_instance_id, a.number from application a
                join organisation o on o.id = a.organisation_id
                where a.process_instance_id is not null
                  and (lower(a.number) like ? escape '\\' or lower(a.title) like ? escape '\\' or lower(o.name) like ? escape '\\')
                order by a.id desc""")
                .params(like, like, like)
                .query((rs, n) -> new Match(rs.getString(1), rs.getString(2))).stream().limit(max).toList();
    }

    @Override
    public List<Facts> ofMyOrganisation(int offset, int limit) {
        return myOrganisation().map(org -> jdbc.sql("""
                select a.process_instance_id as pid, a.id as app_id, a.number, a.title, o.name as org_name,
                    p.name_zh, p.name_en, c.call_year, a.status
                from application a
                join organisation o on o.id = a.organisation_id
                join programme_call c on c.id = a.call_id
                join programme p on p.code = a.programme_code
                where a.organisation_id = ?
                order by a.created_at desc, a.id desc
                offset ? rows fetch next ? rows only""")
                .params(org.getId(), offset, limit)
                .query((rs, n) -> facts(rs)).list()).orElse(List.of());
    }

    @Override
    public int countOfMyOrganisation() {
        return myOrganisation().map(org -> jdbc.sql("select count(*) from application where organisation_id = ?")
                .param(org.getId()).query(Integer.class).single()).orElse(0);
    }

    private static Facts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        long appId = rs.getLong("app_id");
        Long applicationId = rs.wasNull() ? null : appId;
        int year = rs.getInt("call_year");
        return new Facts(rs.getString("pid"), applicationId, rs.getString("number"), rs.getString("title"),
                rs.getString("org_name"), rs.getString("name_zh"), rs.getString("name_en"), rs.wasNull() ? null : year,
                rs.getString("status"));
    }
}
