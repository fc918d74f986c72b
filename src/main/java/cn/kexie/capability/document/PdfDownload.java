package cn.kexie.capability.document;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;

/**
 * A link that downloads a PDF document. The document is made when the link is followed, by the
 * given supplier, which must call the feature service that checks the caller's access again.
 */
public final class PdfDownload {

    public static final String CONTENT_TYPE = "application/pdf";

    private PdfDownload() {
    }

    public static Anchor anchor(String label, String fileName, SerializableSupplier<byte[]> content) {
        return anchor(label, resource(fileName, content));
    }

    /** The document as a resource the browser downloads; made anew each time it is asked for. */
    public static StreamResource resource(String fileName, SerializableSupplier<byte[]> content) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(content.get()));
        resource.setContentType(CONTENT_TYPE);
        resource.setCacheTime(0);
        return resource;
    }

    public static Anchor anchor(String label, StreamResource resource) {
        Anchor link = new Anchor(resource, label);
        link.getElement().setAttribute("download", true);
        link.getElement().setAttribute("router-ignore", true);
        link.addClassName("pdf-download");
        return link;
    }
}
