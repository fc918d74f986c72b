package cn.kexie.capability.application;

import cn.kexie.capability.common.UserError;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of a dossier: PDF, images, Word and Excel only, at most {@value #MAX_BYTES} bytes each,
 * checked by name and by content, stored in the database with their SHA-256. Only the applicant
 * adds or removes files, and only during the step they belong to (see {@link DossierAccess#requireChange}),
 * checked in the same transaction as the change.
 */
@Service
public class AttachmentService {

    public static final int MAX_BYTES = FileRules.MAX_BYTES;
    public static final int MAX_PER_APPLICATION = 60;

    private final JdbcClient jdbc;
    private final DossierAccess access;

    AttachmentService(JdbcClient jdbc, DossierAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Checks and stores a file of the current user, the applicant, while the step the kind belongs to
     * is open (the 申报书's materials: while a draft or returned for correction); refuses otherwise.
     */
    @Transactional
    public Attachment store(long applicationId, Attachment.Kind kind, String fileName, byte[] content, String userId) {
        if (kind == null) {
            throw new UserError("attachment.error.kind");
        }
        access.requireChange(applicationId, kind);
        UserError.throwIfAny(FileRules.problems(fileName, content));
        String name = FileRules.cleanName(fileName);
        String type = FileRules.contentType(name);
        int count = jdbc.sql("select count(*) from attachment where application_id = ?").param(applicationId)
                .query(Integer.class).single();
        if (count >= MAX_PER_APPLICATION) {
            throw new UserError("attachment.error.tooMany", MAX_PER_APPLICATION);
        }
        String sha256 = FileRules.sha256(content);
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into attachment (application_id, kind, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, kind.name(), name, type, (long) content.length, sha256, content, userId,
                        Timestamp.from(now))
                .update(keys, "id");
        return new Attachment(keys.getKey().longValue(), applicationId, kind, name, type, content.length, sha256, userId, now);
    }

    @Transactional(readOnly = true)
    public List<Attachment> list(long applicationId) {
        return jdbc.sql("""
                select id, application_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from attachment where application_id = ? order by uploaded_at, id""")
                .param(applicationId).query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2),
                        Attachment.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    public List<Attachment> list(long applicationId, Attachment.Kind kind) {
        return list(applicationId).stream().filter(a -> a.kind() == kind).toList();
    }

    /** The file's bytes, if the current user may read the dossier. */
    @Transactional(readOnly = true)
    public byte[] content(long applicationId, long attachmentId) {
        access.requireRead(applicationId);
        return jdbc.sql("select content from attachment where id = ? and application_id = ?")
                .params(attachmentId, applicationId).query(byte[].class).optional()
                .orElseThrow(() -> new UserError("attachment.error.notFound"));
    }

    /** Removes a file of the applicant's, under the same rule as {@link #store}. */
    @Transactional
    public void delete(long applicationId, long attachmentId) {
        Attachment.Kind kind = jdbc.sql("select kind from attachment where id = ? and application_id = ?")
                .params(attachmentId, applicationId).query(String.class).optional().map(Attachment.Kind::valueOf)
                .orElseThrow(() -> new UserError("attachment.error.notFound"));
        access.requireChange(applicationId, kind);
        jdbc.sql("delete from attachment where id = ? and application_id = ?").params(attachmentId, applicationId).update();
    }
}
