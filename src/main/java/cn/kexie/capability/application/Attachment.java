package cn.kexie.capability.application;

import java.time.Instant;

/** A file of a dossier; the content is loaded separately. */
public record Attachment(long id, long applicationId, Kind kind, String fileName, String contentType, long sizeBytes,
        String sha256, String uploadedBy, Instant uploadedAt) {

    /** What a file is for. */
    public enum Kind {
        /** 申报书 and its supporting documents */
        APPLICATION,
        /** signed and stamped 项目责任书 */
        SIGNED_AGREEMENT,
        /** progress report material */
        PROGRESS,
        /** rectification report */
        RECTIFICATION,
        /** final summary report */
        SUMMARY,
        /** accounts of fund use */
        ACCOUNTS,
        /** breakthrough or brand-building case (Xuzhou FIRST_CLASS) */
        CASE,
        /** anything the office adds */
        OFFICE
    }
}
