package cn.kexie.capability.review;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * 形式审查: the five checks of seed 002 (五.2) as a checklist, then pass, return for correction
 * within a number of working days (5 by default), or reject; reasons are required unless passed.
 */
@org.springframework.stereotype.Component
class FormalReviewForm implements TaskForm {

    private final ReviewService reviews;
    private final DossierPanel dossiers;
    private final cn.kexie.capability.application.ApplicationMoves moves;

    FormalReviewForm(ReviewService reviews, DossierPanel dossiers, cn.kexie.capability.application.ApplicationMoves moves) {
        this.reviews = reviews;
        this.dossiers = dossiers;
        this.moves = moves;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.FORMAL_REVIEW;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final CheckboxGroup<String> checks = new CheckboxGroup<>();
        final RadioButtonGroup<String> outcome = new RadioButtonGroup<>();
        final TextArea reasons;
        final IntegerField correctionDays;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.formalReview.title", true);
            ReviewRules rules = reviews.rules(task.applicationId());
            checks.setLabel(getTranslation("form.formalReview.checks"));
            checks.setItems(rules.formalChecks());
            checks.setItemLabelGenerator(check -> getTranslation("form.formalReview.check." + check));
            checks.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            checks.setHelperText(getTranslation("form.formalReview.checksHelp", String.valueOf(rules.formalChecks().size())));

            outcome.setLabel(getTranslation("form.formalReview.outcome"));
            outcome.setItems(ProjectProcess.PASS, ProjectProcess.RETURN, ProjectProcess.REJECT);
            outcome.setItemLabelGenerator(o -> getTranslation("form.formalReview.outcome." + o));
            outcome.setRequiredIndicatorVisible(true);

            reasons = FormFields.area(this, "form.formalReview.reasons", 0, FormFields.MAX_TEXT, false);
            correctionDays = FormFields.integer(this, "form.formalReview.correctionDays", 1, rules.maxCorrectionDays());
            correctionDays.setValue(rules.correctionDays());
            correctionDays.setHelperText(getTranslation("form.formalReview.correctionDaysHelp",
                    String.valueOf(rules.correctionDays()), String.valueOf(rules.maxCorrectionDays())));
            correctionDays.setVisible(false);

            // when every check is ticked, passing is the likely outcome; with one unticked it is not possible
            checks.addValueChangeListener(change -> {
                if (outcome.isEmpty() && change.getValue().containsAll(rules.formalChecks())) {
                    outcome.setValue(ProjectProcess.PASS);
                }
            });
            outcome.addValueChangeListener(change -> {
                boolean notPassed = change.getValue() != null && !ProjectProcess.PASS.equals(change.getValue());
                reasons.setRequired(notPassed);
                correctionDays.setVisible(ProjectProcess.RETURN.equals(change.getValue()));
                correctionDays.setRequired(ProjectProcess.RETURN.equals(change.getValue()));
            });

            // withdrawn or returned to (撤回 / 退回): the review starts from its earlier record
            if (task.applicationId() != null) {
                moves.earlierRecord(task.applicationId(), "formalReview").ifPresent(earlier -> {
                    if (earlier.data().get("checksPassed") instanceof List<?> passed) {
                        checks.setValue(new LinkedHashSet<>(passed.stream().map(String::valueOf)
                                .filter(rules.formalChecks()::contains).toList()));
                    }
                    if (earlier.outcome() != null && List.of(ProjectProcess.PASS, ProjectProcess.RETURN, ProjectProcess.REJECT)
                            .contains(earlier.outcome())) {
                        outcome.setValue(earlier.outcome());
                    }
                    reasons.setValue(earlier.comment() == null ? "" : earlier.comment());
                });
            }
            fields().add(atFault("checks", checks), atFault("outcome", outcome));
            addWide(atFault("reasons", reasons));
            fields().add(atFault("correctionDays", correctionDays));
            onSubmit(() -> reviews.formalReview(task.id(), new ReviewService.FormalReview(
                    new LinkedHashSet<>(List.copyOf(checks.getValue())), outcome.getValue(), reasons.getValue(),
                    ProjectProcess.RETURN.equals(outcome.getValue()) ? correctionDays.getValue() : null)), done);
        }
    }
}
