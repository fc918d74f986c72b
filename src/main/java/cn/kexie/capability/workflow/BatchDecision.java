package cn.kexie.capability.workflow;

import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * A decision over several lines of the task list at once (批量审批), offered by the feature that
 * decides them; the task list lets a user tick the lines whose step allows it ({@link TaskRow#batch()}).
 */
public interface BatchDecision {

    /** The decision for the ticked lines, opened; {@code done} runs when it is closed, to refresh the list. */
    Component open(List<TaskRow> rows, Runnable done);
}
