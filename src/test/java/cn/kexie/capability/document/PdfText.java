package cn.kexie.capability.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF as a test reads it: its text as PDFBox extracts it (Chinese comes out only through the
 * embedded font's ToUnicode map), its pages, and the fonts its pages use.
 */
public record PdfText(String text, int pages, List<String> fonts, boolean allFontsEmbedded, String title) {

    public static PdfText of(byte[] pdf) {
        assertThat(pdf).as("a PDF").isNotEmpty();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            List<String> fonts = new ArrayList<>();
            boolean embedded = true;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    embedded &= font.isEmbedded();
                }
            }
            return new PdfText(text, document.getNumberOfPages(), fonts, embedded,
                    document.getDocumentInformation().getTitle());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a download link hands the browser, as the current Vaadin session would write it. */
    public static byte[] download(com.vaadin.flow.server.StreamResource resource) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            resource.getWriter().accept(out, com.vaadin.flow.server.VaadinSession.getCurrent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The text with all white space taken out (ideographic spaces too), so that a line break inside
     * a phrase does not matter.
     */
    public String compact() {
        return text.replaceAll("[\\s\u3000]+", "");
    }

    /** Asserts that the document embeds the shipped Chinese font, and nothing but embedded fonts. */
    public PdfText assertEmbeddedChineseFont() {
        assertThat(fonts).as("fonts of the pages").isNotEmpty()
                .allSatisfy(f -> assertThat(f).contains("WenQuanYiMicroHei"));
        assertThat(allFontsEmbedded).as("every font embedded").isTrue();
        return this;
    }
}
