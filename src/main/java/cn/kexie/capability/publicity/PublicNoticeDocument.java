package cn.kexie.capability.publicity;

import static cn.kexie.capability.document.Xhtml.text;

import cn.kexie.capability.document.Xhtml;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeOffice;
import java.time.LocalDate;
import java.util.List;

/**
 * The public notice (公示) as published: for each programme with projects under notice, the projects
 * with their notice period (Beijing dates) and, where the programme publishes them, their amounts;
 * how to lodge an objection; and the issuer.
 */
final class PublicNoticeDocument {

    private PublicNoticeDocument() {
    }

    /** The projects of one programme under notice, with who issues its notice. */
    record Section(Programme programme, ProgrammeOffice office, List<PublicNotice> notices) {
    }

    static String xhtml(List<Section> sections, LocalDate today) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>项目公示</h1>");
        if (sections.isEmpty()) {
            b.append("<p class=\"center\">目前没有正在公示的项目。</p>");
        }
        boolean first = true;
        for (Section section : sections) {
            if (!first) {
                b.append("<div class=\"next\"></div>");
            }
            first = false;
            String issuer = section.office().issuerOr(section.programme().nameZh());
            boolean amounts = section.office().publishesAmounts();
            b.append("<h2>").append(text(section.programme().nameZh())).append("项目公示</h2>");
            b.append("<p>经评审和研究，现将以下项目予以公示，公示期为 ").append(section.programme().publicityWorkingDays())
                    .append(" 个工作日（各项目的起止日期见下表，截止日当日24时结束）。</p>");
            b.append("<table class=\"notice\"><thead><tr><th class=\"n\">序号</th><th class=\"no\">项目编号</th><th class=\"category\">类别</th>"
                    + "<th>申报单位</th><th>项目名称</th>");
            if (amounts) {
                b.append("<th class=\"amount\">金额（元）</th>");
            }
            b.append("<th class=\"period\">公示期</th></tr></thead><tbody>");
            int i = 0;
            for (PublicNotice n : section.notices()) {
                b.append("<tr><td class=\"center\">").append(++i).append("</td><td>").append(text(n.applicationNumber()))
                        .append("</td><td>").append(text(n.categoryName())).append("</td><td>").append(text(n.organisationName()))
                        .append("</td><td>").append(text(n.title())).append("</td>");
                if (amounts) {
                    b.append("<td class=\"num\">").append(n.amountYuan() == null ? "—" : Xhtml.yuan(n.amountYuan())).append("</td>");
                }
                b.append("<td>").append(n.firstDay() == null ? "" : Xhtml.date(n.firstDay()) + "至<br />")
                        .append(Xhtml.date(n.lastDay())).append("</td></tr>");
            }
            b.append("</tbody></table>");
            b.append("<p>公示期内，任何单位或个人对公示项目有异议的，可实名提出，写明事实和理由：在本平台“项目公示”页面在线提交");
            if (section.office().officeContact() != null) {
                b.append("，或联系").append(text(section.office().officeContact()));
            } else if (section.office().officeName() != null) {
                b.append("，或向").append(text(issuer)).append(text(section.office().officeName())).append("书面反映");
            }
            b.append("。</p>");
            b.append("<p class=\"issuer\">").append(text(issuer)).append("<br />").append(Xhtml.date(today)).append("</p>");
        }
        return Xhtml.document("项目公示", CSS, b.toString());
    }

    static final String CSS = """
            table.notice { font-size: 10pt; }
            th.n { width: 9mm; } th.no { width: 34mm; } th.category { width: 22mm; } th.amount { width: 22mm; }
            th.period { width: 26mm; }
            .issuer { text-align: right; margin-top: 6mm; }
            .next { page-break-before: always; }
            """;
}
