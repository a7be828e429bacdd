package dev.herald.stack.chaos;

import java.time.Duration;

/** Sleeping in the chaos run's own threads, which end by their stop flag rather than by interruption. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
