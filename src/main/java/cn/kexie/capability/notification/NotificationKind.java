package cn.kexie.capability.notification;

/**
 * What a notification is about. A user chooses per kind whether it also comes by e-mail; the bell
 * shows every kind. Each has a label {@code notification.kind.<KIND>} in the texts.
 */
public enum NotificationKind {
    /** A task was offered to one of my groups (in my city, or my organisation's). */
    TASK_OFFERED,
    /** A task was given to me (created for me, transferred, delegated or claimed for me by someone else). */
    TASK_ASSIGNED,
    /** One working day before a waiting task's due date. */
    TASK_DUE_SOON,
    /** A waiting task passed its due date. */
    TASK_OVERDUE,
    /** The programme office's daily list of its city's overdue tasks. */
    OVERDUE_DIGEST,
    /** 催办: the programme office reminded me (or my group) of a waiting task. */
    TASK_REMINDED,
    /** My organisation's application was returned for correction. */
    APPLICATION_RETURNED,
    /** My organisation's application was decided (accepted, approved, refused ...). */
    APPLICATION_DECIDED,
    /** My organisation's application went under public notice. */
    NOTICE_STARTED
}
