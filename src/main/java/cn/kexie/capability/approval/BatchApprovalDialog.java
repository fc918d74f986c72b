package cn.kexie.capability.approval;

import cn.kexie.capability.application.FieldsAtFault;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.BatchDecision;
import cn.kexie.capability.workflow.TaskRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 批量审批 from the task list: the ticked items, one decision (同意 / 不同意), the meeting's date and
 * minutes, one comment (审批意见); then each item's result — done, or not done with its reason.
 */
@org.springframework.stereotype.Component
class BatchApprovalDialog implements BatchDecision {

    private final BatchApprovalService batch;

    BatchApprovalDialog(BatchApprovalService batch) {
        this.batch = batch;
    }

    @Override
    public Component open(List<TaskRow> rows, Runnable done) {
        Form form = new Form(rows, done);
        form.open();
        return form;
    }

    /** The dialog; package-private so that tests drive its fields. */
    final class Form extends Dialog {

        final List<TaskRow> rows;
        final RadioButtonGroup<Boolean> decision = new RadioButtonGroup<>();
        final DatePicker meetingDate;
        final TextField minutes;
        final TextArea comment;
        final Button submit = new Button();
        final Button close = new Button();
        final Div problems = new Div();
        final Grid<Line> items = new Grid<>(Line.class, false);
        final FieldsAtFault atFault = new FieldsAtFault(this);
        final Paragraph summary = new Paragraph();
        /** The result of each item once decided, by task. */
        final Map<String, BatchApprovalService.ItemResult> results = new LinkedHashMap<>();

        Form(List<TaskRow> rows, Runnable done) {
            this.rows = List.copyOf(rows);
            setHeaderTitle(getTranslation("approval.batch.title", rows.isEmpty() ? "" : rows.get(0).step()));
            setWidth("min(60em, 95vw)");
            setCloseOnOutsideClick(false);
            decision.setLabel(getTranslation("form.approval.decision"));
            decision.setItems(Boolean.TRUE, Boolean.FALSE);
            decision.setItemLabelGenerator(approved -> getTranslation(approved ? "form.approval.approve" : "form.approval.reject"));
            decision.setRequiredIndicatorVisible(true);
            meetingDate = FormFields.date(this, "form.approval.meetingDate", null, PlatformClock.today());
            minutes = FormFields.text(this, "form.approval.minutes", 100, true);
            minutes.setPlaceholder(getTranslation("form.approval.minutesExample"));
            comment = FormFields.area(this, "form.approval.comment", 0, FormFields.MAX_TEXT, false);
            decision.addValueChangeListener(change -> comment.setRequired(Boolean.FALSE.equals(change.getValue())));
            atFault.name(ApprovalService.DECISION, decision);
            atFault.name(ApprovalService.MEETING_DATE, meetingDate);
            atFault.name(ApprovalService.MINUTES, minutes);
            atFault.name(ApprovalService.COMMENT, comment);

            items.addThemeVariants(GridVariant.LUMO_COMPACT);
            items.addColumn(Line::number).setHeader(getTranslation("task.application")).setAutoWidth(true);
            items.addColumn(Line::title).setHeader(getTranslation("tasks.column.title")).setFlexGrow(1);
            items.addColumn(Line::organisation).setHeader(getTranslation("tasks.column.applicant")).setAutoWidth(true);
            items.addColumn(this::resultText).setHeader(getTranslation("approval.batch.result")).setFlexGrow(1).setId("result");
            items.setAllRowsVisible(true);
            items.setItems(lines());
            items.setId("batch-items");

            problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
            problems.setVisible(false);
            summary.setVisible(false);
            summary.setId("batch-summary");
            Paragraph perItem = new Paragraph(getTranslation("approval.batch.perItem"));
            perItem.getStyle().set("color", "var(--lumo-secondary-text-color)");

            FormLayout fields = new FormLayout(decision, meetingDate, minutes, comment);
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
            fields.setColspan(decision, 2);
            fields.setColspan(comment, 2);
            add(new Paragraph(getTranslation("approval.batch.items", rows.size())), items, fields, perItem, problems, summary);

            submit.setText(getTranslation("approval.batch.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("batch-submit");
            submit.addClickListener(click -> submit());
            close.setText(getTranslation("approval.batch.close"));
            close.addClickListener(click -> {
                close();
                done.run();
            });
            getFooter().add(close, submit);
        }

        void submit() {
            atFault.clear();
            problems.setVisible(false);
            try {
                if (decision.getValue() == null) {
                    throw UserError.at(ApprovalService.DECISION, "form.approval.chooseDecision");
                }
                List<BatchApprovalService.ItemResult> decided = batch.decide(rows.stream().map(TaskRow::taskId).toList(),
                        new ApprovalService.Approval(decision.getValue(), meetingDate.getValue(), minutes.getValue(),
                                comment.getValue()));
                decided.forEach(r -> results.put(r.taskId(), r));
                long ok = decided.stream().filter(BatchApprovalService.ItemResult::done).count();
                summary.setText(getTranslation("approval.batch.summary", ok, decided.size() - ok));
                summary.setVisible(true);
                items.getDataProvider().refreshAll();
                // decided: the decision is not sent twice; what was refused is decided on its own or in another batch
                submit.setEnabled(false);
                decision.setReadOnly(true);
                meetingDate.setReadOnly(true);
                minutes.setReadOnly(true);
                comment.setReadOnly(true);
                if (ok > 0) {
                    Notifications.success(getTranslation("approval.batch.summary", ok, decided.size() - ok));
                }
            } catch (UserError refused) {
                problems.setText(getTranslation("form.problems") + "\n" + Messages.describe(getLocale(), refused));
                problems.setVisible(true);
                atFault.mark(getLocale(), refused);
            }
        }

        /** What the result column says of a line: nothing before the decision. */
        String resultText(Line line) {
            BatchApprovalService.ItemResult result = results.get(line.taskId());
            if (result == null) {
                return "";
            }
            if (result.done()) {
                return getTranslation("approval.batch.done");
            }
            return getTranslation("approval.batch.refused", String.join(" ", result.refusals().stream()
                    .map(p -> Messages.describe(getLocale(), p)).toList()));
        }

        private List<Line> lines() {
            List<Line> lines = new ArrayList<>();
            for (TaskRow row : rows) {
                lines.add(new Line(row.taskId(), row.number(), row.title(), row.organisation()));
            }
            return lines;
        }
    }

    /** One ticked item. */
    record Line(String taskId, String number, String title, String organisation) {
    }
}
