package dev.herald.consumer;

import java.time.Instant;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;

/**
 * A CloudEvent read from a record: its identity, the record key (the aggregate id), when it happened ({@code time};
 * null when the producer did not say) and its data, checked against the schema docs/events documents for its type
 * and decoded into that type's record of libs/events.
 */
public record InboundEvent<E extends HeraldEvent>(String topic, String key, String source, String id, EventType type,
        Instant time, E data) {
}
