package dev.herald.feed.delivery;

import java.time.Instant;
import java.util.UUID;

import dev.herald.outbox.TraceParent;

/**
 * A claimed delivery: what to send to one subscription ({@code payload} as enqueued, or null when the channel
 * renders it at each attempt), which attempt this is, counting from 1, and the trace of the change that queued it.
 */
public record Delivery(long id, String kind, UUID subscriptionId, String messageId, byte[] payload, int attempt,
        Instant createdAt, TraceParent trace) {
}
