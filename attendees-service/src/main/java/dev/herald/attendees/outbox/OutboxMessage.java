package dev.herald.attendees.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An unsent outbox row as the relay reads it. */
record OutboxMessage(UUID id, UUID aggregateId, String type, String subject, String payload, OffsetDateTime occurredAt) {
}
