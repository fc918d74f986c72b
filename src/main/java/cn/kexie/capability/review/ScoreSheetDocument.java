package cn.kexie.capability.review;

import static cn.kexie.capability.document.Xhtml.text;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.document.Xhtml;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The panel's score summary sheet (评审汇总表) of one application: the criteria as rows, one column per
 * expert with its points, the mean of each criterion and of the totals, the panel score as the
 * programme computes it (with five sheets or more, the highest and lowest totals dropped), the
 * experts' comments and room for the panel leader's signature.
 */
final class ScoreSheetDocument {

    private ScoreSheetDocument() {
    }

    static String xhtml(Application app, String programmeName, String categoryName,
            List<ReviewService.Criterion> criteria, List<ReviewService.SubmittedSheet> sheets, BigDecimal panelScore) {
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"subtitle\">").append(text(programmeName)).append("</p>");
        b.append("<h1>专家评审汇总表</h1>");
        b.append("<table class=\"facts\">");
        b.append("<tr><td>申报编号</td><td>").append(text(app.number())).append("</td><td>申报类别</td><td>")
                .append(text(categoryName)).append("</td></tr>");
        b.append("<tr><td>项目名称</td><td colspan=\"3\">").append(text(app.title())).append("</td></tr>");
        b.append("<tr><td>申报单位</td><td colspan=\"3\">").append(text(app.organisationName())).append("</td></tr>");
        b.append("</table>");

        b.append("<table class=\"scores\"><thead><tr><th class=\"criterion\">评审指标</th><th class=\"num\">满分</th>");
        for (ReviewService.SubmittedSheet sheet : sheets) {
            b.append("<th class=\"num\">").append(text(sheet.expertName())).append("</th>");
        }
        b.append("<th class=\"num\">平均分</th></tr></thead><tbody>");
        BigDecimal maxTotal = BigDecimal.ZERO;
        for (ReviewService.Criterion c : criteria) {
            maxTotal = maxTotal.add(c.maxPoints());
            b.append("<tr><td>").append(text(c.label())).append("</td><td class=\"num\">").append(Xhtml.points(c.maxPoints()))
                    .append("</td>");
            BigDecimal sum = BigDecimal.ZERO;
            int count = 0;
            for (ReviewService.SubmittedSheet sheet : sheets) {
                BigDecimal p = sheet.points().get(c.code());
                b.append("<td class=\"num\">").append(p == null ? "—" : Xhtml.points(p)).append("</td>");
                if (p != null) {
                    sum = sum.add(p);
                    count++;
                }
            }
            b.append("<td class=\"num\">").append(count == 0 ? "—" : mean(sum, count)).append("</td></tr>");
        }
        b.append("<tr class=\"total\"><td>合计</td><td class=\"num\">").append(Xhtml.points(maxTotal)).append("</td>");
        BigDecimal sumOfTotals = BigDecimal.ZERO;
        for (ReviewService.SubmittedSheet sheet : sheets) {
            sumOfTotals = sumOfTotals.add(sheet.total());
            b.append("<td class=\"num\">").append(Xhtml.points(sheet.total())).append("</td>");
        }
        b.append("<td class=\"num\">").append(sheets.isEmpty() ? "—" : mean(sumOfTotals, sheets.size())).append("</td></tr>");
        b.append("</tbody></table>");

        b.append("<p>评审专家 ").append(sheets.size()).append(" 人；专家组评分：")
                .append(panelScore == null ? "—" : Xhtml.points(panelScore));
        if (sheets.size() >= 5) {
            b.append("（去掉一个最高分和一个最低分后的平均分）");
        } else {
            b.append("（各专家合计分的平均分）");
        }
        b.append("。</p>");

        b.append("<h2>专家评审意见</h2><table class=\"comments\"><tbody>");
        for (ReviewService.SubmittedSheet sheet : sheets) {
            b.append("<tr><td>").append(text(sheet.expertName())).append("<br /><span class=\"muted\">")
                    .append(Xhtml.date(sheet.submittedAt())).append("</span></td><td>").append(text(sheet.comment()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<table class=\"signatures\"><tr><td>专家组组长（签字）：</td><td>日期：　　　　年　　月　　日</td></tr></table>");
        String css = CSS + (sheets.size() > 5 ? "@page { size: A4 landscape; }" : "");
        return Xhtml.document("专家评审汇总表 " + app.number(), css, b.toString());
    }

    private static String mean(BigDecimal sum, int count) {
        return Xhtml.points(sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
    }

    static final String CSS = """
            .facts td:nth-child(odd) { width: 24mm; background: #f4f4f4; }
            .scores th.num, .scores td.num { text-align: right; }
            .scores th.criterion { width: 34mm; }
            .scores tr.total td { background: #f4f4f4; }
            .comments td:first-child { width: 28mm; }
            """;
}
