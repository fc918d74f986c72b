package cn.kexie.capability.application;

/**
 * Statuses the platform itself sets or reads. The diagrams set the others through the
 * {@code applicationStatus} listener; each has a label {@code status.<STATUS>} in the texts.
 */
public final class Statuses {

    public static final String DRAFT = "DRAFT";
    public static final String RETURNED = "RETURNED";
    public static final String UNDER_NOTICE = "UNDER_NOTICE";
    /** The project passed its acceptance; its process has ended. */
    public static final String ACCEPTED = "ACCEPTED";

    private Statuses() {
    }
}
