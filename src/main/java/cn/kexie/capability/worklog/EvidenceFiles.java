package cn.kexie.capability.worklog;

import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.application.FileRules;
import cn.kexie.capability.common.UserError.Problem;
import java.time.Instant;
import java.util.List;

/** A work record's evidence (佐证材料): the platform's {@link FileRules}, at most {@link #MAX_PER_RECORD} per record. */
final class EvidenceFiles {

    static final int MAX_BYTES = AttachmentService.MAX_BYTES;
    static final int MAX_PER_RECORD = 20;

    /** A file as uploaded, not yet stored. */
    record Upload(String fileName, byte[] content) {
    }

    /** A stored file; its bytes are read separately. */
    record Stored(long id, long recordId, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    private EvidenceFiles() {
    }

    static String cleanName(String fileName) {
        return FileRules.cleanName(fileName);
    }

    static String contentType(String cleanName) {
        return FileRules.contentType(cleanName);
    }

    /** What is wrong with the file, if anything. */
    static List<Problem> check(Upload file) {
        return FileRules.problems(file.fileName(), file.content());
    }

    static String sha256(byte[] content) {
        return FileRules.sha256(content);
    }
}
