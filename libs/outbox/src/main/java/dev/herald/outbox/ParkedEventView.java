package dev.herald.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A parked outbox row as an admin sees it: what it announces, its data's size in bytes, and why Kafka refused it. */
public record ParkedEventView(UUID id, String type, UUID aggregateId, String subject, Instant occurredAt, Instant parkedAt,
        String reason, long bytes) {

    static ParkedEventView of(OutboxEvent row) {
        return new ParkedEventView(row.id, row.type, row.aggregateId, row.subject, row.occurredAt, row.parkedAt,
                row.parkedReason, row.payload.getBytes(StandardCharsets.UTF_8).length);
    }
}
