package cn.kexie.capability.workflow;

/**
 * A task moved between people by a platform step ({@link TaskMoves}), published inside the step's
 * transaction so that the application's history records it in the same transaction.
 *
 * @param move what was done
 * @param actor who did it
 * @param target to whom the task went (or who was reminded); null when it went back to a group
 * @param reason why, as the actor wrote it
 */
public record TaskMoved(String processInstanceId, String taskId, String taskName, Move move, String actor,
        String target, String reason) {

    /** The moves, each with the step name the history records it under. */
    public enum Move {
        TRANSFERRED("taskTransferred"),
        DELEGATED("taskDelegated"),
        RESOLVED("taskResolved"),
        REMINDED("taskReminded"),
        RELEASED("taskReleased"),
        DECLINED("taskDeclined"),
        REPLACED("taskReplaced"),
        /** The office takes an overdue task back from the person the diagram assigned it to (a drawn expert). */
        WITHDRAWN("taskWithdrawn");

        private final String step;

        Move(String step) {
            this.step = step;
        }

        public String step() {
            return step;
        }
    }
}
