package cn.kexie.capability.application;

import static cn.kexie.capability.document.Xhtml.text;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.document.Xhtml;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeOffice;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A call's yearly result list (年度立项名单 / 获奖名单): the recognised projects by category, with amounts where published. */
final class ResultListDocument {

    private ResultListDocument() {
    }

    /** What the list is called: 获奖名单 for award programmes, 立项名单 for the others. */
    static String kindName(Programme programme) {
        return "AWARD".equals(programme.kind()) ? "获奖名单" : "立项名单";
    }

    static String xhtml(Programme programme, Call call, ProgrammeOffice office, Map<String, String> categoryNames,
            List<Application> results, Function<Application, BigDecimal> amountOf) {
        boolean amounts = office.publishesAmounts();
        String title = call.year() + "年度" + programme.nameZh() + kindName(programme);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(text(title)).append("</h1>");
        b.append("<p class=\"subtitle\">").append(text(call.title())).append("</p>");
        Map<String, List<Application>> byCategory = new LinkedHashMap<>();
        for (Application a : results) {
            byCategory.computeIfAbsent(a.categoryCode(), k -> new java.util.ArrayList<>()).add(a);
        }
        if (results.isEmpty()) {
            b.append("<p class=\"center\">本年度尚无立项或获奖项目。</p>");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (var entry : byCategory.entrySet()) {
            b.append("<h2>").append(text(categoryNames.getOrDefault(entry.getKey(), entry.getKey())))
                    .append("（").append(entry.getValue().size()).append("项）</h2>");
            b.append("<table><thead><tr><th class=\"n\">序号</th><th class=\"no\">申报编号</th><th>申报单位</th><th>项目名称</th>");
            if (amounts) {
                b.append("<th class=\"amount\">金额（元）</th>");
            }
            b.append("</tr></thead><tbody>");
            int i = 0;
            for (Application a : entry.getValue()) {
                b.append("<tr><td class=\"center\">").append(++i).append("</td><td>").append(text(a.number()))
                        .append("</td><td>").append(text(a.organisationName())).append("</td><td>").append(text(a.title()))
                        .append("</td>");
                if (amounts) {
                    BigDecimal amount = amountOf.apply(a);
                    total = amount == null ? total : total.add(amount);
                    b.append("<td class=\"num\">").append(amount == null ? "—" : Xhtml.yuan(amount)).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<p>共 ").append(results.size()).append(" 项");
        if (amounts && !results.isEmpty()) {
            b.append("，金额合计 ").append(Xhtml.yuan(total)).append(" 元");
        }
        b.append("。</p>");
        b.append("<p class=\"issuer\">").append(text(office.issuerOr(programme.nameZh()))).append("<br />")
                .append(Xhtml.date(PlatformClock.today())).append("</p>");
        return Xhtml.document(title, CSS, b.toString());
    }

    static final String CSS = """
            th.n { width: 12mm; } th.amount { width: 30mm; }
            .issuer { text-align: right; margin-top: 10mm; }
            """;
}
