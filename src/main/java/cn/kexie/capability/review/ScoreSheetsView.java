package cn.kexie.capability.review;

import cn.kexie.capability.application.ApplicationDetailView;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
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
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Score sheets by expert: an expert reads its own sheets; the office, managers and administrators
 * choose an expert and read that expert's sheets of their cities' projects. Each list downloads as
 * Excel with every criterion's points. {@link ReviewService#sheetsOfExpert} checks who asks.
 */
@Route("score-sheets")
@Menu(order = 40, title = "nav.scoreSheets")
@RolesAllowed({Roles.EXPERT, Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.ADMIN})
public class ScoreSheetsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

    private final ReviewService reviews;
    private final ProgrammeCatalogue catalogue;
    final ComboBox<ReviewService.Expert> expert = new ComboBox<>();
    final Grid<ReviewService.ExpertSheet> grid = new Grid<>(ReviewService.ExpertSheet.class, false);
    final Paragraph empty = new Paragraph();
    final ExcelDownload export;
    /** Whose sheets are shown: the expert itself, or the one the office chose. */
    private String shownExpert;
    private String shownName;

    public ScoreSheetsView(ReviewService reviews, ProgrammeCatalogue catalogue, CurrentUser currentUser) {
        this.reviews = reviews;
        this.catalogue = catalogue;
        setSizeFull();
        boolean reader = currentUser.hasAnyRole(ReviewService.SHEET_EXPORTERS);

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ReviewService.ExpertSheet::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
        grid.addColumn(ReviewService.ExpertSheet::title).setHeader(getTranslation("application.field.title")).setFlexGrow(1);
        grid.addColumn(ReviewService.ExpertSheet::organisation).setHeader(getTranslation("application.organisation"))
                .setAutoWidth(true);
        grid.addColumn(s -> catalogue.category(s.programmeCode(), s.categoryCode()).map(c -> c.name(getLocale()))
                .orElse(s.categoryCode())).setHeader(getTranslation("application.category")).setAutoWidth(true);
        grid.addColumn(s -> s.total().stripTrailingZeros().toPlainString()).setHeader(getTranslation("form.conclusion.total"))
                .setAutoWidth(true);
        grid.addColumn(s -> MINUTE.format(s.submittedAt())).setHeader(getTranslation("review.export.submittedAt"))
                .setAutoWidth(true);
        grid.addColumn(ReviewService.ExpertSheet::comment).setHeader(getTranslation("form.conclusion.comment")).setFlexGrow(2);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ApplicationDetailView.class,
                new RouteParameters("id", String.valueOf(click.getItem().applicationId())))));
        grid.setSizeFull();

        export = new ExcelDownload(getTranslation("review.export.expertFile", ""), () -> {
            String id = shownExpert;
            String name = shownName;
            return workbook -> ScoreSheetExcel.ofExpert(workbook, name == null ? "" : name,
                    id == null ? List.of() : reviews.sheetsOfExpert(id), catalogue);
        });
        export.setId("export-expert-sheets");

        Paragraph help = new Paragraph(getTranslation("review.sheets.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout bar = new HorizontalLayout();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (reader) {
            expert.setPlaceholder(getTranslation("review.sheets.expert"));
            expert.setItems(reviews.experts());
            expert.setItemLabelGenerator(ReviewService.Expert::name);
            expert.setClearButtonVisible(true);
            expert.setWidth("16em");
            expert.addValueChangeListener(change -> show(change.getValue() == null ? null : change.getValue().userId(),
                    change.getValue() == null ? null : change.getValue().name()));
            bar.add(expert);
        }
        bar.add(export);
        add(bar, help, empty, grid);
        if (reader) {
            show(null, null);
        } else {
            show(currentUser.requireId(), currentUser.displayName());
        }
    }

    void show(String expertId, String name) {
        shownExpert = expertId;
        shownName = name;
        List<ReviewService.ExpertSheet> sheets = expertId == null ? List.of() : reviews.sheetsOfExpert(expertId);
        grid.setItems(sheets);
        export.setEnabled(expertId != null);
        export.setFileName(getTranslation("review.export.expertFile", name == null ? "" : name));
        empty.setText(getTranslation(expertId == null ? "review.sheets.chooseExpert" : "review.sheets.none"));
        empty.setVisible(sheets.isEmpty());
        grid.setVisible(!sheets.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.scoreSheets");
    }
}
