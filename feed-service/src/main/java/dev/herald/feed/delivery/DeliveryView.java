package dev.herald.feed.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as the log shows it: its message id (the receiver's idempotency key), state ({@code pending},
 * {@code sending}, {@code delivered}, {@code failed}, {@code dropped}), when the next attempt is due and every
 * attempt so far, oldest first.
 */
public record DeliveryView(long id, String messageId, String state, int attempts, Instant createdAt,
        Instant nextAttemptAt, Instant settledAt, List<AttemptView> attemptLog) {

    /** One attempt: when it started, the status code or the error, how long it took and which replica made it. */
    public record AttemptView(int attempt, Instant at, Integer status, String error, long durationMillis, String replica) {
    }
}
