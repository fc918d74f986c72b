package cn.kexie.capability.application;

import cn.kexie.capability.common.CleanText;
import cn.kexie.capability.common.UserError.Problem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What files the platform accepts, wherever they are stored (dossier attachments, work-record
 * evidence): PDF, images, Word and Excel only, at most {@link #MAX_BYTES} bytes, checked by name and
 * by the file's first bytes. Refusals use the {@code attachment.error.*} texts.
 */
public final class FileRules {

    public static final int MAX_BYTES = 20 * 1024 * 1024;

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

    private FileRules() {
    }

    /** The name as stored: path separators (and, for display, control characters) replaced. */
    public static String cleanName(String fileName) {
        return fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}\\x{80}-\\x{9F}]", "_").trim();
    }

    /** The content type of an accepted name, or null. */
    public static String contentType(String cleanName) {
        return TYPES.get(ending(cleanName));
    }

    /** What is wrong with the file, if anything (one problem at most). */
    public static List<Problem> problems(String fileName, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        if (!CleanText.isClean(fileName, true)) {
            // a control character or line break is refused, not quietly replaced: the person renames the file
            problems.add(new Problem("attachment.error.nameCharacters", cleanName(fileName)));
            return problems;
        }
        String name = cleanName(fileName);
        if (name.isEmpty() || name.length() > 255) {
            problems.add(new Problem("attachment.error.name"));
            return problems;
        }
        String ending = ending(name);
        if (!TYPES.containsKey(ending)) {
            problems.add(new Problem("attachment.error.type", name));
        } else if (content == null || content.length == 0) {
            problems.add(new Problem("attachment.error.empty", name));
        } else if (content.length > MAX_BYTES) {
            problems.add(new Problem("attachment.error.size", name, MAX_BYTES / 1024 / 1024));
        } else if (!contentMatches(ending, content)) {
            problems.add(new Problem("attachment.error.content", name));
        }
        return problems;
    }

    static String ending(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
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

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
