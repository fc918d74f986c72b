package cn.kexie.capability.implementation;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.workflow.WorkflowTasks;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.Date;

/** 整改报告: after a mid-term check asked for rectification, the applicant reports it by the deadline. */
@org.springframework.stereotype.Component
class RectificationForm extends ReportForm {

    private final ImplementationService implementation;
    private final WorkflowTasks tasks;

    RectificationForm(ImplementationService implementation, WorkflowTasks tasks, DossierPanel dossiers) {
        super(dossiers);
        this.implementation = implementation;
        this.tasks = tasks;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.RECTIFICATION;
    }

    @Override
    String headingKey() {
        return "form.rectification.title";
    }

    /** The deadline the office set (due at the end of that day). */
    @Override
    Component context(WorkItem task, Component owner) {
        if (!(tasks.variable(task.id(), ProjectProcess.RECTIFICATION_DEADLINE) instanceof Date deadline)) {
            return null;
        }
        LocalDate lastDay = LocalDate.ofInstant(deadline.toInstant().minusMillis(1), PlatformClock.ZONE);
        Paragraph text = new Paragraph(owner.getTranslation("form.rectification.deadline", lastDay.toString()));
        text.setId("rectification-deadline");
        text.getStyle().set("font-weight", "bold");
        return text;
    }

    @Override
    void send(String taskId, ImplementationService.Report report) {
        implementation.reportRectification(taskId, report);
    }
}
