package cn.kexie.capability.workflow;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.ui.HomeNotice;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 催办 on the home page: the reminders the programme office sent about tasks that still wait for
 * me — held by me, or offered to my groups and unclaimed (as the engine lists them to me, so in my
 * cities only). Once the task is done or with someone else, its reminder is gone.
 */
@Component
class TaskReminderNotice implements HomeNotice {

    static final int MAX_SHOWN = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final JdbcClient jdbc;
    private final WorkflowTasks tasks;
    private final TaskService taskService;
    private final CurrentUser currentUser;
    private final org.camunda.bpm.engine.IdentityService identityService;

    TaskReminderNotice(JdbcClient jdbc, WorkflowTasks tasks, TaskService taskService, CurrentUser currentUser,
            org.camunda.bpm.engine.IdentityService identityService) {
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.taskService = taskService;
        this.currentUser = currentUser;
    }

    record Reminder(String taskId, String businessKey, String taskName, String recipientUser, String recipientGroup,
            String sentBy, Timestamp sentAt, String note) {
    }

    @Override
    public List<Notice> notices(Locale locale) {
        if (currentUser.id().isEmpty()) {
            return List.of();
        }
        return waiting().stream().limit(MAX_SHOWN)
                .map(r -> new Notice(Messages.get(locale, r.note() == null ? "task.reminder.notice" : "task.reminder.noticeWithNote",
                        r.taskName(), r.businessKey() == null ? "" : r.businessKey(), name(r.sentBy()),
                        WHEN.format(r.sentAt().toInstant()), r.note()), true))
                .toList();
    }

    private String name(String userId) {
        var user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : cn.kexie.capability.common.PersonName.of(user);
    }

    /** The reminders, newest first, of tasks that wait for the current user now. */
    List<Reminder> waiting() {
        return tasks.asCaller((user, groups) -> {
            List<Object> params = new ArrayList<>();
            params.add(user);
            params.addAll(groups);
            String groupMarks = groups.isEmpty() ? "" : " or recipient_group in (" + String.join(",", Collections.nCopies(groups.size(), "?")) + ")";
            List<Reminder> sent = jdbc.sql("""
                    select task_id, business_key, task_name, recipient_user, recipient_group, sent_by, sent_at, note
                    from task_reminder where recipient_user = ?%s
                    order by sent_at desc, id desc fetch first 200 rows only""".formatted(groupMarks))
                    .params(params).query(Reminder.class).list();
            if (sent.isEmpty()) {
                return List.<Reminder>of();
            }
            String[] ids = sent.stream().map(Reminder::taskId).distinct().toArray(String[]::new);
            Set<String> mine = taskService.createTaskQuery().taskIdIn(ids).active().taskAssignee(user).list().stream()
                    .map(Task::getId).collect(Collectors.toSet());
            Set<String> offered = groups.isEmpty() ? Set.of()
                    : taskService.createTaskQuery().taskIdIn(ids).active().taskCandidateGroupIn(groups).taskUnassigned()
                            .list().stream().map(Task::getId).collect(Collectors.toSet());
            List<Reminder> result = new ArrayList<>();
            Set<String> shown = new java.util.HashSet<>();
            for (Reminder r : sent) {
                boolean waits = user.equals(r.recipientUser()) ? mine.contains(r.taskId())
                        : offered.contains(r.taskId());
                if (waits && shown.add(r.taskId())) {
                    result.add(r);
                }
            }
            return result;
        });
    }
}
