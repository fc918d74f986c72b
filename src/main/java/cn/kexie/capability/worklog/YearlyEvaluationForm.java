package cn.kexie.capability.worklog;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ChengduEvaluation;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * 年度评估 (form key {@code platform:yearly-evaluation}): the society's classified records of the year,
 * the counts per class and per type, the tier table's suggestion; the office sets the tier and the
 * subsidy, with a reason where it departs from the suggestion.
 */
@org.springframework.stereotype.Component
class YearlyEvaluationForm implements TaskForm {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final WorkEvaluationService evaluations;
    private final WorkRecordService records;

    YearlyEvaluationForm(WorkEvaluationService evaluations, WorkRecordService records) {
        this.evaluations = evaluations;
        this.records = records;
    }

    @Override
    public String formKey() {
        return ChengduEvaluation.Forms.YEARLY_EVALUATION;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Evaluation(task, done);
    }

    class Evaluation extends VerticalLayout {

        final Select<String> tier = new Select<>();
        final BigDecimalField amount = new BigDecimalField();
        final TextArea reason = new TextArea();
        final Button submit = new Button();

        Evaluation(WorkItem task, Runnable done) {
            setPadding(false);
            WorkEvaluationService.Sheet sheet = evaluations.sheet(task.id());
            WorkEvaluation e = sheet.evaluation();
            List<Category> types = records.workTypesOf(e.organisationId());
            add(new Paragraph(getTranslation("worklog.sheet.intro", e.organisationName(), String.valueOf(e.year()),
                    sheet.records().size())));
            String confirmation = e.confirmedAt() == null ? getTranslation("worklog.confirm.notConfirmed")
                    : getTranslation("worklog.confirm.confirmedBy", e.confirmedBy(), MINUTE.format(e.confirmedAt()));
            add(new Paragraph(getTranslation("worklog.sheet.confirmation", confirmation)));
            if (e.confirmationNote() != null) {
                add(new Paragraph(getTranslation("worklog.sheet.note", e.confirmationNote())));
            }
            WorkRecordGrid list = new WorkRecordGrid(types, false);
            list.setItems(sheet.records());
            list.setAllRowsVisible(true);
            add(list);

            Grid<Map.Entry<String, Integer>> byClass = counts(getTranslation("worklog.class"));
            byClass.getColumns().get(0).setRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(
                    entry -> WorkRecordGrid.classLabel(this, entry.getKey())));
            byClass.setItems(List.copyOf(sheet.counts().byClass().entrySet()));
            Grid<Map.Entry<String, Integer>> byType = counts(getTranslation("worklog.type"));
            byType.getColumns().get(0).setRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(
                    entry -> WorkRecordGrid.typeLabel(types, entry.getKey(), getLocale())));
            byType.setItems(List.copyOf(sheet.counts().byType().entrySet()));
            VerticalLayout classColumn = new VerticalLayout(new H3(getTranslation("worklog.sheet.byClass")), byClass);
            VerticalLayout typeColumn = new VerticalLayout(new H3(getTranslation("worklog.sheet.byType")), byType);
            classColumn.setPadding(false);
            typeColumn.setPadding(false);
            HorizontalLayout counts = new HorizontalLayout(classColumn, typeColumn);
            counts.setWidthFull();
            add(counts);

            add(new Paragraph(sheet.suggestedTier() == null ? getTranslation("worklog.sheet.noSuggestion")
                    : getTranslation("worklog.sheet.suggestion", WorkRecordGrid.tierLabel(this, sheet.suggestedTier()),
                            sheet.suggestedYuan() == null ? "—" : cn.kexie.capability.common.Yuan.format(sheet.suggestedYuan()))));
            if (!sheet.oneOffs().isEmpty()) {
                add(new Paragraph(getTranslation("worklog.oneOff", cn.kexie.capability.common.Yuan.format(
                        sheet.oneOffs().stream().map(WorkEvaluationService.OneOff::yuan)
                                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)),
                        String.join("、", sheet.oneOffs().stream().map(WorkEvaluationService.OneOff::subject).toList()))));
            }
            tier.setLabel(getTranslation("worklog.sheet.tier"));
            tier.setItems(sheet.tiers());
            tier.setItemLabelGenerator(t -> WorkRecordGrid.tierLabel(this, t));
            if (sheet.suggestedTier() != null) {
                tier.setValue(sheet.suggestedTier());
            }
            amount.setLabel(getTranslation("worklog.sheet.amount"));
            amount.setValue(sheet.suggestedYuan());
            reason.setLabel(getTranslation("worklog.sheet.reason"));
            reason.setMaxLength(WorkEvaluationService.MAX_NOTE);
            reason.setWidthFull();
            FormLayout decision = new FormLayout(tier, amount, reason);
            decision.setColspan(reason, 2);
            submit.setText(getTranslation("worklog.sheet.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> {
                if (Notifications.run(() -> evaluations.evaluate(task.id(), tier.getValue(), amount.getValue(),
                        reason.getValue()))) {
                    done.run();
                }
            });
            add(decision, submit);
        }

        private Grid<Map.Entry<String, Integer>> counts(String header) {
            Grid<Map.Entry<String, Integer>> grid = new Grid<>();
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(Map.Entry::getKey).setHeader(header).setFlexGrow(1);
            grid.addColumn(Map.Entry::getValue).setHeader(getTranslation("worklog.sheet.count")).setAutoWidth(true);
            grid.setAllRowsVisible(true);
            return grid;
        }
    }
}
