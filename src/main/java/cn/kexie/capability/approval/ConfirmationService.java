package cn.kexie.capability.approval;

import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirmation of an application by another body before review (Lianyungang: the county
 * association stamps service-station and chief-expert applications, 盖章确认). The eligibility
 * table reads the answer as {@code countyConfirmed}.
 */
@Service
public class ConfirmationService {

    private final ApplicationService applications;
    private final WorkflowTasks tasks;

    ConfirmationService(ApplicationService applications, WorkflowTasks tasks) {
        this.applications = applications;
        this.tasks = tasks;
    }

    @Transactional
    public void confirm(String taskId, boolean confirmed, String note) {
        WorkItem task = tasks.get(taskId);
        if (!confirmed && (note == null || note.isBlank())) {
            throw new UserError("approval.error.reasonRequired");
        }
        if (note != null && note.length() > 4000) {
            throw new UserError("approval.error.commentLength");
        }
        applications.record(task.applicationId(), "confirmation", confirmed ? "CONFIRMED" : "REFUSED", note, null);
        tasks.complete(taskId, Map.of(ProjectProcess.COUNTY_CONFIRMED, confirmed));
    }
}
