package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 专家评分: the expert first declares no conflict of interest, then scores each criterion of the
 * programme's scoring table (label and maximum from the decision table) and comments; the total
 * shows as the points are typed. The fields keep points between 0 and the maximum, and so does
 * the service.
 */
@org.springframework.stereotype.Component
class ExpertScoreForm implements TaskForm {

    private final ReviewService reviews;
    private final ApplicationService applications;
    private final DossierPanel dossiers;

    ExpertScoreForm(ReviewService reviews, ApplicationService applications, DossierPanel dossiers) {
        this.reviews = reviews;
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.EXPERT_SCORE;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final Checkbox declaration = new Checkbox();
        final Map<String, NumberField> points = new LinkedHashMap<>();
        final Span total = new Span();
        final TextArea comment;
        private final BigDecimal maxTotal;

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.expertScore.title", true);
            Application app = applications.get(task.applicationId());
            List<ReviewService.Criterion> rubric = reviews.criteria(app);
            maxTotal = rubric.stream().map(ReviewService.Criterion::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);

            declaration.setLabel(getTranslation("form.expertScore.declaration"));
            declaration.setRequiredIndicatorVisible(true);
            declaration.setHelperText(getTranslation("form.expertScore.declarationHelp"));
            addWide(declaration);
            if (rubric.isEmpty()) {
                addWide(new Paragraph(getTranslation("form.expertScore.noCriteria")));
            }
            for (ReviewService.Criterion c : rubric) {
                NumberField field = FormFields.number(this,
                        getTranslation("form.expertScore.criterion", c.label(), FormFields.plain(c.maxPoints())),
                        BigDecimal.ZERO, c.maxPoints());
                field.setValueChangeMode(ValueChangeMode.EAGER);
                field.addValueChangeListener(change -> showTotal());
                field.setId("score-" + c.code());
                points.put(c.code(), field);
                fields().add(field);
            }
            total.setId("score-total");
            total.getStyle().set("font-weight", "bold");
            addWide(total);
            comment = FormFields.area(this, "form.expertScore.comment", 0, FormFields.MAX_TEXT, true);
            addWide(comment);

            // the declaration comes first: scoring opens once it is made
            declaration.addValueChangeListener(change -> enableScoring(change.getValue()));
            enableScoring(false);
            // the expert's draft (暂存) first; scoring again (退回 to the panel): its own earlier sheet
            java.util.Optional<ReviewService.Sheet> kept = reviews.draft(task.id());
            (kept.isPresent() ? kept : reviews.earlierSheet(task.id())).ifPresent(earlier -> {
                declaration.setValue(earlier.noConflict());
                earlier.points().forEach((code, value) -> {
                    NumberField field = points.get(code);
                    if (field != null && value != null) {
                        field.setValue(value.doubleValue());
                    }
                });
                comment.setValue(earlier.comment() == null ? "" : earlier.comment());
            });
            showTotal();
            onSubmit(() -> reviews.submitSheet(task.id(), new ReviewService.Sheet(declaration.getValue(),
                    enteredPoints(), comment.getValue())), done);
            saveDraft.setText(getTranslation("form.expertScore.saveDraft"));
            saveDraft.setId("task-save-draft");
            saveDraft.addClickListener(click -> {
                if (attempt(() -> reviews.saveDraft(task.id(), new ReviewService.Sheet(declaration.getValue(),
                        enteredPoints(), comment.getValue())), "form.problems")) {
                    cn.kexie.capability.ui.Notifications.success(getTranslation("form.expertScore.draftSaved"));
                }
            });
            int at = indexOf(submitButton());
            com.vaadin.flow.component.orderedlayout.HorizontalLayout buttons =
                    new com.vaadin.flow.component.orderedlayout.HorizontalLayout(submitButton(), saveDraft);
            addComponentAtIndex(at, buttons);
        }

        final com.vaadin.flow.component.button.Button saveDraft = new com.vaadin.flow.component.button.Button();

        private void enableScoring(boolean declared) {
            points.values().forEach(field -> field.setEnabled(declared));
            comment.setEnabled(declared);
        }

        /** The points as typed: a criterion left empty is absent (the service names it). */
        private Map<String, BigDecimal> enteredPoints() {
            Map<String, BigDecimal> entered = new HashMap<>();
            points.forEach((code, field) -> {
                if (field.getValue() != null) {
                    entered.put(code, BigDecimal.valueOf(field.getValue()));
                }
            });
            return entered;
        }

        private void showTotal() {
            BigDecimal sum = enteredPoints().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            total.setText(getTranslation("form.expertScore.total", FormFields.plain(sum), FormFields.plain(maxTotal)));
        }
    }
}
