package cn.kexie.capability.application;

import cn.kexie.capability.common.UserError;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of a dossier: PDF, images, Word and Excel only, at most {@value #MAX_BYTES} bytes each,
 * checked by name and by content, stored in the database with their SHA-256.
 */
@Service
public class AttachmentService {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_PER_APPLICATION = 60;

    /** Accepted endings and the content type they are stored with. */
    static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final JdbcClient jdbc;

    AttachmentService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks and stores a file; callers check that the user may add files to this dossier. */
    @Transactional
    public Attachment store(long applicationId, Attachment.Kind kind, String fileName, byte[] content, String userId) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
        if (name.isEmpty() || name.length() > 255) {
            throw new UserError("attachment.error.name");
        }
        String ending = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(ending);
        if (type == null) {
            throw new UserError("attachment.error.type", name);
        }
        if (content == null || content.length == 0) {
            throw new UserError("attachment.error.empty", name);
        }
        if (content.length > MAX_BYTES) {
            throw new UserError("attachment.error.size", name, MAX_BYTES / 1024 / 1024);
        }
        if (!contentMatches(ending, content)) {
            throw new UserError("attachment.error.content", name);
        }
        int count = jdbc.sql("select count(*) from attachment where application_id = ?").param(applicationId)
                .query(Integer.class).single();
        if (count >= MAX_PER_APPLICATION) {
            throw new UserError("attachment.error.tooMany", MAX_PER_APPLICATION);
        }
        String sha256 = sha256(content);
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

    /** The file's bytes; callers check that the user may read the dossier. */
    @Transactional(readOnly = true)
    public byte[] content(long applicationId, long attachmentId) {
        return jdbc.sql("select content from attachment where id = ? and application_id = ?")
                .params(attachmentId, applicationId).query(byte[].class).optional()
                .orElseThrow(() -> new UserError("attachment.error.notFound"));
    }

    @Transactional
    public void delete(long applicationId, long attachmentId) {
        jdbc.sql("delete from attachment where id = ? and application_id = ?").params(attachmentId, applicationId).update();
    }

    /** The first bytes must be those of the claimed format (PDF, PNG, JPEG, OLE2 for .doc/.xls, ZIP for .docx/.xlsx). */
    static boolean contentMatches(String ending, byte[] c) {
        return switch (ending) {
            case "pdf" -> startsWith(c, 0x25, 0x50, 0x44, 0x46);
            case "png" -> startsWith(c, 0x89, 0x50, 0x4E, 0x47);
            case "jpg", "jpeg" -> startsWith(c, 0xFF, 0xD8, 0xFF);
            case "doc", "xls" -> startsWith(c, 0xD0, 0xCF, 0x11, 0xE0);
            case "docx", "xlsx" -> startsWith(c, 0x50, 0x4B, 0x03, 0x04);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
