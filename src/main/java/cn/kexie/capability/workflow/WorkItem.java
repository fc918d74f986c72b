package cn.kexie.capability.workflow;

import java.util.Date;

/** One open task as the task list shows it. */
public record WorkItem(String id, String name, String formKey, String assignee, Date created, Date due,
        String processInstanceId, String businessKey, Long applicationId, String taskDefinitionKey) {

    public boolean overdue(Date now) {
        return due != null && due.before(now);
    }
}
