package cn.kexie.capability.document;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;

/**
 * A link that downloads a PDF document. The document is made when the link is followed, by the
 * given supplier, which must call the feature service that checks the caller's access again.
 */
public class PdfDownload extends Anchor {

    public static final String CONTENT_TYPE = "application/pdf";

    private final StreamResource resource;

    PdfDownload(String label, StreamResource resource) {
        super(resource, label);
        this.resource = resource;
        getElement().setAttribute("download", true);
        getElement().setAttribute("router-ignore", true);
        addClassName("pdf-download");
    }

    /** The document the link downloads. */
    public StreamResource resource() {
        return resource;
    }

    public static PdfDownload anchor(String label, String fileName, SerializableSupplier<byte[]> content) {
        return anchor(label, resource(fileName, content));
    }

    public static PdfDownload anchor(String label, StreamResource resource) {
        return new PdfDownload(label, resource);
    }

    /** The document as a resource the browser downloads; made anew each time it is asked for. */
    public static StreamResource resource(String fileName, SerializableSupplier<byte[]> content) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(content.get()));
        resource.setContentType(CONTENT_TYPE);
        resource.setCacheTime(0);
        return resource;
    }
}
