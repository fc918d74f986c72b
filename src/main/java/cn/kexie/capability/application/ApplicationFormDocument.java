package cn.kexie.capability.application;

import static cn.kexie.capability.document.Xhtml.text;
import static cn.kexie.capability.document.Xhtml.textOrDash;

import cn.kexie.capability.document.Xhtml;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.programme.DeclaredField;
import cn.kexie.capability.programme.Programme;
import java.util.List;

/**
 * The 申报书 as the programmes' forms lay it out: the cover facts (申报单位, 项目名称, 项目负责人, 联系人),
 * aims, content, schedule, expected results, the budget table, the facts the category asks for, the
 * list of attached materials, and the applicant's declaration with room for its stamp and the date.
 */
final class ApplicationFormDocument {

    private ApplicationFormDocument() {
    }

    static String xhtml(Application app, ProjectParticulars particulars, Organisation org, Programme programme,
            String categoryName, List<DeclaredField> fields, List<Attachment> materials) {
        return xhtml(app, app.declared(), particulars, org, programme, categoryName, fields, materials);
    }

    /** As above, with the declared values as they are printed ({@code shown}: a county by its name, not its code). */
    static String xhtml(Application app, java.util.Map<String, Object> shown, ProjectParticulars particulars, Organisation org,
            Programme programme, String categoryName, List<DeclaredField> fields, List<Attachment> materials) {
        StringBuilder b = new StringBuilder();
        if (!app.submitted()) {
            b.append("<p class=\"draft\">草稿（尚未提交）</p>");
        }
        b.append("<p class=\"subtitle\">").append(text(programme.nameZh())).append("</p>");
        b.append("<h1>项目申报书</h1>");
        b.append("<p class=\"subtitle\">（").append(app.callYear()).append("年度）</p>");

        b.append("<table class=\"cover\">");
        row(b, "申报编号", text(app.number()));
        row(b, "申报类别", text(categoryName));
        row(b, "项目名称", text(app.title()));
        row(b, "申报单位", text(org.getName()));
        row(b, "项目负责人", (particulars.leadName() == null ? "" : text(particulars.leadName())
                + (particulars.leadPosition() == null ? "" : "（" + text(particulars.leadPosition()) + "）") + "　")
                + "<span class=\"fill\">（签字）</span>");
        row(b, "联系人", textOrDash(particulars.contactName() != null ? particulars.contactName() : org.getContactName()));
        row(b, "联系电话", textOrDash(particulars.contactPhone() != null ? particulars.contactPhone() : org.getContactPhone()));
        if (particulars.startsOn() != null && particulars.endsOn() != null) {
            row(b, "项目起止日期", Xhtml.date(particulars.startsOn()) + " 至 " + Xhtml.date(particulars.endsOn()));
        }
        row(b, "申请资助金额", Xhtml.yuan(app.totalBudget()) + " 元");
        if (particulars.ownFundsYuan() != null) {
            row(b, "自筹经费", Xhtml.yuan(particulars.ownFundsYuan()) + " 元");
        }
        row(b, "提交日期", app.submittedAt() == null ? "尚未提交" : Xhtml.date(app.submittedAt()));
        b.append("</table>");

        section(b, "一、项目目标", app.aims());
        section(b, "二、主要内容", app.content());
        section(b, "三、进度安排", app.schedule());
        section(b, "四、预期成果与考核指标", app.expectedResults());

        b.append("<h2>五、经费预算表</h2>");
        b.append("<table><thead><tr><th class=\"n\">序号</th><th>支出科目</th><th class=\"amount\">金额（元）</th><th>说明</th></tr></thead><tbody>");
        int i = 0;
        for (Application.BudgetLine line : app.budget()) {
            b.append("<tr><td class=\"center\">").append(++i).append("</td><td>").append(text(line.item()))
                    .append("</td><td class=\"num\">").append(Xhtml.yuan(line.amountYuan())).append("</td><td>")
                    .append(text(line.note())).append("</td></tr>");
        }
        if (app.budget().isEmpty()) {
            b.append("<tr><td colspan=\"4\" class=\"center\">（未填写）</td></tr>");
        }
        b.append("<tr><td></td><td>合计</td><td class=\"num\">").append(Xhtml.yuan(app.totalBudget()))
                .append("</td><td></td></tr></tbody></table>");

        if (!fields.isEmpty() || !shown.isEmpty()) {
            b.append("<h2>六、申报条件声明</h2><table>");
            for (DeclaredField field : fields) {
                row(b, field.labelZh(), declared(field, shown.get(field.name())));
            }
            for (var entry : shown.entrySet()) {
                if (fields.stream().noneMatch(f -> f.name().equals(entry.getKey()))) {
                    row(b, entry.getKey(), text(String.valueOf(entry.getValue())));
                }
            }
            b.append("</table>");
        }

        b.append("<h2>").append(fields.isEmpty() && app.declared().isEmpty() ? "六" : "七").append("、附件清单</h2>");
        b.append("<table><thead><tr><th class=\"n\">序号</th><th>附件名称</th><th class=\"date\">上传日期</th></tr></thead><tbody>");
        int n = 0;
        for (Attachment a : materials) {
            b.append("<tr><td class=\"center\">").append(++n).append("</td><td>").append(text(a.fileName()))
                    .append("</td><td>").append(Xhtml.date(a.uploadedAt())).append("</td></tr>");
        }
        if (materials.isEmpty()) {
            b.append("<tr><td colspan=\"3\" class=\"center\">（无）</td></tr>");
        }
        b.append("</tbody></table>");

        b.append("<h2>").append(fields.isEmpty() && app.declared().isEmpty() ? "七" : "八").append("、申报单位承诺</h2>");
        b.append("<p>本单位承诺：申报书所填内容及所附材料真实、完整，电子版与纸质版完全一致；如获立项，将按计划组织实施，"
                + "项目资金专款专用，接受专项办公室的监督检查。</p>");
        b.append("<table class=\"signatures\"><tr><td>单位负责人（签字）：<br />经办人（签字）：<br />日期：　　　　年　　月　　日</td>"
                + "<td><div class=\"stamp\">申报单位（盖章）</div></td></tr></table>");
        return Xhtml.document("项目申报书 " + app.number(), CSS, b.toString());
    }

    static final String CSS = """
            .cover .label, .cover td:first-child { width: 30mm; background: #f4f4f4; }
            th.n { width: 12mm; } th.amount { width: 32mm; } th.date { width: 34mm; }
            .fill { color: #777; }
            .draft { text-align: center; color: #a00; font-size: 13pt; border: 1pt solid #a00; padding: 1mm; }
            """;

    private static void row(StringBuilder b, String label, String valueXhtml) {
        b.append("<tr><td class=\"label\">").append(text(label)).append("</td><td>").append(valueXhtml).append("</td></tr>");
    }

    private static void section(StringBuilder b, String heading, String value) {
        b.append("<h2>").append(text(heading)).append("</h2><p class=\"block\">").append(textOrDash(value)).append("</p>");
    }

    private static String declared(DeclaredField field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return "（未填写）";
        }
        if (field.type() == DeclaredField.Type.BOOLEAN) {
            return Boolean.TRUE.equals(value) ? "是" : "否";
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return String.valueOf(number.longValue());
        }
        return text(String.valueOf(value));
    }
}
