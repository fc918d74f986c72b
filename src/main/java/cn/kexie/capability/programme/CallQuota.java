package cn.kexie.capability.programme;

/** How many projects of a quota (one category, or a group such as Xuzhou's INNOVATION_*) a call supports. */
public record CallQuota(long callId, String quotaCode, int minCount, int maxCount) {
}
