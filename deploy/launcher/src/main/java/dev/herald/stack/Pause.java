package dev.herald.stack;

import java.time.Duration;

/** Sleeping in polling loops that end by their deadline or stop flag, not by interruption (which is kept for the caller). */
public final class Pause {

    private Pause() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
