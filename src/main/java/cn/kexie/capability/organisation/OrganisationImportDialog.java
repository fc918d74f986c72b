package cn.kexie.capability.organisation;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelImportFile;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import org.springframework.security.access.AccessDeniedException;

/**
 * Upload an .xlsx of organisations: the import template one click away, and after an upload either
 * what was imported, or every problem of the file listed (nothing imported) until the next upload.
 */
class OrganisationImportDialog extends Dialog {

    private final OrganisationImport imports;
    private final Runnable imported;
    final Upload upload;
    final Div problems = new Div();
    final Paragraph refused = new Paragraph();
    final UnorderedList lines = new UnorderedList();

    OrganisationImportDialog(OrganisationImport imports, Runnable imported) {
        this.imports = imports;
        this.imported = imported;
        setHeaderTitle(getTranslation("organisation.import.title"));
        setWidth("46em");
        ExcelDownload template = new ExcelDownload(getTranslation("organisation.import.templateFile"),
                () -> imports::template).withText(getTranslation("organisation.import.templateButton"));
        template.setId("organisation-import-template");

        InMemoryUploadHandler handler = new InMemoryUploadHandler((metadata, bytes) -> received(metadata.fileName(), bytes)) {
            @Override
            public long getFileSizeMax() {
                // the server stops reading a larger file at once, whatever the browser let through
                return ExcelImportFile.MAX_BYTES;
            }
        };
        upload = new Upload(handler);
        upload.setId("organisation-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ExcelImportFile.MAX_BYTES);
        upload.setAcceptedFileTypes(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setDropAllowed(true);
        String megabytes = String.valueOf(ExcelImportFile.MAX_BYTES / 1024 / 1024);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("organisation.import.upload")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("organisation.import.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("organisation.import.uploadTooBig", megabytes))
                .setIncorrectFileType(getTranslation("organisation.import.uploadType"))
                .setTooManyFiles(getTranslation("form.upload.one")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("form.upload.connecting"))
                        .setStalled(getTranslation("form.upload.stalled"))
                        .setProcessing(getTranslation("form.upload.processing"))
                        .setHeld(getTranslation("form.upload.held")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("form.upload.failed"))
                        .setUnexpectedServerError(getTranslation("form.upload.failed"))
                        .setForbidden(getTranslation("form.upload.failed")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("form.upload.remaining"))
                        .setUnknown(getTranslation("form.upload.remainingUnknown"))));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(rejected -> {
            // the problems shown were another file's
            problems.setVisible(false);
            Notifications.error(getTranslation("form.upload.rejected", rejected.getFileName(), rejected.getErrorMessage()));
        });

        refused.setText(getTranslation("organisation.import.refused"));
        refused.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600").set("margin", "0");
        lines.getStyle().set("color", "var(--lumo-error-text-color)").set("margin-top", "var(--lumo-space-xs)");
        problems.add(refused, lines);
        problems.setId("organisation-import-problems");
        problems.getStyle().set("max-height", "18em").set("overflow", "auto");
        problems.setVisible(false);

        add(new Paragraph(getTranslation("organisation.import.help", megabytes, String.valueOf(OrganisationImport.MAX_ROWS))),
                template, upload, problems);
        getFooter().add(new Button(getTranslation("organisation.import.close"), click -> close()));
    }

    /** Imports the file; shows every problem, or closes with what was imported. */
    void received(String fileName, byte[] content) {
        lines.removeAll();
        try {
            OrganisationImport.Result result = imports.importWorkbook(content, fileName);
            problems.setVisible(false);
            upload.clearFileList();
            Notifications.success(getTranslation("organisation.import.done", result.created(), result.updated(),
                    result.unchanged()));
            imported.run();
            close();
        } catch (UserError refusal) {
            for (String line : Messages.describe(getLocale(), refusal).split("\n")) {
                lines.add(new ListItem(line));
            }
            problems.setVisible(true);
            upload.clearFileList();
        } catch (AccessDeniedException denied) {
            Notifications.error(getTranslation("common.error.forbidden"));
        }
    }
}
