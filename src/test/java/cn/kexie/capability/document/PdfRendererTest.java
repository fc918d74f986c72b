package cn.kexie.capability.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The renderer embeds the shipped font so that Chinese text can be extracted; user text is only ever text. */
class PdfRendererTest {

    final PdfRenderer renderer = new PdfRenderer();

    @Test
    void chineseTextComesBackFromTheEmbeddedFont() {
        byte[] pdf = renderer.render(Xhtml.document("测试文档", null,
                "<h1>郴州市科协学会服务能力提升计划</h1><p>" + Xhtml.text("项目责任书：鑫淼燚（甲方）与 乙方\n第二行") + "</p>"
                        + "<p style=\"font-weight: bold\">加粗的字</p>"));
        PdfText read = PdfText.of(pdf).assertEmbeddedChineseFont();
        assertThat(read.compact()).contains("郴州市科协学会服务能力提升计划", "项目责任书：鑫淼燚（甲方）与乙方", "第二行",
                "加粗的字", "第1页，共1页");
        // one subset of the one face, whatever the weight asked for
        assertThat(read.fonts()).hasSize(1);
        assertThat(read.title()).isEqualTo("测试文档");
        // a subset: far smaller than the 4.6 MB font
        assertThat(pdf.length).isLessThan(200_000);
    }

    @Test
    void markupInAUsersTextIsPrintedAsText() {
        String hostile = "<script>alert(1)</script><img src=\"http://example.invalid/x.png\"/>&amp; ' \" \u0000\u0007end";
        byte[] pdf = renderer.render(Xhtml.document("<b>标题</b>", null, "<p>" + Xhtml.text(hostile) + "</p>"));
        PdfText read = PdfText.of(pdf);
        assertThat(read.text()).contains("<script>alert(1)</script><img src=\"http://example.invalid/x.png\"/>&amp; ' \"");
        assertThat(read.text()).contains("end");
        assertThat(read.title()).isEqualTo("<b>标题</b>");
    }

    @Test
    void textEscapesMarkupAndDropsWhatXmlCannotCarry() {
        assertThat(Xhtml.text("a<b>&\"'\n\u0001\u007f\u0085c\uD83D\uDE00")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;<br />c\uD83D\uDE00");
        assertThat(Xhtml.text("\uD800x")).isEqualTo("x");
        assertThat(Xhtml.text(null)).isEmpty();
        assertThat(Xhtml.date(LocalDate.of(2026, 5, 8))).isEqualTo("2026年5月8日");
        assertThat(Xhtml.yuan(new BigDecimal("50000"))).isEqualTo("50,000.00");
        assertThat(Xhtml.points(new BigDecimal("84.30"))).isEqualTo("84.3");
    }

    @Test
    void amountsInCapitalNumeralsAsAgreementsWriteThem() {
        String[][] cases = {
            {"50000", "伍万元整"}, {"30000.00", "叁万元整"}, {"12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"},
            {"100005", "壹拾万零伍元整"}, {"1000500", "壹佰万零伍佰元整"}, {"100000005", "壹亿零伍元整"},
            {"120000005", "壹亿贰仟万零伍元整"}, {"100050000", "壹亿零伍万元整"}, {"1010", "壹仟零壹拾元整"},
            {"8000", "捌仟元整"}, {"2000.5", "贰仟元伍角"}, {"3000.05", "叁仟元零伍分"}, {"0.07", "柒分"}, {"0", "零元整"},
            {"10", "壹拾元整"}, {"100000000", "壹亿元整"}};
        for (String[] c : cases) {
            assertThat(Xhtml.yuanInWords(new BigDecimal(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
    }
}
