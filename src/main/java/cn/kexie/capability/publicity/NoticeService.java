package cn.kexie.capability.publicity;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Statuses;
import cn.kexie.capability.calendar.WorkingDays;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public notice (公示): starting a notice for N working days, the public list of projects under
 * notice, objections (异议) lodged by anyone, and the office's decision on each objection.
 */
@Service
public class NoticeService {

    /** The local variable that tells a call's concurrent notices apart. */
    public static final String NOTICE_SCOPE = "noticeScope";
    static final int MAX_PER_SOURCE_PER_HOUR = 3;
    static final int MAX_PER_APPLICATION_PER_HOUR = 30;
    static final Pattern CONTACT = Pattern.compile("([0-9+\\- ]{5,30})|([^@\\s]+@[^@\\s]+\\.[^@\\s]+)");

    private final JdbcClient jdbc;
    private final ApplicationService applications;
    private final WorkingDays workingDays;
    private final RuntimeService runtimeService;
    private final WorkflowTasks tasks;
    private final String salt;

    NoticeService(JdbcClient jdbc, ApplicationService applications, WorkingDays workingDays,
            RuntimeService runtimeService, WorkflowTasks tasks,
            @Value("${platform.objections.salt:capability-platform}") String salt) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.workingDays = workingDays;
        this.runtimeService = runtimeService;
        this.tasks = tasks;
        this.salt = salt;
    }

    /**
     * Starts the notice of an application: it ends at 24:00 of the N-th working day. Objections go
     * to {@code processInstanceId} (the application's own process, or a call's), in the scope with
     * local variable {@code noticeScope} = {@code scope} when there is one. Returns the end.
     */
    @Transactional
    public Date start(long applicationId, int workingDaysLong, String processInstanceId, String scope) {
        Date ends = workingDays.endOfPeriod(Date.from(PlatformClock.now()), workingDaysLong);
        return start(applicationId, ends, processInstanceId, scope);
    }

    /** Starts a notice that ends at the given instant (a list noticed together shares one end). */
    @Transactional
    public Date start(long applicationId, Date ends, String processInstanceId, String scope) {
        applications.setNotice(applicationId, ends.toInstant(), processInstanceId, scope);
        applications.record(applicationId, "publicNotice", "STARTED", null,
                Map.of("lastDay", workingDays.lastDayEndingAt(ends).toString()));
        return ends;
    }

    /** The projects under notice now, for everyone. */
    @Transactional(readOnly = true)
    public List<PublicNotice> current() {
        return jdbc.sql("""
                select a.number, p.name_zh, pc.name_zh, o.name, a.title, a.notice_ends_at
                from application a
                join programme p on p.code = a.programme_code
                join programme_category pc on pc.programme_code = a.programme_code and pc.code = a.category_code
                join organisation o on o.id = a.organisation_id
                where a.notice_ends_at > ?
                order by a.notice_ends_at, a.number""")
                .params(Timestamp.from(PlatformClock.now()))
                .query((rs, n) -> new PublicNotice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), workingDays.lastDayEndingAt(new Date(rs.getTimestamp(6).getTime()))))
                .list();
    }

    /** What someone lodging an objection enters. */
    public record ObjectionInput(String applicationNumber, String name, String contact, String text) {
    }

    /**
     * Lodges an objection against a project under notice; it becomes a task for the programme
     * office. {@code source} identifies the sender (its address) for rate limiting; only a salted
     * hash of it is kept.
     */
    @Transactional
    public long lodge(ObjectionInput input, String source) {
        List<Problem> problems = new ArrayList<>();
        String name = trim(input.name());
        String contact = trim(input.contact());
        String text = trim(input.text());
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new Problem("notice.error.name"));
        }
        if (!CONTACT.matcher(contact).matches() || contact.length() > 100) {
            problems.add(new Problem("notice.error.contact"));
        }
        if (text.length() < 10 || text.length() > 4000) {
            problems.add(new Problem("notice.error.text", 10, 4000));
        }
        UserError.throwIfAny(problems);
        Application app = applications.findByNumber(trim(input.applicationNumber()))
                .filter(a -> a.noticeEndsAt() != null && a.noticeEndsAt().isAfter(PlatformClock.now()))
                .orElseThrow(() -> new UserError("notice.error.notUnderNotice"));
        String sourceHash = hash(source == null ? "unknown" : source);
        Instant hourAgo = PlatformClock.now().minus(Duration.ofHours(1));
        int fromSource = jdbc.sql("select count(*) from objection where source_hash = ? and lodged_at > ?")
                .params(sourceHash, Timestamp.from(hourAgo)).query(Integer.class).single();
        int forApplication = jdbc.sql("select count(*) from objection where application_id = ? and lodged_at > ?")
                .params(app.id(), Timestamp.from(hourAgo)).query(Integer.class).single();
        if (fromSource >= MAX_PER_SOURCE_PER_HOUR || forApplication >= MAX_PER_APPLICATION_PER_HOUR) {
            throw new UserError("notice.error.tooMany");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into objection (application_id, name, contact, objection_text, lodged_at, source_hash, status)
                values (?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(app.id(), name, contact, text, Timestamp.from(PlatformClock.now()), sourceHash)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        applications.record(app.id(), "objection", "LODGED", null, Map.of("objectionId", id));
        String[] handler = applications.noticeHandler(app.id());
        var correlation = runtimeService.createMessageCorrelation(ProjectProcess.MESSAGE_OBJECTION)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(ProjectProcess.OBJECTION_ID, id));
        if (handler[0] != null) {
            correlation.processInstanceId(handler[0]);
        } else {
            // a notice started before the platform recorded its handling process: the application's own
            correlation.processInstanceBusinessKey(app.number());
        }
        if (handler[1] != null) {
            correlation.localVariableEquals(NOTICE_SCOPE, handler[1]);
        }
        correlation.correlate();
        return id;
    }

    /** An objection as the office sees it. */
    public record Objection(long id, long applicationId, String name, String contact, String text, Instant lodgedAt,
            String status, String decisionNote) {
    }

    @Transactional(readOnly = true)
    public Objection objectionOfTask(String taskId) {
        return objection(objectionIdOfTask(taskId));
    }

    /** The application an objection is about. */
    public long applicationOfObjection(long objectionId) {
        return objection(objectionId).applicationId();
    }

    long objectionIdOfTask(String taskId) {
        Object id = tasks.variable(taskId, ProjectProcess.OBJECTION_ID);
        if (!(id instanceof Number n)) {
            throw new UserError("notice.error.noObjection");
        }
        return n.longValue();
    }

    Objection objection(long id) {
        return jdbc.sql("select * from objection where id = ?").param(id)
                .query((rs, n) -> new Objection(rs.getLong("id"), rs.getLong("application_id"), rs.getString("name"),
                        rs.getString("contact"), rs.getString("objection_text"), rs.getTimestamp("lodged_at").toInstant(),
                        rs.getString("status"), rs.getString("decision_note")))
                .single();
    }

    /** The office's decision: dismissed (the notice goes on) or upheld (not funded, or back to review). */
    @Transactional
    public void decide(String taskId, String outcome, String note) {
        WorkItem task = tasks.get(taskId);
        Objection objection = objectionOfTask(taskId);
        List<String> outcomes = List.of(ProjectProcess.DISMISSED, ProjectProcess.UPHELD_NOT_FUNDED,
                ProjectProcess.UPHELD_BACK_TO_REVIEW);
        if (outcome == null || !outcomes.contains(outcome)) {
            throw new UserError("review.error.outcome");
        }
        if (note == null || note.isBlank() || note.length() > 4000) {
            throw new UserError("notice.error.decisionNote");
        }
        jdbc.sql("update objection set status = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ?")
                .params(ProjectProcess.DISMISSED.equals(outcome) ? "DISMISSED" : "UPHELD", task.assignee(),
                        Timestamp.from(PlatformClock.now()), note.trim(), objection.id())
                .update();
        applications.record(objection.applicationId(), "objectionReview", outcome, note.trim(),
                Map.of("objectionId", objection.id()));
        if (!ProjectProcess.DISMISSED.equals(outcome)) {
            // an upheld objection ends the project's notice at once
            applications.setNotice(objection.applicationId(), null, null, null);
        }
        tasks.complete(taskId, Map.of(ProjectProcess.OUTCOME, outcome));
    }

    private String hash(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((salt + "|" + source).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
