package cn.kexie.capability.notification;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.security.Roles;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications in the transaction of whatever caused them (a task created by the engine, a
 * status set by a diagram, a reminder): a step that rolls back leaves no notification and no mail.
 * One insert per notification, and, when e-mail is configured, one insert-select that queues a mail
 * for each recipient who has an address and has not switched that kind off.
 */
@Component
class NotificationWriter {

    /** Separates a text's arguments in one column; arguments lose control characters first. */
    static final String ARG_SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final MailOutbox outbox;

    NotificationWriter(JdbcClient jdbc, MailOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Who receives a notification: one user, or the members of a group within a city. */
    record Recipient(String user, String group, String tenantId) {

        static Recipient user(String userId) {
            return new Recipient(userId, null, null);
        }

        /**
         * The members of a group: a role's members in the given city only; an applicant organisation's
         * members wherever they are (applicants are held to their organisation, not to a city).
         */
        static Recipient group(String groupId, String tenantId) {
            return new Recipient(null, groupId, Roles.isOrganisationGroup(groupId) ? null : tenantId);
        }
    }

    /** What a notification says and where it leads. */
    record Content(NotificationKind kind, String textKey, List<String> args, String link, String taskId,
            String processInstanceId, String businessKey) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long write(Recipient to, Content content) {
        Timestamp now = Timestamp.from(PlatformClock.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notification (recipient_user, recipient_group, tenant_id, kind, text_key, text_args,
                    task_id, process_instance_id, business_key, link, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(to.user(), to.group(), to.tenantId(), content.kind().name(), content.textKey(),
                        joined(content.args()), content.taskId(), content.processInstanceId(),
                        cut(content.businessKey(), 255), content.link(), now)
                .update(key, "id");
        long id = key.getKey().longValue();
        if (outbox.enabled()) {
            queueMail(id, to, content.kind(), now);
            outbox.afterCommit();
        }
        return id;
    }

    private void queueMail(long id, Recipient to, NotificationKind kind, Timestamp now) {
        String wanted = """
                insert into notification_mail (notification_id, user_id, address, created_at, attempts)
                select ?, u.id_, u.email_, ?, 0 from act_id_user u
                where u.email_ is not null and u.email_ <> ''
                  and not exists (select 1 from notification_preference p
                                  where p.user_id = u.id_ and p.kind = ? and p.by_mail = false)
                """;
        if (to.user() != null) {
            jdbc.sql(wanted + " and u.id_ = ?").params(id, now, kind.name(), to.user()).update();
        } else if (to.tenantId() == null) {
            // an organisation's notices go to its applicant users, not to an expert affiliated with it
            jdbc.sql(wanted + """
                     and exists (select 1 from act_id_membership m where m.user_id_ = u.id_ and m.group_id_ = ?)
                     and exists (select 1 from act_id_membership a where a.user_id_ = u.id_ and a.group_id_ = ?)""")
                    .params(id, now, kind.name(), to.group(), Roles.APPLICANT).update();
        } else {
            jdbc.sql(wanted + """
                     and exists (select 1 from act_id_membership m where m.user_id_ = u.id_ and m.group_id_ = ?)
                     and exists (select 1 from act_id_tenant_member t where t.tenant_id_ = ?
                                 and (t.user_id_ = u.id_ or t.group_id_ in
                                      (select m2.group_id_ from act_id_membership m2 where m2.user_id_ = u.id_)))""")
                    .params(id, now, kind.name(), to.group(), to.tenantId()).update();
        }
    }

    static String joined(List<String> args) {
        if (args == null || args.isEmpty()) {
            return null;
        }
        String joined = args.stream().map(a -> a == null ? "" : a.replaceAll("\\p{Cntrl}", " "))
                .collect(Collectors.joining(ARG_SEPARATOR));
        return cut(joined, 2000);
    }

    /** Marks an argument that is itself a text key (a status label), shown in the reader's language. */
    static final String KEY_ARG = "@";

    /** A notification's text in the reader's language. */
    static String render(java.util.Locale locale, String key, String joinedArgs) {
        Object[] args = split(joinedArgs).stream()
                .map(a -> a.startsWith(KEY_ARG) ? cn.kexie.capability.common.Messages.get(locale, a.substring(1)) : a)
                .toArray();
        return cn.kexie.capability.common.Messages.get(locale, key, args);
    }

    /** A project number after a step's name: （CZ-2026-001）, or nothing. */
    static String inBrackets(String businessKey) {
        return businessKey == null || businessKey.isBlank() ? "" : "（" + businessKey + "）";
    }

    static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(ARG_SEPARATOR, -1));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
