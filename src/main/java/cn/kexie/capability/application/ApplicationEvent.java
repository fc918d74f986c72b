package cn.kexie.capability.application;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a dossier's history. {@code userId} is who acted; null where the platform itself did
 * (an automatic step of a diagram, such as the panel's mean score or the start of a notice), and
 * {@link #WITHHELD} where the reader may not know who it was (an expert, to an applicant).
 */
public record ApplicationEvent(Instant at, String userId, String step, String outcome, String comment,
        Map<String, Object> data) {

    /** The actor of an entry whose actor this reader may not know. */
    public static final String WITHHELD = "";

    /** Whether the platform itself made this entry, in an automatic step. */
    public boolean automatic() {
        return userId == null;
    }
}
