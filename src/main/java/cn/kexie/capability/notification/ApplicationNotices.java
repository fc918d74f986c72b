package cn.kexie.capability.notification;

import cn.kexie.capability.application.ApplicationStatusSet;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.TaskMoved;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifications on what happens to an application, written in the step's transaction (the events
 * are published inside it): to the applicant organisation when its application is returned,
 * decided or put under public notice; to whoever holds a task (or its group) when the office sends
 * a reminder (催办). Which statuses count as returned, decided or under notice is configuration
 * ({@code notification.applicant.*}), not code.
 */
@Component
class ApplicationNotices {

    static final String DOSSIER_LINK = "applications/";

    private final NotificationWriter writer;
    private final JdbcClient jdbc;
    private final Set<String> returned;
    private final Set<String> decided;
    private final Set<String> notice;

    ApplicationNotices(NotificationWriter writer, JdbcClient jdbc,
            @Value("${notification.applicant.returned:RETURNED}") Set<String> returned,
            @Value("${notification.applicant.decided:}") Set<String> decided,
            @Value("${notification.applicant.notice:UNDER_NOTICE}") Set<String> notice) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.returned = returned;
        this.decided = decided;
        this.notice = notice;
    }

    @EventListener
    void statusSet(ApplicationStatusSet event) {
        NotificationKind kind = returned.contains(event.status()) ? NotificationKind.APPLICATION_RETURNED
                : decided.contains(event.status()) ? NotificationKind.APPLICATION_DECIDED
                : notice.contains(event.status()) ? NotificationKind.NOTICE_STARTED : null;
        if (kind == null) {
            return;
        }
        // one read of the facts the text needs (loading the whole application and organisation costs six)
        Told app = jdbc.sql("""
                select a.id, a.number, a.title, o.code as organisation_code
                from application a join organisation o on o.id = a.organisation_id where a.id = ?""")
                .param(event.applicationId()).query(Told.class).single();
        String group = Roles.organisationGroup(app.organisationCode());
        String key = switch (kind) {
            case APPLICATION_RETURNED -> "notification.applicationReturned";
            case NOTICE_STARTED -> "notification.noticeStarted";
            default -> "notification.applicationDecided";
        };
        writer.write(NotificationWriter.Recipient.group(group, null),
                new NotificationWriter.Content(kind, key, List.of(app.number(), app.title(), NotificationWriter.KEY_ARG + "status." + event.status()),
                        DOSSIER_LINK + app.id(), null, event.processInstanceId(), app.number()));
    }

    private record Told(long id, String number, String title, String organisationCode) {
    }

    private record Reminded(String recipientGroup, String businessKey, String tenantId) {
    }

    @EventListener
    void taskMoved(TaskMoved event) {
        if (event.move() != TaskMoved.Move.REMINDED) {
            return;
        }
        Optional<Reminded> reminded = jdbc.sql("""
                select r.recipient_group, r.business_key, t.tenant_id_ as tenant_id from task_reminder r
                join act_ru_task t on t.id_ = r.task_id
                where r.task_id = ? order by r.id desc fetch first 1 rows only""")
                .param(event.taskId()).query(Reminded.class).optional();
        if (reminded.isEmpty()) {
            return;
        }
        NotificationWriter.Recipient to = event.target() != null ? NotificationWriter.Recipient.user(event.target())
                : reminded.get().recipientGroup() == null ? null
                : NotificationWriter.Recipient.group(reminded.get().recipientGroup(), reminded.get().tenantId());
        if (to == null) {
            return;
        }
        String note = event.reason() == null ? "" : event.reason();
        writer.write(to, new NotificationWriter.Content(NotificationKind.TASK_REMINDED,
                note.isBlank() ? "notification.taskReminded" : "notification.taskRemindedWithNote",
                List.of(event.taskName() == null ? "" : event.taskName(),
                        NotificationWriter.inBrackets(reminded.get().businessKey()), note),
                TaskNotices.TASK_LINK + event.taskId(), event.taskId(), event.processInstanceId(),
                reminded.get().businessKey()));
    }
}
