package cn.kexie.capability.review;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import java.util.List;

/**
 * 组织专家评审: the office picks the panel the programme's review rules allow; an expert of the applicant's own
 * organisation is shown but cannot be picked (须回避), and the service refuses him too.
 */
@org.springframework.stereotype.Component
class AssignPanelForm implements TaskForm {

    private final ReviewService reviews;
    private final DossierPanel dossiers;

    AssignPanelForm(ReviewService reviews, DossierPanel dossiers) {
        this.reviews = reviews;
        this.dossiers = dossiers;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.ASSIGN_PANEL;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Step(task, done);
    }

    final class Step extends StepForm {

        final CheckboxGroup<ReviewService.Candidate> experts = new CheckboxGroup<>();

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.assignPanel.title", false);
            List<ReviewService.Candidate> candidates = reviews.candidates(task.applicationId());
            ReviewRules rules = reviews.rules(task.applicationId());
            experts.setLabel(getTranslation("form.assignPanel.experts"));
            experts.setItems(candidates);
            experts.setItemLabelGenerator(this::label);
            experts.setItemEnabledProvider(candidate -> !candidate.conflicted());
            experts.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            experts.setRequiredIndicatorVisible(true);
            experts.setHelperText(candidates.isEmpty() ? getTranslation("form.assignPanel.none")
                    : getTranslation("form.assignPanel.help", String.valueOf(rules.minPanel()), String.valueOf(rules.maxPanel())));
            experts.addValueChangeListener(change -> experts.setHelperText(
                    getTranslation("form.assignPanel.help", String.valueOf(rules.minPanel()), String.valueOf(rules.maxPanel())) + " "
                            + getTranslation("form.assignPanel.selected", String.valueOf(change.getValue().size()))));
            addWide(experts);
            onSubmit(() -> reviews.assignPanel(task.id(), experts.getSelectedItems().stream()
                    .map(ReviewService.Candidate::userId).toList()), done);
        }

        String label(ReviewService.Candidate candidate) {
            String label = candidate.name() + "（" + candidate.userId() + "）";
            return candidate.conflicted() ? label + " · " + getTranslation("form.assignPanel.conflicted") : label;
        }
    }
}
