package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.excel.ExcelWorkbook;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Score sheets as Excel workbooks: all sheets of one application (one row per expert, one column per
 * criterion, as the review conclusion shows them), and one expert's sheets (a summary row per
 * application, and every criterion's points on a second sheet). The data comes from
 * {@link ReviewService}, which checks who may read it.
 */
final class ScoreSheetExcel {

    private ScoreSheetExcel() {
    }

    /** The button that downloads every sheet of the application. */
    static ExcelDownload forApplication(ReviewService reviews, Application app) {
        long id = app.id();
        ExcelDownload download = new ExcelDownload(text("review.export.applicationFile", app.number()),
                () -> workbook -> matrix(workbook, reviews.sheetMatrix(id)));
        download.withText(text("review.export.applicationButton"));
        download.setId("export-score-sheets");
        return download;
    }

    /** Every sheet of one application: experts by criteria, with total, moment and comment. */
    static void matrix(ExcelWorkbook workbook, ReviewService.SheetMatrix matrix) {
        Locale locale = workbook.locale();
        Application app = matrix.application();
        BigDecimal panel = matrix.panelScore();
        List<String> about = new ArrayList<>();
        about.add(Messages.get(locale, "application.number") + " " + app.number());
        about.add(Messages.get(locale, "application.field.title") + " " + app.title());
        about.add(Messages.get(locale, "application.organisation") + " " + app.organisationName());
        if (!matrix.sheets().isEmpty()) {
            about.add(Messages.get(locale, "review.export.panelScore", panel.toPlainString(), matrix.sheets().size()));
        }
        ExcelTable<ReviewService.SubmittedSheet> table = ExcelTable.<ReviewService.SubmittedSheet>titled(
                        Messages.get(locale, "review.export.applicationTitle"))
                .subtitle(String.join(Messages.isEnglish(locale) ? "; " : "；", about))
                .text(Messages.get(locale, "form.conclusion.expert"), ReviewService.SubmittedSheet::expertName);
        for (ReviewService.Criterion c : matrix.criteria()) {
            table.score(Messages.get(locale, "review.export.criterionHeader", c.label(), c.maxPoints().stripTrailingZeros().toPlainString()),
                    sheet -> sheet.points().get(c.code()));
        }
        table.score(Messages.get(locale, "form.conclusion.total"), ReviewService.SubmittedSheet::total)
                .dateTime(Messages.get(locale, "review.export.submittedAt"), ReviewService.SubmittedSheet::submittedAt)
                .text(Messages.get(locale, "form.conclusion.comment"), ReviewService.SubmittedSheet::comment);
        workbook.sheet(table, matrix.sheets());
    }

    /** One expert's sheets: a summary row per application, then every criterion's points. */
    static void ofExpert(ExcelWorkbook workbook, String expertName, List<ReviewService.ExpertSheet> sheets,
            ProgrammeCatalogue catalogue) {
        Locale locale = workbook.locale();
        String title = Messages.get(locale, "review.export.expertTitle", expertName);
        String expert = Messages.get(locale, "review.export.expert", expertName);
        ExcelTable<ReviewService.ExpertSheet> summary = ExcelTable.<ReviewService.ExpertSheet>titled(title)
                .subtitle(expert)
                .text(Messages.get(locale, "application.number"), ReviewService.ExpertSheet::number)
                .text(Messages.get(locale, "application.field.title"), ReviewService.ExpertSheet::title)
                .text(Messages.get(locale, "application.organisation"), ReviewService.ExpertSheet::organisation)
                .text(Messages.get(locale, "application.programme"), s -> catalogue.programme(s.programmeCode())
                        .map(p -> p.name(locale)).orElse(s.programmeCode()))
                .text(Messages.get(locale, "application.category"), s -> catalogue.category(s.programmeCode(), s.categoryCode())
                        .map(c -> c.name(locale)).orElse(s.categoryCode()))
                .score(Messages.get(locale, "form.conclusion.total"), ReviewService.ExpertSheet::total)
                .dateTime(Messages.get(locale, "review.export.submittedAt"), ReviewService.ExpertSheet::submittedAt)
                .text(Messages.get(locale, "form.conclusion.comment"), ReviewService.ExpertSheet::comment);
        workbook.sheet(Messages.get(locale, "review.export.summarySheet"), summary, sheets);

        record Line(ReviewService.ExpertSheet sheet, ReviewService.Score score) {
        }
        List<Line> lines = new ArrayList<>();
        sheets.forEach(sheet -> sheet.scores().forEach(score -> lines.add(new Line(sheet, score))));
        ExcelTable<Line> details = ExcelTable.<Line>titled(title)
                .subtitle(expert)
                .text(Messages.get(locale, "application.number"), l -> l.sheet().number())
                .text(Messages.get(locale, "application.field.title"), l -> l.sheet().title())
                .text(Messages.get(locale, "review.export.criterion"), l -> l.score().label())
                .score(Messages.get(locale, "review.export.maxPoints"), l -> l.score().maxPoints())
                .score(Messages.get(locale, "review.export.points"), l -> l.score().points());
        workbook.sheet(Messages.get(locale, "review.export.detailSheet"), details, lines);
    }

    private static String text(String key, Object... args) {
        UI ui = UI.getCurrent();
        return Messages.get(ui == null ? Messages.CHINESE : ui.getLocale(), key, args);
    }
}
