package cn.kexie.capability.workflow;

import java.util.Date;

/**
 * One line of the task list: the task (open, or one I completed) with its application's number,
 * title, applicant, programme and year, read for a whole page at once.
 *
 * @param taskId the task, null for a line of 我发起的 (an application without a task of mine)
 * @param ended when I completed it (已办), null while open
 * @param status the application's status code (我发起的 only)
 * @param batch whether the open task's step allows a batch decision ({@link BatchSteps}) and the user may batch
 */
public record TaskRow(String taskId, String step, String number, String title, String organisation,
        String programmeZh, String programmeEn, Integer year, Date received, Date due, Date ended, String assignee, Long applicationId,
        String processInstanceId, String status, boolean batch) {

    public TaskRow(String taskId, String step, String number, String title, String organisation,
            String programmeZh, String programmeEn, Integer year, Date received, Date due, Date ended, String assignee,
            Long applicationId, String processInstanceId, String status) {
        this(taskId, step, number, title, organisation, programmeZh, programmeEn, year, received, due, ended, assignee,
                applicationId, processInstanceId, status, false);
    }

    /** The same line, marked as one a batch decision may take. */
    TaskRow batchable() {
        return new TaskRow(taskId, step, number, title, organisation, programmeZh, programmeEn, year, received, due, ended,
                assignee, applicationId, processInstanceId, status, true);
    }

    public String programme(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? programmeEn : programmeZh;
    }

    public boolean overdue(Date now) {
        return ended == null && due != null && due.before(now);
    }
}
