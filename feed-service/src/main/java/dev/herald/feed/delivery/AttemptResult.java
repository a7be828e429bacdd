package dev.herald.feed.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * How one attempt went: the receiver's status code or, when there was no answer, the error; and what became of the
 * delivery: delivered, to be retried at {@code nextAttemptAt}, or failed for good after the last retry.
 */
public record AttemptResult(int attempt, Instant startedAt, Integer status, String error, Duration duration,
        Outcome outcome, Instant nextAttemptAt) {

    public enum Outcome {
        DELIVERED, RETRYING, FAILED
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
