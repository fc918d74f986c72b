package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import org.springframework.web.util.HtmlUtils;

/** The 项目责任书 of an application, as a printable HTML page. */
final class AgreementDocument {

    private AgreementDocument() {
    }

    static String html(Application app) {
        StringBuilder budget = new StringBuilder();
        for (Application.BudgetLine line : app.budget()) {
            budget.append("<tr><td>").append(e(line.item())).append("</td><td style=\"text-align:right\">")
                    .append(line.amountYuan().toPlainString()).append("</td><td>")
                    .append(e(line.note() == null ? "" : line.note())).append("</td></tr>");
        }
        return """
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>项目责任书 %1$s</title>
                <style>body{font-family:serif;max-width:48em;margin:2em auto;line-height:1.7}
                table{border-collapse:collapse;width:100%%}td,th{border:1px solid #444;padding:.3em}</style></head><body>
                <h1 style="text-align:center">学会服务能力提升计划项目责任书</h1>
                <p>项目编号：%1$s</p><p>项目名称：%2$s</p><p>承担单位（乙方）：%3$s</p>
                <h2>一、项目目标</h2><p>%4$s</p>
                <h2>二、主要内容</h2><p>%5$s</p>
                <h2>三、进度安排</h2><p>%6$s</p>
                <h2>四、预期成果与考核指标</h2><p>%7$s</p>
                <h2>五、经费预算（元）</h2><table><tr><th>科目</th><th>金额</th><th>说明</th></tr>%8$s
                <tr><th>合计</th><th style="text-align:right">%9$s</th><th></th></tr></table>
                <h2>六、双方责任</h2>
                <p>乙方按本责任书组织实施项目，及时向专项办公室报告实施进度和成果，接受中期检查和总结验收。
                项目资金纳入单位财务统一管理，单独核算，专款专用，不得用于与本项目无关的支出。</p>
                <p>对弄虚作假、虚报业绩的，收回已拨付的项目资金，并按计划规定取消其申报资格；
                项目考核验收不合格的，收回已拨付的项目资金，并按计划规定取消其申报资格。</p>
                <p style="margin-top:4em">甲方（盖章）：　　　　　　　　　　乙方（盖章）：</p>
                <p>负责人签字：　　　　　　　　　　　负责人签字：</p>
                <p>日期：　　　年　　月　　日　　　　　日期：　　　年　　月　　日</p>
                </body></html>
                """.formatted(e(app.number()), e(app.title()), e(app.organisationName()), e(app.aims()),
                e(app.content()), e(app.schedule()), e(app.expectedResults()), budget, app.totalBudget().toPlainString());
    }

    private static String e(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s).replace("\n", "<br>");
    }
}
