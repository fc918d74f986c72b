package cn.kexie.capability.application;

import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import com.vaadin.flow.function.SerializableBiConsumer;

/**
 * An upload field for one dossier file at a time: the browser offers and accepts only the types
 * {@link AttachmentService} accepts, up to its size limit; the service checks name, size and
 * content again when the file is stored. A file the browser refuses is reported with the reason.
 * The box empties after each file, stored, refused or failed, so that the next one can be chosen
 * without first removing the last (the form lists what it received).
 */
public final class AttachmentUpload {

    /** The endings {@link AttachmentService} accepts, for the browser's file chooser. */
    public static final String[] ACCEPTED = {".pdf", ".png", ".jpg", ".jpeg", ".doc", ".docx", ".xls", ".xlsx"};

    private AttachmentUpload() {
    }

    /**
     * An upload that hands each received file (name and bytes) to {@code received}, in the UI's
     * lock, as the user who uploaded it.
     */
    public static Upload create(Component owner, SerializableBiConsumer<String, byte[]> received) {
        InMemoryUploadHandler handler = new InMemoryUploadHandler((metadata, bytes) ->
                received.accept(metadata.fileName(), bytes)) {
            @Override
            public long getFileSizeMax() {
                // the server stops reading a larger file at once, whatever the browser let through
                return AttachmentService.MAX_BYTES;
            }
        };
        Upload upload = new Upload(handler);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(AttachmentService.MAX_BYTES);
        upload.setAcceptedFileTypes(ACCEPTED);
        upload.setDropAllowed(true);
        String megabytes = String.valueOf(AttachmentService.MAX_BYTES / 1024 / 1024);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(owner.getTranslation("form.upload.button"))
                .setMany(owner.getTranslation("form.upload.button")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(owner.getTranslation("form.upload.drop"))
                .setMany(owner.getTranslation("form.upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(owner.getTranslation("form.upload.tooBig", megabytes))
                .setIncorrectFileType(owner.getTranslation("form.upload.type"))
                .setTooManyFiles(owner.getTranslation("form.upload.one")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(owner.getTranslation("form.upload.connecting"))
                        .setStalled(owner.getTranslation("form.upload.stalled"))
                        .setProcessing(owner.getTranslation("form.upload.processing"))
                        .setHeld(owner.getTranslation("form.upload.held")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(owner.getTranslation("form.upload.failed"))
                        .setUnexpectedServerError(owner.getTranslation("form.upload.failed"))
                        .setForbidden(owner.getTranslation("form.upload.failed")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(owner.getTranslation("form.upload.remaining"))
                        .setUnknown(owner.getTranslation("form.upload.remainingUnknown"))));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(rejected -> {
            upload.clearFileList();
            Notifications.error(owner.getTranslation("form.upload.rejected", rejected.getFileName(), rejected.getErrorMessage()));
        });
        // the form shows what it received (the dossier's files, or the chosen file), so the box is
        // emptied after each file, stored or refused: one file at a time, and the next one can follow
        upload.addAllFinishedListener(finished -> upload.clearFileList());
        return upload;
    }

    /** The upload under a label like a field's, with the accepted files as hint and what follows below. */
    public static Div labelled(Component owner, String label, Upload upload, Component... below) {
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500");
        Span hint = new Span(owner.getTranslation("form.upload.accepted",
                String.valueOf(AttachmentService.MAX_BYTES / 1024 / 1024)));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        Div box = new Div(caption, upload, hint);
        box.add(below);
        box.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        return box;
    }
}
