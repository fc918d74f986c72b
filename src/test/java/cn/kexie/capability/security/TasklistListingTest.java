package cn.kexie.capability.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What Camunda Tasklist lists to each user: its filters run as the user, with the engine's
 * authorizations and the user's tenants (cities), list only tasks the user may work on — held by the
 * user, or offered to one of its groups — never another role's, another city's or a read-only grant's.
 */
@PlatformTest
class TasklistListingTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired FilterService filterService;
    @Autowired TaskService taskService;

    @AfterEach
    void nobody() {
        identity.clearAuthentication();
    }

    @Test
    void tasklistsFiltersListOnlyTheTasksAUserMayWorkOn() {
        FormTasks forms = new FormTasks(context);
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        Map<String, WorkItem> made = new LinkedHashMap<>();
        made.put("formalReview", forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of()));
        made.put("expertScore", forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1")));
        made.put("approval", forms.task(Forms.APPROVAL, app, "party", Map.of()));
        made.put("disbursement", forms.task(Forms.DISBURSEMENT, app, "finance", Map.of()));
        Set<String> ours = made.values().stream().map(WorkItem::id).collect(Collectors.toSet());

        List<String> unworkable = new ArrayList<>();
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        for (String user : List.of("office", "office-xz", "manager", "expert1", "expert2", "party", "leader", "finance", "county")) {
            List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                    .map(Tenant::getId).toList();
            identity.setAuthentication(user, groups, tenants);
            try {
                for (Filter filter : filterService.createTaskFilterQuery().list()) {
                    for (Task task : filterService.<Task>list(filter.getId())) {
                        if (!ours.contains(task.getId())) {
                            continue;
                        }
                        listed.computeIfAbsent(user, u -> new java.util.TreeSet<>()).add(task.getTaskDefinitionKey());
                        if (!mayWork(user, groups, task)) {
                            unworkable.add(user + " sees " + task.getName() + " in " + filter.getName());
                        }
                    }
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        assertThat(unworkable).isEmpty();
        assertThat(listed).as("each role sees its own task").containsOnlyKeys("office", "expert1", "party", "finance");
    }

    private boolean mayWork(String user, List<String> groups, Task task) {
        if (user.equals(task.getAssignee())) {
            return true;
        }
        if (task.getAssignee() != null) {
            return false;
        }
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (user.equals(link.getUserId()) || groups.contains(link.getGroupId())));
    }
}
