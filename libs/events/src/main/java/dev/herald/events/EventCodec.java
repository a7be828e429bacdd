package dev.herald.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of event data, the same for every producer and consumer whatever a service configures for its own REST
 * API: dates and times as RFC 3339 text, unknown fields ignored (the schema has checked them already).
 */
public final class EventCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventCodec() {
    }

    public static String write(HeraldEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type().type(), e);
        }
    }

    /** The data of an event of this type, as a record; fails with IllegalArgumentException when it does not fit. */
    public static HeraldEvent read(EventType type, JsonNode data) {
        try {
            return JSON.treeToValue(data, type.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type.type() + " data does not fit its record: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(HeraldEvent event) {
        return JSON.valueToTree(event);
    }

    public static JsonNode parse(String json) throws JsonProcessingException {
        return JSON.readTree(json);
    }
}
