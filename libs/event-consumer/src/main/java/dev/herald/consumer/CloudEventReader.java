package dev.herald.consumer;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

import dev.herald.events.EventCodec;
import dev.herald.events.EventSchemas;
import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a Kafka message as a binary-mode CloudEvent through the metadata SmallRye attaches to it
 * ({@link IncomingKafkaCloudEventMetadata}, present when the record carries the four required {@code ce_} headers),
 * checks its data against its type's schema and decodes it into the type's record. Empty for a record to pass over: a
 * compaction tombstone, or a type from a newer producer (logged once per type).
 */
@ApplicationScoped
public class CloudEventReader {

    private static final Logger LOG = Logger.getLogger(CloudEventReader.class);

    private final Set<String> unknownTypes = ConcurrentHashMap.newKeySet();

    public Optional<InboundEvent<HeraldEvent>> read(Message<String> message) {
        ConsumerRecord<String, String> record = record(message);
        if (record.value() == null) {
            LOG.debugf("Passed over the tombstone of %s on %s", record.key(), record.topic());
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        IncomingKafkaCloudEventMetadata<String, String> cloudEvent = message.getMetadata(IncomingKafkaCloudEventMetadata.class)
                .filter(attributes -> !attributes.getId().isBlank() && !attributes.getType().isBlank()
                        && !attributes.getSource().toString().isBlank())
                .orElseThrow(() -> new UnprocessableEvent(DeadLetterReason.NO_CLOUDEVENTS_HEADERS,
                        "not a binary-mode CloudEvent: ce_specversion, ce_id, ce_source and ce_type are required"));
        Optional<EventType> type = EventType.named(cloudEvent.getType())
                .filter(known -> known.topic().kafkaTopic().equals(record.topic()));
        if (type.isEmpty()) {
            if (unknownTypes.add(record.topic() + " " + cloudEvent.getType())) {
                LOG.warnf("Passing over events of type %s on %s: this release does not know the type (a newer producer?)",
                        cloudEvent.getType(), record.topic());
            }
            return Optional.empty();
        }
        if (record.key() == null || record.key().isBlank()) {
            throw new UnprocessableEvent(DeadLetterReason.NO_KEY, "the record has no key; events are keyed by aggregate id");
        }
        JsonNode data = parse(record.value());
        String errors = EventSchemas.of(type.get()).validate(data).stream().map(ValidationMessage::getMessage).sorted()
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            throw new UnprocessableEvent(DeadLetterReason.SCHEMA_VIOLATION, cloudEvent.getType() + " does not match its schema: " + errors);
        }
        if (!record.key().equals(data.path("id").asText())) {
            throw new UnprocessableEvent(DeadLetterReason.KEY_MISMATCH,
                    "the key " + record.key() + " is not the id " + data.path("id").asText() + " of the data");
        }
        return Optional.of(new InboundEvent<>(record.topic(), record.key(), cloudEvent.getSource().toString(),
                cloudEvent.getId(), type.get(), cloudEvent.getTimeStamp().map(Instant::from).orElse(null),
                decode(type.get(), data)));
    }

    @SuppressWarnings("unchecked")
    static ConsumerRecord<String, String> record(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalArgumentException("not a message read from Kafka"));
    }

    private static HeraldEvent decode(EventType type, JsonNode data) {
        try {
            return EventCodec.read(type, data);
        } catch (IllegalArgumentException e) {
            // the schema let it through, so the record of libs/events disagrees with it: no retry mends that
            throw new UnprocessableEvent(DeadLetterReason.REJECTED, e.getMessage(), e);
        }
    }

    private static JsonNode parse(String value) {
        try {
            JsonNode data = EventCodec.parse(value);
            if (data == null || data.isMissingNode()) {
                throw new UnprocessableEvent(DeadLetterReason.NOT_JSON, "the value is empty");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new UnprocessableEvent(DeadLetterReason.NOT_JSON, "the value is not JSON: " + e.getOriginalMessage());
        }
    }
}
