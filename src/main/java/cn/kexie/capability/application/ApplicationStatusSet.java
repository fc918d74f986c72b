package cn.kexie.capability.application;

/**
 * A diagram set an application's status (the {@code applicationStatus} listener), published inside
 * the step's transaction, so that whoever listens (the notifications) writes in the same transaction.
 */
public record ApplicationStatusSet(long applicationId, String status, String processInstanceId) {
}
