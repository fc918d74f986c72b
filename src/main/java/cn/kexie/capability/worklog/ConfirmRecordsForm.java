package cn.kexie.capability.worklog;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ChengduEvaluation;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 确认年度工作记录 (form key {@code platform:confirm-work-records}): the society sees its classified
 * records of the year, locked since the evaluation started, and confirms that they are complete, with
 * a note to the office about anything missing.
 */
@org.springframework.stereotype.Component
class ConfirmRecordsForm implements TaskForm {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(PlatformClock.ZONE);

    private final WorkEvaluationService evaluations;
    private final WorkRecordService records;

    ConfirmRecordsForm(WorkEvaluationService evaluations, WorkRecordService records) {
        this.evaluations = evaluations;
        this.records = records;
    }

    @Override
    public String formKey() {
        return ChengduEvaluation.Forms.CONFIRM_RECORDS;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Confirmation(task, done);
    }

    class Confirmation extends VerticalLayout {

        final Checkbox complete = new Checkbox();
        final TextArea note = new TextArea();
        final Button submit = new Button();

        Confirmation(WorkItem task, Runnable done) {
            setPadding(false);
            WorkEvaluation evaluation = evaluations.evaluationOfTask(task.id());
            List<WorkRecord> list = evaluations.recordsOfTask(task.id());
            String due = task.due() == null ? "—" : DAY.format(task.due().toInstant().minusMillis(1));
            add(new Paragraph(getTranslation("worklog.confirm.intro", evaluation.organisationName(),
                    String.valueOf(evaluation.year()), list.size(), due)));
            WorkRecordGrid grid = new WorkRecordGrid(records.workTypesOf(evaluation.organisationId()), false);
            grid.setItems(list);
            grid.setAllRowsVisible(true);
            complete.setLabel(getTranslation("worklog.confirm.complete"));
            note.setLabel(getTranslation("worklog.confirm.note"));
            note.setMaxLength(WorkEvaluationService.MAX_NOTE);
            note.setWidthFull();
            submit.setText(getTranslation("worklog.confirm.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> {
                if (Notifications.run(() -> evaluations.confirm(task.id(), complete.getValue(), note.getValue()))) {
                    done.run();
                }
            });
            add(grid, complete, note, submit);
        }
    }
}
