package cn.kexie.capability.evaluation;

import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.ui.Notifications;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskForm;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 综合评定 (form key {@code platform:comprehensive-evaluation}): the intake's applications ranked by
 * panel score within each quota, the quota pre-applied; the office changes selections within the
 * quota and gives a reason for each change, and sets each selected project's approved amount (核定金额:
 * the request unless it says why more; an award's catalogue amount, which it cannot change).
 */
@org.springframework.stereotype.Component
class EvaluationForm implements TaskForm {

    private final EvaluationService evaluation;
    private final ProgrammeCatalogue catalogue;
    private final FundingLedger ledger;

    EvaluationForm(EvaluationService evaluation, ProgrammeCatalogue catalogue, FundingLedger ledger) {
        this.evaluation = evaluation;
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    @Override
    public String formKey() {
        return ProjectProcess.Forms.COMPREHENSIVE_EVALUATION;
    }

    @Override
    public Component create(WorkItem task, Runnable done) {
        return new Ranking(task, done);
    }

    class Ranking extends VerticalLayout {

        final Grid<EvaluationService.Candidate> grid = new Grid<>(EvaluationService.Candidate.class, false);
        final Map<Long, Checkbox> picks = new HashMap<>();
        final Map<Long, TextField> reasons = new HashMap<>();
        final Map<Long, Checkbox> recommended = new HashMap<>();
        final Map<Long, BigDecimalField> amounts = new HashMap<>();
        final Map<Long, TextField> amountReasons = new HashMap<>();
        final Button submit = new Button();
        final ExcelDownload export;

        Ranking(WorkItem task, Runnable done) {
            setPadding(false);
            EvaluationService.IntakeRef intake = evaluation.intakeOfTask(task.id());
            List<EvaluationService.Candidate> ranking = evaluation.ranking(intake.callId(), intake.key(), intake.categories());
            String programme = catalogue.call(intake.callId()).orElseThrow().programmeCode();
            add(new Paragraph(getTranslation("evaluation.intro", intake.key())));
            for (EvaluationService.Quota q : evaluation.quotas(intake.callId(), ranking)) {
                add(new Paragraph(getTranslation("evaluation.quota",
                        RankingSheet.quotaLabel(catalogue, programme, q.code(), getLocale()), q.min(), q.max(), q.candidates())));
            }
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(c -> RankingSheet.quotaLabel(catalogue, programme, c.quotaCode(), getLocale()))
                    .setHeader(getTranslation("evaluation.quotaColumn")).setAutoWidth(true);
            grid.addColumn(EvaluationService.Candidate::rank).setHeader(getTranslation("evaluation.rank")).setAutoWidth(true);
            grid.addColumn(EvaluationService.Candidate::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
            grid.addColumn(EvaluationService.Candidate::organisation).setHeader(getTranslation("application.organisation")).setAutoWidth(true);
            grid.addColumn(EvaluationService.Candidate::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
            grid.addColumn(c -> catalogue.category(programme, c.categoryCode()).map(x -> x.nameZh()).orElse(c.categoryCode()))
                    .setHeader(getTranslation("application.category")).setAutoWidth(true);
            grid.addColumn(c -> c.panelScore() == null ? "" : c.panelScore().toPlainString())
                    .setHeader(getTranslation("application.panelScore")).setAutoWidth(true);
            grid.addColumn(c -> getTranslation(c.preSelected() ? "common.yes" : "common.no"))
                    .setHeader(getTranslation("evaluation.preSelected")).setAutoWidth(true);
            // the fields of every row exist from the start, whether or not the grid has shown the row yet
            boolean recommends = catalogue.requireProgramme(programme).recommendsToProvince();
            for (EvaluationService.Candidate c : ranking) {
                picks.put(c.applicationId(), new Checkbox(c.selected()));
                TextField reason = new TextField();
                reason.setMaxLength(1000);
                reason.setPlaceholder(getTranslation("evaluation.reasonPlaceholder"));
                reason.setValue(c.reason() == null ? "" : c.reason());
                reason.setWidthFull();
                reasons.put(c.applicationId(), reason);
                if (recommends) {
                    recommended.put(c.applicationId(), new Checkbox(c.recommended()));
                }
            }
            grid.addComponentColumn(c -> picks.get(c.applicationId()))
                    .setHeader(getTranslation("evaluation.selected")).setAutoWidth(true);
            grid.addComponentColumn(c -> reasons.get(c.applicationId()))
                    .setHeader(getTranslation("evaluation.reason")).setFlexGrow(1);
            grid.addComponentColumn(c -> amountCell(c)).setHeader(getTranslation("evaluation.approvedAmount")).setWidth("14em")
                    .setFlexGrow(0);
            if (recommends) {
                grid.addComponentColumn(c -> recommended.get(c.applicationId()))
                        .setHeader(getTranslation("evaluation.recommended")).setAutoWidth(true);
            }
            grid.setItems(ranking);
            grid.setAllRowsVisible(true);
            submit.setText(getTranslation("task.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> {
                Map<Long, Boolean> selected = new HashMap<>();
                Map<Long, String> why = new HashMap<>();
                for (EvaluationService.Candidate c : ranking) {
                    selected.put(c.applicationId(), picks.get(c.applicationId()).getValue());
                    TextField reason = reasons.get(c.applicationId());
                    if (reason != null && !reason.isEmpty()) {
                        why.put(c.applicationId(), reason.getValue());
                    }
                }
                Map<Long, Boolean> recommend = new HashMap<>();
                recommended.forEach((id, box) -> recommend.put(id, box.getValue()));
                Map<Long, java.math.BigDecimal> amount = new HashMap<>();
                Map<Long, String> amountWhy = new HashMap<>();
                for (EvaluationService.Candidate c : ranking) {
                    amount.put(c.applicationId(), amountField(c).getValue());
                    amountWhy.put(c.applicationId(), amountReasons.get(c.applicationId()).getValue());
                }
                if (Notifications.run(() -> evaluation.evaluate(task.id(), selected, why, recommend, amount, amountWhy))) {
                    done.run();
                }
            });
            // what the office sees now, unsaved ticks and reasons included: a draft for its meeting
            export = new ExcelDownload(getTranslation("evaluation.export.draftFile"), () -> {
                List<EvaluationService.Candidate> shown = ranking.stream().map(this::asShown).toList();
                ExcelTable<EvaluationService.Candidate> table = RankingSheet.table(catalogue, programme, getLocale(),
                        getTranslation("evaluation.export.draftTitle"), getTranslation("evaluation.export.intake", intake.key()));
                return workbook -> workbook.sheet(table, shown);
            });
            if (ranking.isEmpty()) {
                add(new Paragraph(getTranslation("evaluation.none")));
            }
            add(export, grid, submit);
        }

        /** The candidate with the choices the form shows now. */
        private EvaluationService.Candidate asShown(EvaluationService.Candidate c) {
            Checkbox pick = picks.get(c.applicationId());
            TextField reason = reasons.get(c.applicationId());
            Checkbox recommend = recommended.get(c.applicationId());
            return new EvaluationService.Candidate(c.applicationId(), c.number(), c.organisation(), c.title(),
                    c.categoryCode(), c.quotaCode(), c.panelScore(), c.rank(), c.preSelected(),
                    pick == null ? c.selected() : pick.getValue(),
                    reason == null ? c.reason() : reason.getValue().isBlank() ? null : reason.getValue().trim(),
                    c.withdrawn(), recommend == null ? c.recommended() : recommend.getValue());
        }

        /** The approved amount of a candidate (read-only where the catalogue fixes it) and its reason. */
        VerticalLayout amountCell(EvaluationService.Candidate c) {
            VerticalLayout cell = new VerticalLayout();
            cell.setPadding(false);
            cell.setSpacing(false);
            cell.add(amountField(c), amountReasons.get(c.applicationId()));
            return cell;
        }

        /** The field of a candidate's approved amount, made (with its reason's) when first asked for. */
        BigDecimalField amountField(EvaluationService.Candidate c) {
            return amounts.computeIfAbsent(c.applicationId(), id -> {
                FundingLedger.AmountRule rule = ledger.amountRule(id);
                BigDecimalField field = new BigDecimalField();
                field.setValue(rule.proposed());
                field.setReadOnly(rule.fixed());
                field.setWidthFull();
                field.setHelperText(getTranslation(rule.fixed() ? "evaluation.amountFixed" : "evaluation.amountRequested",
                        Yuan.format(rule.requested())));
                TextField why = new TextField();
                why.setMaxLength(1000);
                why.setPlaceholder(getTranslation("evaluation.amountReasonPlaceholder"));
                why.setWidthFull();
                why.setVisible(!rule.fixed());
                amountReasons.put(id, why);
                return field;
            });
        }
    }
}
