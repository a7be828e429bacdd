package dev.herald.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a record as a binary-mode CloudEvent (Kafka binding) and checks it against its type's schema. Empty for a
 * record to pass over: a compaction tombstone, or a type from a newer producer (logged once per type).
 */
@ApplicationScoped
public class CloudEventReader {

    private static final Logger LOG = Logger.getLogger(CloudEventReader.class);
    private static final List<String> REQUIRED_HEADERS = List.of("ce_specversion", "ce_id", "ce_source", "ce_type");

    private final EventSchemas schemas;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> unknownTypes = ConcurrentHashMap.newKeySet();

    public CloudEventReader(EventSchemas schemas) {
        this.schemas = schemas;
    }

    public Optional<InboundEvent> read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            LOG.debugf("Passed over the tombstone of %s on %s", record.key(), record.topic());
            return Optional.empty();
        }
        List<String> missing = REQUIRED_HEADERS.stream().filter(name -> header(record, name) == null).toList();
        if (!missing.isEmpty()) {
            throw new UnprocessableEvent(DeadLetterReason.NO_CLOUDEVENTS_HEADERS, "missing headers " + String.join(", ", missing));
        }
        String type = header(record, "ce_type");
        Optional<JsonSchema> schema = schemas.forType(record.topic(), type);
        if (schema.isEmpty()) {
            if (unknownTypes.add(record.topic() + " " + type)) {
                LOG.warnf("Passing over events of type %s on %s: this release does not know the type (a newer producer?)",
                        type, record.topic());
            }
            return Optional.empty();
        }
        if (record.key() == null || record.key().isBlank()) {
            throw new UnprocessableEvent(DeadLetterReason.NO_KEY, "the record has no key; events are keyed by aggregate id");
        }
        JsonNode data = parse(record.value());
        String errors = schema.get().validate(data).stream().map(ValidationMessage::getMessage).sorted()
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            throw new UnprocessableEvent(DeadLetterReason.SCHEMA_VIOLATION, type + " does not match its schema: " + errors);
        }
        if (!record.key().equals(data.path("id").asText())) {
            throw new UnprocessableEvent(DeadLetterReason.KEY_MISMATCH,
                    "the key " + record.key() + " is not the id " + data.path("id").asText() + " of the data");
        }
        return Optional.of(new InboundEvent(record.topic(), record.key(), header(record, "ce_source"),
                header(record, "ce_id"), type, time(header(record, "ce_time")), data));
    }

    private static Instant time(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonNode parse(String value) {
        try {
            JsonNode data = json.readTree(value);
            if (data == null || data.isMissingNode()) {
                throw new UnprocessableEvent(DeadLetterReason.NOT_JSON, "the value is empty");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new UnprocessableEvent(DeadLetterReason.NOT_JSON, "the value is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        String value = header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        return value == null || value.isBlank() ? null : value;
    }
}
