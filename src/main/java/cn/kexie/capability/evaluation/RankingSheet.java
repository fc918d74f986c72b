package cn.kexie.capability.evaluation;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A call's ranking as people read it, on screen and in Excel: the quota by name, rank, application,
 * panel score, whether the quota pre-selected it, whether it is selected, the office's reason for a
 * change, a withdrawal after the list's notice and, where the programme recommends to the province,
 * the recommendation.
 */
final class RankingSheet {

    private RankingSheet() {
    }

    /**
     * A quota by name: the category of that code, or the categories that share it (Xuzhou's three
     * 特色学会 categories share one quota).
     */
    static String quotaLabel(ProgrammeCatalogue catalogue, String programmeCode, String quotaCode, Locale locale) {
        List<Category> categories = catalogue.categories(programmeCode);
        return categories.stream().filter(c -> c.code().equals(quotaCode)).findFirst().map(c -> c.name(locale))
                .orElseGet(() -> {
                    String shared = categories.stream().filter(c -> quotaCode.equals(c.quotaCode()))
                            .map(c -> c.name(locale)).collect(Collectors.joining(Messages.isEnglish(locale) ? ", " : "、"));
                    return shared.isEmpty() ? quotaCode : shared;
                });
    }

    static String categoryLabel(ProgrammeCatalogue catalogue, String programmeCode, String categoryCode, Locale locale) {
        return catalogue.category(programmeCode, categoryCode).map(c -> c.name(locale)).orElse(categoryCode);
    }

    static ExcelTable<EvaluationService.Candidate> table(ProgrammeCatalogue catalogue, String programmeCode, Locale locale,
            String title, String subtitle) {
        boolean recommends = catalogue.requireProgramme(programmeCode).recommendsToProvince();
        String yes = Messages.get(locale, "common.yes");
        String no = Messages.get(locale, "common.no");
        ExcelTable<EvaluationService.Candidate> table = ExcelTable.<EvaluationService.Candidate>titled(title)
                .subtitle(subtitle)
                .text(Messages.get(locale, "evaluation.quotaColumn"), c -> quotaLabel(catalogue, programmeCode, c.quotaCode(), locale))
                .integer(Messages.get(locale, "evaluation.rank"), EvaluationService.Candidate::rank)
                .text(Messages.get(locale, "application.number"), EvaluationService.Candidate::number)
                .text(Messages.get(locale, "application.organisation"), EvaluationService.Candidate::organisation)
                .text(Messages.get(locale, "application.field.title"), EvaluationService.Candidate::title)
                .text(Messages.get(locale, "application.category"), c -> categoryLabel(catalogue, programmeCode, c.categoryCode(), locale))
                .score(Messages.get(locale, "application.panelScore"), EvaluationService.Candidate::panelScore)
                .text(Messages.get(locale, "evaluation.preSelected"), c -> c.preSelected() ? yes : no)
                .text(Messages.get(locale, "evaluation.selected"), c -> c.selected() ? yes : no)
                .text(Messages.get(locale, "evaluation.changed"), c -> c.selected() != c.preSelected() ? yes : no)
                .text(Messages.get(locale, "evaluation.reason"), EvaluationService.Candidate::reason)
                .text(Messages.get(locale, "evaluation.withdrawn"), c -> c.withdrawn() ? yes : no);
        if (recommends) {
            table.text(Messages.get(locale, "evaluation.recommended"), c -> c.recommended() ? yes : no);
        }
        return table;
    }
}
