package cn.kexie.capability.notification;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's own notifications: the bell's list and count, marking read, and which kinds come by
 * e-mail. Everything is the logged-in caller's: a notification addressed to another user, or to a
 * group or city the caller is not in, is neither listed nor marked.
 */
@Service
public class NotificationService {

    static final int SHOWN = 50;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final MailOutbox outbox;

    NotificationService(JdbcClient jdbc, CurrentUser currentUser, IdentityService identityService, MailOutbox outbox) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.outbox = outbox;
    }

    /** One notification as its reader sees it: the text in the reader's language. */
    public record Notification(long id, NotificationKind kind, String text, String link, Instant createdAt, boolean read) {
    }

    private record Row(long id, String kind, String textKey, String textArgs, String link, Timestamp createdAt,
            Timestamp readAt) {
    }

    /** Which notifications the caller may see: a WHERE clause over {@code n} and its parameters. */
    private record Visible(String where, List<Object> params) {
    }

    private Visible visible(String user) {
        List<Object> params = new ArrayList<>();
        params.add(user);
        List<String> groups = new ArrayList<>(identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        // an expert's organisation membership records affiliation (for 回避) only: what goes to an
        // applicant organisation is for its applicant users, never for an expert who works there
        if (!groups.contains(Roles.APPLICANT)) {
            groups.removeIf(Roles::isOrganisationGroup);
        }
        if (groups.isEmpty()) {
            return new Visible("n.recipient_user = ?", params);
        }
        params.addAll(groups);
        String groupMarks = String.join(",", Collections.nCopies(groups.size(), "?"));
        CityScope cities = currentUser.cities();
        String cityClause;
        if (cities.all()) {
            cityClause = "";
        } else if (cities.cities().isEmpty()) {
            cityClause = " and n.tenant_id is null";
        } else {
            params.addAll(cities.cities());
            cityClause = " and (n.tenant_id is null or n.tenant_id in ("
                    + String.join(",", Collections.nCopies(cities.cities().size(), "?")) + "))";
        }
        return new Visible("(n.recipient_user = ? or (n.recipient_group in (" + groupMarks + ")" + cityClause + "))", params);
    }

    /** My newest notifications, unread and read, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine(Locale locale) {
        return mine(locale, SHOWN);
    }

    @Transactional(readOnly = true)
    List<Notification> mine(Locale locale, int limit) {
        String user = currentUser.requireId();
        Visible visible = visible(user);
        List<Object> params = new ArrayList<>();
        params.add(user);
        params.addAll(visible.params());
        params.add(limit);
        return jdbc.sql("""
                select n.id, n.kind, n.text_key, n.text_args, n.link, n.created_at, r.read_at
                from notification n left join notification_read r on r.notification_id = n.id and r.user_id = ?
                where %s
                order by n.id desc fetch first ? rows only""".formatted(visible.where()))
                .params(params).query(Row.class).list().stream()
                .map(r -> new Notification(r.id(), NotificationKind.valueOf(r.kind()),
                        NotificationWriter.render(locale, r.textKey(), r.textArgs()),
                        r.link(), r.createdAt().toInstant(), r.readAt() != null))
                .toList();
    }

    /** How many of my notifications I have not read. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        Optional<String> user = currentUser.id();
        if (user.isEmpty()) {
            return 0;
        }
        Visible visible = visible(user.get());
        List<Object> params = new ArrayList<>(visible.params());
        params.add(user.get());
        return jdbc.sql("""
                select count(*) from notification n
                where %s and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = ?)"""
                .formatted(visible.where())).params(params).query(Long.class).single();
    }

    /** Marks one of my notifications read; another's is refused. */
    @Transactional
    public void markRead(long id) {
        String user = currentUser.requireId();
        Visible visible = visible(user);
        List<Object> params = new ArrayList<>();
        params.add(user);
        params.add(Timestamp.from(PlatformClock.now()));
        params.add(id);
        params.addAll(visible.params());
        params.add(user);
        int marked = jdbc.sql("""
                insert into notification_read (notification_id, user_id, read_at)
                select n.id, ?, ? from notification n
                where n.id = ? and %s
                  and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = ?)"""
                .formatted(visible.where())).params(params).update();
        if (marked == 0 && jdbc.sql("select count(*) from notification_read where notification_id = ? and user_id = ?")
                .params(id, user).query(Long.class).single() == 0) {
            throw new AccessDeniedException("not a notification of " + user);
        }
    }

    /** 全部已读: marks every notification of mine read. */
    @Transactional
    public int markAllRead() {
        String user = currentUser.requireId();
        Visible visible = visible(user);
        List<Object> params = new ArrayList<>();
        params.add(user);
        params.add(Timestamp.from(PlatformClock.now()));
        params.addAll(visible.params());
        params.add(user);
        return jdbc.sql("""
                insert into notification_read (notification_id, user_id, read_at)
                select n.id, ?, ? from notification n
                where %s
                  and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = ?)"""
                .formatted(visible.where())).params(params).update();
    }

    /**
     * The kinds that can reach me, for the choice of e-mails: the daily digest only the programme
     * office, what happens to an application only applicants; every role gets task notices.
     */
    List<NotificationKind> myKinds() {
        List<NotificationKind> kinds = new ArrayList<>(List.of(NotificationKind.values()));
        if (!currentUser.hasRole(Roles.PROGRAMME_OFFICE)) {
            kinds.remove(NotificationKind.OVERDUE_DIGEST);
        }
        if (!currentUser.hasRole(Roles.APPLICANT)) {
            kinds.removeAll(List.of(NotificationKind.APPLICATION_RETURNED, NotificationKind.APPLICATION_DECIDED,
                    NotificationKind.NOTICE_STARTED));
        }
        return kinds;
    }

    /** Per kind that can reach me, whether I receive it by e-mail (every kind unless I switched it off). */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Boolean> mailChoices() {
        String user = currentUser.requireId();
        Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : myKinds()) {
            choices.put(kind, true);
        }
        jdbc.sql("select kind, by_mail from notification_preference where user_id = ?").param(user)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list()
                .forEach(e -> {
                    try {
                        NotificationKind kind = NotificationKind.valueOf(e.getKey());
                        if (choices.containsKey(kind)) {
                            choices.put(kind, e.getValue());
                        }
                    } catch (IllegalArgumentException gone) {
                        // a kind no longer notified
                    }
                });
        return choices;
    }

    /** Saves which of the kinds that can reach me come by e-mail: the given ones, and no other. */
    @Transactional
    public void saveMailChoices(Set<NotificationKind> mailed) {
        String user = currentUser.requireId();
        for (NotificationKind kind : myKinds()) {
            jdbc.sql("delete from notification_preference where user_id = ? and kind = ?").params(user, kind.name()).update();
            if (!mailed.contains(kind)) {
                jdbc.sql("insert into notification_preference (user_id, kind, by_mail) values (?, ?, false)")
                        .params(user, kind.name()).update();
            }
        }
    }

    /** My e-mail address as the user directory holds it, if any. */
    public Optional<String> myAddress() {
        String user = currentUser.requireId();
        User found = identityService.createUserQuery().userId(user).singleResult();
        return Optional.ofNullable(found).map(User::getEmail).filter(s -> !s.isBlank());
    }

    /** Whether the platform sends e-mail at all ({@code spring.mail.host} set). */
    public boolean mailConfigured() {
        return outbox.enabled();
    }
}
