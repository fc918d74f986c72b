package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;

/**
 * 评审结论: the office sees every expert's sheet (points per criterion, total, comment) and the
 * panel score, and concludes: passed, with the approved amount (核定金额) it proposes to the party
 * group (the request unless it says why more), or not qualified with the reason.
 */
@org.springframework.stereotype.Component
class ReviewConclusionForm implements TaskForm {

    private final ReviewService reviews;
    private final ApplicationService applications;
    private final DossierPanel dossiers;
    private final FundingLedger ledger;

    ReviewConclusionForm(ReviewService reviews, ApplicationService applications, DossierPanel dossiers,
            FundingLedger ledger) {
        this.reviews = reviews;
        this.applications = applications;
        this.dossiers = dossiers;
        this.ledger = ledger;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.REVIEW_CONCLUSION;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final Grid<ReviewService.SubmittedSheet> sheets = new Grid<>();
        final Paragraph panelScore = new Paragraph();
        final RadioButtonGroup<String> outcome = new RadioButtonGroup<>();
        final TextArea comment;
        final BigDecimalField approvedAmount;
        final TextField amountReason;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.conclusion.title", false);
            Application app = applications.get(task.applicationId());
            List<ReviewService.SubmittedSheet> submitted = reviews.sheets(app.id());

            sheets.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            sheets.addColumn(ReviewService.SubmittedSheet::expertName).setHeader(getTranslation("form.conclusion.expert"))
                    .setAutoWidth(true).setFooter(getTranslation("form.conclusion.sheetCount", String.valueOf(submitted.size())));
            for (ReviewService.Criterion c : reviews.criteria(app)) {
                sheets.addColumn(sheet -> FormFields.plain(sheet.points().get(c.code())))
                        .setHeader(c.label() + "（" + FormFields.plain(c.maxPoints()) + "）").setWidth("7em").setFlexGrow(0);
            }
            sheets.addColumn(sheet -> FormFields.plain(sheet.total())).setHeader(getTranslation("form.conclusion.total"))
                    .setWidth("5em").setFlexGrow(0);
            sheets.addColumn(ReviewService.SubmittedSheet::comment).setHeader(getTranslation("form.conclusion.comment"))
                    .setWidth("14em").setFlexGrow(1);
            sheets.setItems(submitted);
            sheets.setAllRowsVisible(true);
            sheets.setId("review-sheets");

            BigDecimal score = app.panelScore() != null ? app.panelScore()
                    : reviews.rules(app).panelScore(submitted.stream().map(ReviewService.SubmittedSheet::total).toList());
            panelScore.setText(submitted.isEmpty() ? getTranslation("form.conclusion.noSheets")
                    : getTranslation("form.conclusion.panelScore", FormFields.plain(score), String.valueOf(submitted.size())));
            panelScore.setId("panel-score");
            panelScore.getStyle().set("font-weight", "bold");

            outcome.setLabel(getTranslation("form.conclusion.outcome"));
            outcome.setItems(ProjectProcess.PASS, ProjectProcess.REJECT);
            outcome.setItemLabelGenerator(o -> getTranslation("form.conclusion.outcome." + o));
            outcome.setRequiredIndicatorVisible(true);
            comment = FormFields.area(this, "form.conclusion.reason", 0, FormFields.MAX_TEXT, false);
            FundingLedger.AmountRule amount = ledger.amountRule(app.id());
            approvedAmount = FormFields.yuan(this, "form.conclusion.approvedAmount");
            approvedAmount.setId("approved-amount");
            approvedAmount.setValue(amount.proposed());
            approvedAmount.setReadOnly(amount.fixed());
            approvedAmount.setHelperText(getTranslation(amount.fixed() ? "form.conclusion.approvedAmountFixed"
                    : "form.conclusion.approvedAmountHelp", Yuan.format(amount.requested())));
            amountReason = FormFields.text(this, "form.conclusion.amountReason", 1000, false);
            amountReason.setId("approved-amount-reason");
            amountReason.setVisible(!amount.fixed());
            outcome.addValueChangeListener(change -> {
                comment.setRequired(ProjectProcess.REJECT.equals(change.getValue()));
                boolean passed = !ProjectProcess.REJECT.equals(change.getValue());
                approvedAmount.setVisible(passed);
                amountReason.setVisible(passed && !amount.fixed());
            });

            addWide(sheets);
            if (!submitted.isEmpty()) {
                addWide(ScoreSheetExcel.forApplication(reviews, app));
            }
            addWide(panelScore);
            addWide(atFault("outcome", outcome));
            fields().add(atFault("approvedAmount", approvedAmount), atFault("amountReason", amountReason));
            addWide(atFault("comment", comment));
            onSubmit(() -> reviews.conclude(task.id(), outcome.getValue(), comment.getValue(), approvedAmount.getValue(),
                    amountReason.getValue()), done);
        }
    }
}
