package cn.kexie.capability.application;

import java.time.Instant;
import java.util.Map;

/** One entry of a dossier's history. */
public record ApplicationEvent(Instant at, String userId, String step, String outcome, String comment,
        Map<String, Object> data) {
}
