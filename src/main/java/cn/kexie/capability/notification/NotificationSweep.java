package cn.kexie.capability.notification;

import cn.kexie.capability.calendar.WorkingDays;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic notices, each run once per period in the whole cluster: the node that inserts the
 * period's row into {@code notification_sweep} runs it, every other node finds the row there and
 * skips (a database lock that needs no clock agreement beyond the period's name).
 * <ul>
 * <li>every hour: a waiting task whose due date is within one working day (its last working day has
 * come) is announced once as due soon, and once as overdue when its due date has passed, to its
 * assignee or its candidate groups in its city;</li>
 * <li>every day from 08:00 Beijing time: the programme office of each city with overdue tasks gets
 * one digest of them.</li>
 * </ul>
 */
@Component
class NotificationSweep {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSweep.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final int DIGEST_HOUR = 8;
    static final String TASK_LIST_LINK = "tasks";

    private final JdbcClient jdbc;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final WorkingDays workingDays;
    private final NotificationWriter writer;
    private final TransactionTemplate transactions;
    private final String node = java.util.UUID.randomUUID().toString();

    NotificationSweep(JdbcClient jdbc, TaskService taskService, RuntimeService runtimeService, WorkingDays workingDays,
            NotificationWriter writer, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.workingDays = workingDays;
        this.writer = writer;
        this.transactions = transactions;
    }

    /** Runs the hour's task notices unless another node has; returns how many notifications it wrote. */
    int sweepTasks() {
        Instant now = PlatformClock.now();
        String period = "tasks " + LocalDateTime.ofInstant(now, PlatformClock.ZONE).truncatedTo(ChronoUnit.HOURS);
        if (!claim(period, now)) {
            return 0;
        }
        Date threshold = workingDays.endOfPeriod(Date.from(now), 2);
        int written = announce(taskService.createTaskQuery().active().dueAfter(Date.from(now)).dueBefore(threshold).list(),
                NotificationKind.TASK_DUE_SOON, "notification.taskDueSoon");
        written += announce(taskService.createTaskQuery().active().dueBefore(Date.from(now)).list(),
                NotificationKind.TASK_OVERDUE, "notification.taskOverdue");
        return written;
    }

    /** Runs the day's digest unless another node has or it is before 08:00; returns how many it wrote. */
    int digest() {
        Instant now = PlatformClock.now();
        LocalDateTime local = LocalDateTime.ofInstant(now, PlatformClock.ZONE);
        if (local.getHour() < DIGEST_HOUR || !claim("digest " + local.toLocalDate(), now)) {
            return 0;
        }
        Map<String, List<Task>> byCity = new TreeMap<>(taskService.createTaskQuery().active().dueBefore(Date.from(now))
                .list().stream().filter(t -> t.getTenantId() != null)
                .collect(Collectors.groupingBy(Task::getTenantId)));
        int written = 0;
        for (Map.Entry<String, List<Task>> city : byCity.entrySet()) {
            List<Task> overdue = city.getValue();
            Date earliest = overdue.stream().map(Task::getDueDate).min(Date::compareTo).orElseThrow();
            String steps = overdue.stream().map(Task::getName).distinct().sorted().limit(5).collect(Collectors.joining("、"));
            transactions.executeWithoutResult(tx -> writer.write(
                    NotificationWriter.Recipient.group(Roles.PROGRAMME_OFFICE, city.getKey()),
                    new NotificationWriter.Content(NotificationKind.OVERDUE_DIGEST, "notification.overdueDigest",
                            List.of(String.valueOf(overdue.size()), lastDay(earliest), steps), TASK_LIST_LINK,
                            null, null, null)));
            written++;
        }
        return written;
    }

    /** Whether this node runs the period: true for the one that records it first. */
    boolean claim(String period, Instant now) {
        try {
            return transactions.execute(tx -> jdbc.sql("insert into notification_sweep (sweep, started_at, node) values (?, ?, ?)")
                    .params(period, Timestamp.from(now), node).update()) == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private int announce(List<Task> tasks, NotificationKind kind, String key) {
        if (tasks.isEmpty()) {
            return 0;
        }
        Set<String> done = new HashSet<>();
        List<String> ids = tasks.stream().map(Task::getId).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            List<Object> params = new ArrayList<>();
            params.add(kind.name());
            params.addAll(chunk);
            done.addAll(jdbc.sql("select task_id from notification where kind = ? and task_id in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(params).query(String.class).list());
        }
        List<Task> fresh = tasks.stream().filter(t -> !done.contains(t.getId())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, String> businessKeys = runtimeService.createProcessInstanceQuery()
                .processInstanceIds(fresh.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()))
                .list().stream().filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
        int written = 0;
        for (Task task : fresh) {
            try {
                written += transactions.execute(tx -> write(task, kind, key, businessKeys.get(task.getProcessInstanceId())));
            } catch (RuntimeException e) {
                LOG.warn("{} notice of task {} not written: {}", kind, task.getId(), e.toString());
            }
        }
        return written;
    }

    private int write(Task task, NotificationKind kind, String key, String businessKey) {
        List<NotificationWriter.Recipient> to = new ArrayList<>();
        if (task.getAssignee() != null) {
            to.add(NotificationWriter.Recipient.user(task.getAssignee()));
        } else {
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    to.add(NotificationWriter.Recipient.group(link.getGroupId(), task.getTenantId()));
                }
            }
        }
        var content = new NotificationWriter.Content(kind, key,
                List.of(task.getName() == null ? "" : task.getName(), NotificationWriter.inBrackets(businessKey),
                        lastDay(task.getDueDate())),
                TaskNotices.TASK_LINK + task.getId(), task.getId(), task.getProcessInstanceId(), businessKey);
        to.forEach(r -> writer.write(r, content));
        return to.size();
    }

    /** The last day of a period that ends at 24:00 (the instant is 00:00 of the next day), in Beijing. */
    static String lastDay(Date due) {
        return DAY.format(LocalDate.ofInstant(due.toInstant().minusSeconds(1), PlatformClock.ZONE));
    }

}
