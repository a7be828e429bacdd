package dev.herald.consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A binary-mode CloudEvent read from a record: its identity, the record key (the aggregate id) and its data, which
 * matches the schema docs/events documents for its type.
 */
public record InboundEvent(String topic, String key, String source, String id, String type, JsonNode data) {
}
