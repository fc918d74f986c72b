package cn.kexie.capability.approval;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.evaluation.EvaluationService;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.common.Yuan;
import java.util.List;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * 党组研究同意 (and any approval by a body that meets): approve or not, with the meeting's date and
 * the minutes' reference (会议纪要文号); a reason is required when not approving. The group sees the
 * approved amount (核定金额) the office proposes, which its approval sets.
 */
@org.springframework.stereotype.Component
class ApprovalForm implements TaskForm {

    private final ApprovalService approvals;
    private final DossierPanel dossiers;

    ApprovalForm(ApprovalService approvals, DossierPanel dossiers) {
        this.approvals = approvals;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.APPROVAL;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    /** 50,000.00 元（申请 50,000.00 元）, with the office's reason where it gave one. */
    String amountText(com.vaadin.flow.component.Component ui, FundingLedger.Proposal p) {
        String text = ui.getTranslation("approval.amount", Yuan.format(p.proposed()), Yuan.format(p.requested()));
        return p.reason() == null ? text : text + ui.getTranslation("approval.amountReason", p.reason());
    }

    final class Step extends StepForm {

        final RadioButtonGroup<Boolean> decision = new RadioButtonGroup<>();
        final DatePicker meetingDate;
        final TextField minutes;
        final TextArea comment;
        final com.vaadin.flow.component.html.Paragraph amount = new com.vaadin.flow.component.html.Paragraph();
        /** The meetings of the further bodies the catalogue names (Lianyungang: 市科协主席会), by body. */
        final java.util.Map<String, DatePicker> otherDates = new java.util.LinkedHashMap<>();
        final java.util.Map<String, TextField> otherMinutes = new java.util.LinkedHashMap<>();
        /** The candidates a list's approval leaves out (null for a single application's approval). */
        com.vaadin.flow.component.grid.Grid<EvaluationService.Candidate> leftOutGrid;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.approval.title", false);
            decision.setLabel(getTranslation("form.approval.decision"));
            decision.setItems(Boolean.TRUE, Boolean.FALSE);
            decision.setItemLabelGenerator(approved -> getTranslation(approved ? "form.approval.approve" : "form.approval.reject"));
            decision.setRequiredIndicatorVisible(true);
            meetingDate = FormFields.date(this, "form.approval.meetingDate", null, PlatformClock.today());
            minutes = FormFields.text(this, "form.approval.minutes", 100, true);
            minutes.setPlaceholder(getTranslation("form.approval.minutesExample"));
            comment = FormFields.area(this, "form.approval.comment", 0, FormFields.MAX_TEXT, false);
            decision.addValueChangeListener(change -> comment.setRequired(Boolean.FALSE.equals(change.getValue())));

            List<EvaluationService.Candidate> list = approvals.listOf(task.id());
            if (!list.isEmpty()) {
                com.vaadin.flow.component.grid.Grid<EvaluationService.Candidate> grid =
                        new com.vaadin.flow.component.grid.Grid<>(EvaluationService.Candidate.class, false);
                grid.addColumn(EvaluationService.Candidate::quotaCode).setHeader(getTranslation("evaluation.quotaColumn")).setAutoWidth(true);
                grid.addColumn(EvaluationService.Candidate::rank).setHeader(getTranslation("evaluation.rank")).setAutoWidth(true);
                grid.addColumn(EvaluationService.Candidate::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
                grid.addColumn(EvaluationService.Candidate::organisation).setHeader(getTranslation("application.organisation")).setAutoWidth(true);
                grid.addColumn(EvaluationService.Candidate::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
                grid.addColumn(c -> c.panelScore() == null ? "" : c.panelScore().toPlainString())
                        .setHeader(getTranslation("application.panelScore")).setAutoWidth(true);
                grid.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader(getTranslation("evaluation.reason"));
                grid.addColumn(c -> amountText(this, approvals.proposal(c.applicationId())))
                        .setHeader(getTranslation("approval.approvedAmount")).setAutoWidth(true);
                grid.setItems(list);
                grid.setAllRowsVisible(true);
                addWide(new com.vaadin.flow.component.html.H3(getTranslation("approval.list", list.size())));
                addWide(grid);
                // what the list leaves out, with scores and the office's reasons: the body decides on both
                List<EvaluationService.Candidate> leftOut = approvals.leftOutOf(task.id());
                com.vaadin.flow.component.grid.Grid<EvaluationService.Candidate> others =
                        new com.vaadin.flow.component.grid.Grid<>(EvaluationService.Candidate.class, false);
                others.addColumn(EvaluationService.Candidate::quotaCode).setHeader(getTranslation("evaluation.quotaColumn")).setAutoWidth(true);
                others.addColumn(EvaluationService.Candidate::rank).setHeader(getTranslation("evaluation.rank")).setAutoWidth(true);
                others.addColumn(EvaluationService.Candidate::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
                others.addColumn(EvaluationService.Candidate::organisation).setHeader(getTranslation("application.organisation")).setAutoWidth(true);
                others.addColumn(EvaluationService.Candidate::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
                others.addColumn(c -> c.panelScore() == null ? "" : c.panelScore().toPlainString())
                        .setHeader(getTranslation("application.panelScore")).setAutoWidth(true);
                others.addColumn(c -> c.withdrawn() ? getTranslation("approval.leftOut.withdrawn")
                        : c.reason() == null ? "" : c.reason()).setHeader(getTranslation("evaluation.reason"));
                others.setItems(leftOut);
                others.setAllRowsVisible(true);
                others.setId("approval-left-out");
                addWide(new com.vaadin.flow.component.html.H3(getTranslation("approval.leftOut", leftOut.size())));
                if (leftOut.isEmpty()) {
                    addWide(new com.vaadin.flow.component.html.Paragraph(getTranslation("approval.leftOut.none")));
                } else {
                    addWide(others);
                }
                leftOutGrid = others;
            }
            if (task.applicationId() != null) {
                amount.setText(getTranslation("approval.amountProposed", amountText(this, approvals.proposal(task.applicationId()))));
                amount.setId("approval-amount");
                amount.getStyle().set("font-weight", "bold");
                addWide(amount);
            }
            addWide(decision);
            List<String> bodies = approvals.bodies(task.id());
            if (!bodies.isEmpty()) {
                String first = getTranslation("approval.body." + bodies.get(0));
                meetingDate.setLabel(getTranslation("form.approval.bodyMeetingDate", first));
                minutes.setLabel(getTranslation("form.approval.bodyMinutes", first));
                addWide(new com.vaadin.flow.component.html.Paragraph(getTranslation("form.approval.bodies",
                        String.join(getTranslation("form.approval.and"),
                                bodies.stream().map(b -> getTranslation("approval.body." + b)).toList()))));
            }
            fields().add(meetingDate, minutes);
            for (String body : bodies.stream().skip(1).toList()) {
                String name = getTranslation("approval.body." + body);
                DatePicker date = FormFields.date(this, "form.approval.meetingDate", null, PlatformClock.today());
                date.setLabel(getTranslation("form.approval.bodyMeetingDate", name));
                TextField ref = FormFields.text(this, "form.approval.minutes", 100, true);
                ref.setLabel(getTranslation("form.approval.bodyMinutes", name));
                otherDates.put(body, date);
                otherMinutes.put(body, ref);
                fields().add(date, ref);
            }
            addWide(comment);
            atFault(ApprovalService.DECISION, decision);
            atFault(ApprovalService.MEETING_DATE, meetingDate);
            atFault(ApprovalService.MINUTES, minutes);
            atFault(ApprovalService.COMMENT, comment);
            otherDates.forEach((body, date) -> atFault(ApprovalService.MEETING_DATE + ":" + body, date));
            otherMinutes.forEach((body, ref) -> atFault(ApprovalService.MINUTES + ":" + body, ref));
            onSubmit(() -> {
                if (decision.getValue() == null) {
                    // approving is a yes or a no: the form never picks one for the person
                    throw UserError.at(ApprovalService.DECISION, "form.approval.chooseDecision");
                }
                approvals.decide(task.id(), new ApprovalService.Approval(decision.getValue(), meetingDate.getValue(),
                        minutes.getValue(), comment.getValue(), otherDates.keySet().stream()
                                .map(body -> new ApprovalService.Meeting(body, otherDates.get(body).getValue(),
                                        otherMinutes.get(body).getValue()))
                                .toList()));
            }, done);
        }
    }
}
