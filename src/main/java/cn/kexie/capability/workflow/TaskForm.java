package cn.kexie.capability.workflow;

import com.vaadin.flow.component.Component;

/**
 * A form the task list opens for user tasks with the given {@code camunda:formKey}. Implement it
 * as a Spring bean in the feature that owns the step; the form shows the dossier the step needs and
 * completes the task through the feature's service.
 */
public interface TaskForm {

    String formKey();

    /** Builds the form for this task; {@code done} runs after the task was completed. */
    Component create(WorkItem task, Runnable done);
}
