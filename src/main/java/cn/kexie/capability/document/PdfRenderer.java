package cn.kexie.capability.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Renders the platform's documents, XHTML built with {@link Xhtml}, to PDF with openhtmltopdf on
 * Apache PDFBox. Every document uses the one shipped font, WenQuanYi Micro Hei
 * ({@code src/main/resources/fonts/}), embedded as a subset with a ToUnicode map so that its
 * Chinese text can be searched and copied. Nothing is fetched: the templates name no external
 * resource and every user text in them is escaped.
 */
@Component
public class PdfRenderer {

    /** The font family name the templates' CSS uses. */
    public static final String FONT_FAMILY = "WenQuanYi Micro Hei";
    static final String FONT_RESOURCE = "/fonts/WenQuanYiMicroHei.ttf";

    private final byte[] font;

    static {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new RendererLog());
    }

    PdfRenderer() {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font missing: " + FONT_RESOURCE);
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as PDF bytes. */
    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // one face for every weight: bold text (headings, table heads) is drawn in the same face
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.withProducer("学会服务能力提升计划平台");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
