package dev.herald.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An unsent, unparked outbox row as the relay reads it. */
record PendingEvent(UUID id, UUID aggregateId, String type, String subject, String payload, OffsetDateTime occurredAt,
        TraceParent trace) {
}
