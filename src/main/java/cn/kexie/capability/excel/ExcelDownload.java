package cn.kexie.capability.excel;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * An "导出 Excel" button that downloads a workbook named {@code <name>-<yyyy-MM-dd>.xlsx} (the day in
 * Asia/Shanghai), such as {@code 申报列表-2026-11-29.xlsx}.
 *
 * <p>The download is its own request, answered outside the UI's lock and as the logged-in user. So
 * the workbook is made in two steps: {@code prepare} runs first, under the UI's lock, and reads what
 * the view shows now (its filters, the tab chosen, values typed); the {@link Content} it returns then
 * fills the workbook through the same service calls the view makes, so the services' checks of the
 * caller (cities, need-to-know) apply to the export exactly as to the list. A refusal is answered
 * with 403 and shown to the user; nothing half-written is sent.
 *
 * <pre>{@code
 * add(new ExcelDownload(getTranslation("payments.file"), () -> {
 *     PaymentFilter filter = currentFilter();          // under the lock: what the view shows
 *     return workbook -> workbook.sheet(table(workbook.locale()),
 *             ExcelRows.paged((offset, limit) -> payments.search(filter, offset, limit)));
 * }));
 * }</pre>
 */
public class ExcelDownload extends Anchor {

    private static final Logger log = LoggerFactory.getLogger(ExcelDownload.class);

    /** What fills the workbook, once the view's state has been read. */
    @FunctionalInterface
    public interface Content extends Serializable {
        void fill(ExcelWorkbook workbook);
    }

    private String fileName;
    private final SerializableSupplier<Content> prepare;
    final Button button;

    /**
     * @param fileName the file's name without day and ending, in the UI's language (申报列表)
     * @param prepare  reads the view's state under the UI's lock and returns what fills the workbook
     */
    public ExcelDownload(String fileName, SerializableSupplier<Content> prepare) {
        this.fileName = fileName;
        this.prepare = prepare;
        this.button = new Button(getTranslation("excel.export"), VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(button);
        setHref(new Handler(), AttachmentType.DOWNLOAD);
        getElement().setAttribute("title", getTranslation("excel.exportHelp"));
    }

    /** Sets the button's text (the default is 导出 Excel). */
    public ExcelDownload withText(String text) {
        button.setText(text);
        return this;
    }

    /** Changes the file's name (without day and ending), for a view whose list changes its subject. */
    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    /** The file's name as the browser saves it. */
    public String fileName() {
        return fileName + "-" + PlatformClock.today() + ".xlsx";
    }

    /**
     * The workbook the button downloads now, as bytes of an .xlsx file: for the views' tests, which
     * hold the UI already, and read what they export exactly as the download makes it.
     */
    public byte[] content() {
        Content content = prepare.get();
        try (ExcelWorkbook workbook = new ExcelWorkbook(locale())) {
            content.fill(workbook);
            return workbook.toBytes();
        }
    }

    private Locale locale() {
        return getUI().map(UI::getLocale).orElseGet(() -> UI.getCurrent() == null ? Messages.CHINESE : UI.getCurrent().getLocale());
    }

    /**
     * Reads the view's state as the UI's own work: under the session's lock (the download request does
     * not hold it), with the UI current, so that texts come in the UI's language.
     */
    private Content prepared(UI ui) {
        if (ui == null) {
            return prepare.get();
        }
        AtomicReference<Content> content = new AtomicReference<>();
        ui.accessSynchronously(() -> content.set(prepare.get()));
        return content.get();
    }

    private final class Handler implements DownloadHandler {

        @Override
        public void handleDownloadRequest(DownloadEvent event) throws IOException {
            Locale locale = event.getUI() == null ? Messages.CHINESE : event.getUI().getLocale();
            try (ExcelWorkbook workbook = new ExcelWorkbook(locale)) {
                try {
                    prepared(event.getUI()).fill(workbook);
                } catch (UserError refused) {
                    refuse(event, 400, Messages.describe(locale, refused));
                    return;
                } catch (AccessDeniedException denied) {
                    refuse(event, 403, Messages.get(locale, "common.error.forbidden"));
                    return;
                }
                event.setFileName(fileName());
                event.setContentType(ExcelWorkbook.CONTENT_TYPE);
                try (OutputStream out = event.getOutputStream()) {
                    workbook.writeTo(out);
                }
            } catch (IOException | RuntimeException failed) {
                log.error("Excel export {} failed", fileName, failed);
                throw failed;
            }
        }

        private void refuse(DownloadEvent event, int status, String message) {
            event.getResponse().setStatus(status);
            UI ui = event.getUI();
            if (ui != null) {
                ui.access(() -> Notifications.error(message));
            }
        }
    }
}
