package cn.kexie.capability.implementation;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.workflow.ProjectProcess;

/** 进展报告: the applicant reports the project's progress (at least once before the mid-term check). */
@org.springframework.stereotype.Component
class ProgressReportForm extends ReportForm {

    private final ImplementationService implementation;

    ProgressReportForm(ImplementationService implementation, DossierPanel dossiers) {
        super(dossiers);
        this.implementation = implementation;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.PROGRESS_REPORT;
    }

    @Override
    String headingKey() {
        return "form.progress.title";
    }

    @Override
    void send(String taskId, ImplementationService.Report report) {
        implementation.reportProgress(taskId, report);
    }
}
