package cn.kexie.capability.workflow;

import java.util.function.Supplier;

/**
 * Marks the engine calls a platform step makes after its own checks: only inside one may a
 * logged-in user's call complete, claim or otherwise move a workflow on (see
 * {@link WorkflowCourseGuard}). Tasklist, the webapps' engine API and REST never run inside one.
 */
public final class PlatformStep {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private PlatformStep() {
    }

    static <T> T call(Supplier<T> work) {
        DEPTH.set(DEPTH.get() + 1);
        try {
            return work.get();
        } finally {
            int depth = DEPTH.get() - 1;
            if (depth == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(depth);
            }
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static boolean inProgress() {
        return DEPTH.get() > 0;
    }
}
