package cn.kexie.capability.review;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.application.StepForm;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;

/**
 * 组织专家评审: the office draws the panel at random from the expert pool (随机抽取: how many, within the
 * programme's review rules, and optionally of which specialties; {@link PanelDraw}), or ticks it by
 * hand; an expert of the applicant's own organisation, or affiliated with it, is shown but cannot be
 * picked (须回避), and the service refuses him too.
 */
@org.springframework.stereotype.Component
class AssignPanelForm implements TaskForm {

    private final ReviewService reviews;
    private final PanelDraw draws;
    private final DossierPanel dossiers;

    AssignPanelForm(ReviewService reviews, PanelDraw draws, DossierPanel dossiers) {
        this.reviews = reviews;
        this.draws = draws;
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

        final RadioButtonGroup<String> method = new RadioButtonGroup<>();
        final IntegerField size = new IntegerField();
        final MultiSelectComboBox<String> specialties = new MultiSelectComboBox<>();
        final Paragraph eligible = new Paragraph();
        final CheckboxGroup<ReviewService.Candidate> experts = new CheckboxGroup<>();

        Step(WorkItem task, Runnable done) {
            super(dossiers, task, "form.assignPanel.title", false);
            List<ReviewService.Candidate> candidates = reviews.candidates(task.applicationId());
            ReviewRules rules = reviews.rules(task.applicationId());

            method.setLabel(getTranslation("form.assignPanel.method"));
            method.setItems(ReviewService.PanelMethod.RANDOM.name(), ReviewService.PanelMethod.MANUAL.name());
            method.setItemLabelGenerator(m -> getTranslation(ReviewService.PanelMethod.RANDOM.name().equals(m)
                    ? "form.assignPanel.random" : "form.assignPanel.manual"));
            method.setValue(ReviewService.PanelMethod.RANDOM.name());
            method.setId("panel-method");
            addWide(method);

            size.setLabel(getTranslation("form.assignPanel.size"));
            size.setMin(rules.minPanel());
            size.setMax(rules.maxPanel());
            size.setStepButtonsVisible(true);
            size.setValue(rules.minPanel());
            size.setHelperText(getTranslation("form.assignPanel.sizeHelp", String.valueOf(rules.minPanel()),
                    String.valueOf(rules.maxPanel())));
            size.setId("panel-size");
            specialties.setLabel(getTranslation("form.assignPanel.specialties"));
            specialties.setItems(draws.specialties());
            specialties.setHelperText(getTranslation("form.assignPanel.specialtiesHelp"));
            specialties.setId("panel-specialties");
            specialties.addValueChangeListener(change -> showEligible(task));
            fields().add(size, specialties);
            addWide(eligible);
            showEligible(task);

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
            method.addValueChangeListener(change -> showMethod());
            showMethod();
            onSubmit(() -> {
                if (ReviewService.PanelMethod.RANDOM.name().equals(method.getValue())) {
                    draws.draw(task.id(), size.getValue() == null ? 0 : size.getValue(), specialties.getSelectedItems());
                } else {
                    reviews.assignPanel(task.id(), experts.getSelectedItems().stream()
                            .map(ReviewService.Candidate::userId).toList());
                }
            }, done);
        }

        private void showMethod() {
            boolean random = ReviewService.PanelMethod.RANDOM.name().equals(method.getValue());
            size.setVisible(random);
            specialties.setVisible(random);
            eligible.setVisible(random);
            experts.setVisible(!random);
        }

        private void showEligible(WorkItem task) {
            eligible.setText(getTranslation("form.assignPanel.eligible",
                    String.valueOf(draws.eligibleCount(task.applicationId(), specialties.getSelectedItems()))));
        }

        String label(ReviewService.Candidate candidate) {
            String label = candidate.name() + "（" + candidate.userId() + "）";
            return candidate.conflicted() ? label + " · " + getTranslation("form.assignPanel.conflicted") : label;
        }
    }
}
