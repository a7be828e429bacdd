package dev.herald.consumer;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A binary-mode CloudEvent read from a record: its identity, the record key (the aggregate id), when it happened
 * ({@code ce_time}; null when the producer did not say or said it badly) and its data, which matches the schema
 * docs/events documents for its type.
 */
public record InboundEvent(String topic, String key, String source, String id, String type, Instant time, JsonNode data) {
}
