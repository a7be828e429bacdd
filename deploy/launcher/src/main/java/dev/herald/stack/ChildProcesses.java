package dev.herald.stack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the processes the launcher started: the services, Kafka in the chaos run, nginx in the bench. */
public final class ChildProcesses {

    // SIGKILL ends a process at once; this only waits for the kernel to reap it
    private static final Duration KILLED_WAIT = Duration.ofSeconds(10);

    private ChildProcesses() {
    }

    /** SIGTERM, then SIGKILL if it is still running after the grace period; true if it ended by itself in time. */
    public static boolean stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(KILLED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** SIGKILL: no shutdown at all, as a crash; returns once the process is gone. */
    public static void kill(Process process) {
        try {
            process.destroyForcibly().waitFor(KILLED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
