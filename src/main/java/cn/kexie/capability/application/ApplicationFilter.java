package cn.kexie.capability.application;

/** Optional filters of the office's application list. */
public record ApplicationFilter(String programmeCode, Long callId, String categoryCode, String status, String text) {

    public static ApplicationFilter all() {
        return new ApplicationFilter(null, null, null, null, null);
    }
}
