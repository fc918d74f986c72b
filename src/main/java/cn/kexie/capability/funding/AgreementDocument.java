package cn.kexie.capability.funding;

import static cn.kexie.capability.document.Xhtml.text;
import static cn.kexie.capability.document.Xhtml.textOrDash;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ProjectParticulars;
import cn.kexie.capability.document.Xhtml;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeOffice;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The 项目责任书 of an application: both parties (the programme's issuer and office, the applicant),
 * the approved amount in figures and in words, the project period, the targets from the application,
 * the mid-term check's date, the budget, both sides' duties, and signature and stamp blocks.
 */
final class AgreementDocument {

    private AgreementDocument() {
    }

    /** What the agreement says; {@code midterm} is null while the office has not set the date. */
    record Terms(Application app, Organisation applicant, Programme programme, ProgrammeOffice office,
            String categoryName, BigDecimal approvedAmount, ProjectParticulars particulars, LocalDate lastDay,
            LocalDate midterm) {

        /** The project's last day: the one the application gives, else the call's last day for its projects. */
        LocalDate projectEndsOn() {
            return particulars.endsOn() != null ? particulars.endsOn() : lastDay;
        }
    }

    static String xhtml(Terms t) {
        Application app = t.app();
        String issuer = t.office().issuerOr(t.programme().nameZh());
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"subtitle\">").append(text(t.programme().nameZh())).append("</p>");
        b.append("<h1>项目责任书</h1>");
        b.append("<table class=\"parties\">");
        row(b, "项目编号", text(app.number()));
        row(b, "项目名称", text(app.title()));
        row(b, "项目类别", text(t.categoryName()));
        row(b, "甲方（项目管理方）", text(issuer) + (t.office().officeName() == null ? ""
                : "<br /><span class=\"muted\">项目管理：" + text(t.office().officeName()) + "</span>"));
        row(b, "乙方（项目承担单位）", text(t.applicant().getName()) + contact(t));
        if (t.particulars().leadName() != null) {
            row(b, "项目负责人", text(t.particulars().leadName())
                    + (t.particulars().leadPosition() == null ? "" : "（" + text(t.particulars().leadPosition()) + "）"));
        }
        row(b, "核定金额", t.approvedAmount() == null ? "（由甲方核定）"
                : "人民币 " + Xhtml.yuan(t.approvedAmount()) + " 元（大写：" + Xhtml.yuanInWords(t.approvedAmount()) + "）");
        row(b, "项目实施期限", "自本责任书签订之日起至 " + Xhtml.date(t.projectEndsOn()) + " 止");
        row(b, "中期检查日期", t.midterm() == null ? "由甲方在确认本责任书时确定，并书面通知乙方"
                : Xhtml.date(t.midterm()));
        b.append("</table>");

        b.append("<p>为做好").append(text(t.programme().nameZh())).append("项目的实施和管理，经甲乙双方协商，签订本责任书。</p>");
        section(b, "一、项目目标", app.aims());
        section(b, "二、主要内容", app.content());
        section(b, "三、进度安排", app.schedule());
        section(b, "四、预期成果与考核指标", app.expectedResults());

        b.append("<h2>五、经费预算（元）</h2><table><thead><tr><th>支出科目</th><th class=\"amount\">金额</th><th>说明</th></tr></thead><tbody>");
        for (Application.BudgetLine line : app.budget()) {
            b.append("<tr><td>").append(text(line.item())).append("</td><td class=\"num\">").append(Xhtml.yuan(line.amountYuan()))
                    .append("</td><td>").append(text(line.note())).append("</td></tr>");
        }
        b.append("<tr><td>合计</td><td class=\"num\">").append(Xhtml.yuan(app.totalBudget())).append("</td><td></td></tr>");
        b.append("</tbody></table>");

        b.append("<h2>六、双方责任</h2>");
        b.append("<p>（一）甲方按程序向乙方拨付项目资金，对项目实施进行指导、监督和检查，组织中期检查和总结验收。</p>");
        b.append("<p>（二）乙方按本责任书组织实施项目，按计划进度和阶段目标推进，及时向甲方报告实施进度和成果，"
                + "按要求提交进展报告、总结报告和经费决算，接受中期检查和总结验收。</p>");
        b.append("<p>（三）项目资金纳入乙方财务统一管理，单独核算，专款专用，不得用于与本项目无关的支出；甲方对资金使用实行追踪问效。</p>");
        b.append("<p>（四）乙方弄虚作假、虚报业绩的，甲方收回已拨付的项目资金，并按计划规定取消其申报资格；"
                + "项目考核验收不合格的，甲方收回已拨付的项目资金，并按计划规定取消其申报资格。</p>");
        b.append("<h2>七、其他</h2>");
        b.append("<p>本责任书一式两份，甲乙双方各执一份，自双方负责人签字并加盖公章之日起生效。</p>");

        b.append("<table class=\"signatures\"><tr>")
                .append("<td>甲方：").append(text(issuer)).append("<br />负责人（签字）：<br />日期：　　　　年　　月　　日")
                .append("<div class=\"stamp\">甲方（盖章）</div></td>")
                .append("<td>乙方：").append(text(t.applicant().getName())).append("<br />负责人（签字）：<br />日期：　　　　年　　月　　日")
                .append("<div class=\"stamp\">乙方（盖章）</div></td>")
                .append("</tr></table>");
        return Xhtml.document("项目责任书 " + app.number(), CSS, b.toString());
    }

    static final String CSS = """
            .parties td:first-child { width: 42mm; background: #f4f4f4; }
            th.amount { width: 32mm; }
            """;

    /** The application's contact, else the register's. */
    private static String contact(Terms t) {
        boolean given = t.particulars().contactName() != null;
        String name = given ? t.particulars().contactName() : t.applicant().getContactName();
        String phone = given ? t.particulars().contactPhone() : t.applicant().getContactPhone();
        if ((name == null || name.isBlank()) && (phone == null || phone.isBlank())) {
            return "";
        }
        return "<br /><span class=\"muted\">联系人：" + textOrDash(name) + "　联系电话：" + textOrDash(phone) + "</span>";
    }

    private static void row(StringBuilder b, String label, String valueXhtml) {
        b.append("<tr><td>").append(text(label)).append("</td><td>").append(valueXhtml).append("</td></tr>");
    }

    private static void section(StringBuilder b, String heading, String value) {
        b.append("<h2>").append(text(heading)).append("</h2><p class=\"block\">").append(textOrDash(value)).append("</p>");
    }
}
