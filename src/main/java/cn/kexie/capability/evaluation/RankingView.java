package cn.kexie.capability.evaluation;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 综合评定排名: the ranking of one intake of a yearly call, for the office, managers, the leading
 * group and administrators of the call's city: before the office's evaluation the quota pre-applied
 * to the panel scores, afterwards the result with every change and its reason, and withdrawals after
 * the list's notice. Downloads as Excel. {@link EvaluationService#rankingOf} checks who asks.
 */
@Route("rankings")
@Menu(order = 37, title = "nav.rankings")
@RolesAllowed({Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.LEADING_GROUP, Roles.ADMIN})
public class RankingView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final EvaluationService evaluation;
    private final ProgrammeCatalogue catalogue;
    final ComboBox<Programme> programme = new ComboBox<>();
    final ComboBox<Call> call = new ComboBox<>();
    final ComboBox<EvaluationService.Intake> intake = new ComboBox<>();
    final Paragraph state = new Paragraph();
    final Grid<EvaluationService.Candidate> grid = new Grid<>(EvaluationService.Candidate.class, false);
    final ExcelDownload export;
    private Grid.Column<EvaluationService.Candidate> recommendedColumn;

    public RankingView(EvaluationService evaluation, ProgrammeCatalogue catalogue) {
        this.evaluation = evaluation;
        this.catalogue = catalogue;
        setSizeFull();
        // the programmes whose calls rank their applications: those with a call process of their own
        programme.setItems(catalogue.programmesOfMyCities().stream().filter(p -> p.callProcessKey() != null).toList());
        programme.setItemLabelGenerator(p -> p.name(getLocale()));
        programme.setPlaceholder(getTranslation("evaluation.ranking.programme"));
        programme.setWidth("18em");
        call.setItemLabelGenerator(c -> String.valueOf(c.year()));
        call.setPlaceholder(getTranslation("evaluation.ranking.call"));
        call.setWidth("8em");
        intake.setPlaceholder(getTranslation("evaluation.ranking.intake"));
        intake.setWidth("26em");
        programme.addValueChangeListener(change -> {
            call.clear();
            List<Call> calls = change.getValue() == null ? List.of() : catalogue.calls(change.getValue().code());
            call.setItems(calls);
            // the latest call first: the one an office ranks now
            calls.stream().max(java.util.Comparator.comparingInt(Call::year)).ifPresent(call::setValue);
        });
        call.addValueChangeListener(change -> {
            intake.clear();
            List<EvaluationService.Intake> intakes = change.getValue() == null ? List.of() : evaluation.intakes(change.getValue().id());
            intake.setItems(intakes);
            if (intakes.size() == 1) {
                intake.setValue(intakes.get(0));
            }
        });
        intake.setItemLabelGenerator(i -> getTranslation("evaluation.ranking.intakeLabel", i.key(), i.categories().stream()
                .map(c -> RankingSheet.categoryLabel(catalogue, programme.getValue().code(), c, getLocale()))
                .collect(Collectors.joining("、"))));
        intake.addValueChangeListener(change -> show());

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> RankingSheet.quotaLabel(catalogue, programme.getValue().code(), c.quotaCode(), getLocale()))
                .setHeader(getTranslation("evaluation.quotaColumn")).setAutoWidth(true);
        grid.addColumn(EvaluationService.Candidate::rank).setHeader(getTranslation("evaluation.rank")).setAutoWidth(true);
        grid.addColumn(EvaluationService.Candidate::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
        grid.addColumn(EvaluationService.Candidate::organisation).setHeader(getTranslation("application.organisation"))
                .setAutoWidth(true);
        grid.addColumn(EvaluationService.Candidate::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
        grid.addColumn(c -> c.panelScore() == null ? "" : c.panelScore().toPlainString())
                .setHeader(getTranslation("application.panelScore")).setAutoWidth(true);
        grid.addColumn(c -> yesNo(c.preSelected())).setHeader(getTranslation("evaluation.preSelected")).setAutoWidth(true);
        grid.addColumn(c -> yesNo(c.selected())).setHeader(getTranslation("evaluation.selected")).setAutoWidth(true);
        grid.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader(getTranslation("evaluation.reason")).setFlexGrow(1);
        grid.addColumn(c -> yesNo(c.withdrawn())).setHeader(getTranslation("evaluation.withdrawn"))
                .setAutoWidth(true);
        recommendedColumn = grid.addColumn(c -> yesNo(c.recommended()))
                .setHeader(getTranslation("evaluation.recommended")).setAutoWidth(true);
        grid.setSizeFull();

        export = new ExcelDownload(getTranslation("evaluation.export.file"), () -> {
            Programme p = programme.getValue();
            Call c = call.getValue();
            EvaluationService.Intake i = intake.getValue();
            if (p == null || c == null || i == null) {
                return workbook -> { };
            }
            ExcelTable<EvaluationService.Candidate> table = RankingSheet.table(catalogue, p.code(), getLocale(),
                    getTranslation("evaluation.export.title"), describe(p, c, i));
            return workbook -> workbook.sheet(table, evaluation.rankingOf(c.id(), i.key()).candidates());
        });
        HorizontalLayout filters = new HorizontalLayout(programme, call, intake, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, state, grid);
        if (programme.getListDataView().getItemCount() == 1) {
            programme.setValue(programme.getListDataView().getItem(0));
        }
        show();
    }

    void show() {
        EvaluationService.Intake chosen = intake.getValue();
        export.setEnabled(chosen != null);
        if (chosen == null || call.getValue() == null) {
            grid.setItems(List.of());
            grid.setVisible(false);
            state.setText(getTranslation("evaluation.ranking.choose"));
            return;
        }
        EvaluationService.Ranking ranking = evaluation.rankingOf(call.getValue().id(), chosen.key());
        recommendedColumn.setVisible(programme.getValue().recommendsToProvince());
        grid.setItems(ranking.candidates());
        grid.setVisible(!ranking.candidates().isEmpty());
        if (ranking.candidates().isEmpty()) {
            state.setText(getTranslation("evaluation.ranking.none"));
        } else if (ranking.evaluated()) {
            state.setText(getTranslation("evaluation.ranking.evaluated",
                    ranking.decidedAt() == null ? "" : MINUTE.format(ranking.decidedAt())));
        } else {
            state.setText(getTranslation("evaluation.ranking.notEvaluated"));
        }
    }

    private String describe(Programme p, Call c, EvaluationService.Intake i) {
        List<String> parts = new ArrayList<>();
        parts.add(p.name(getLocale()) + " " + c.year());
        parts.add(getTranslation("evaluation.export.intake", i.key()));
        parts.add(state.getText());
        return String.join(cn.kexie.capability.common.Messages.isEnglish(getLocale()) ? "; " : "；", parts);
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "common.yes" : "common.no");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.rankings");
    }
}
