package cn.kexie.capability.workflow;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.ui.HomeNotice;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The home view tells everyone how many tasks wait for them, overdue ones first. */
@Component
class PendingTasksNotice implements HomeNotice {

    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;

    PendingTasksNotice(WorkflowTasks tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @Override
    public List<Notice> notices(Locale locale) {
        if (currentUser.id().isEmpty()) {
            return List.of();
        }
        long mine = tasks.count(WorkflowTasks.Scope.MINE);
        long offered = tasks.count(WorkflowTasks.Scope.GROUPS);
        long overdue = tasks.countOverdue();
        if (mine + offered == 0) {
            return List.of(new Notice(Messages.get(locale, "home.noTasks"), false));
        }
        List<Notice> notices = new java.util.ArrayList<>();
        notices.add(new Notice(Messages.get(locale, "home.tasks", mine, offered), false));
        if (overdue > 0) {
            notices.add(new Notice(Messages.get(locale, "home.overdue", overdue), true));
        }
        return notices;
    }
}
