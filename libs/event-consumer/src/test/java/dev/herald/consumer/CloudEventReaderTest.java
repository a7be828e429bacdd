package dev.herald.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import dev.herald.events.AttendeesEvent;
import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.events.ReportsEvent;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;

/** The checks and the decoding of a record, in the order docs/events/consumer-policy.md gives, without a Quarkus start. */
class CloudEventReaderTest {

    private static final String REPORTS = "reports.events";
    private static final String ATTENDEES = "attendees.events";
    private static final UUID ID = UUID.fromString("3f2c8f0e-9a4b-4f53-8d55-0c4c2f1b7e11");
    private static final String UNPUBLISHED = "{\"id\": \"" + ID + "\", \"revision\": 2, \"slug\": \"gone\","
            + " \"legacyUrl\": null, \"unpublishedAt\": \"2024-05-01T12:00:00Z\"}";

    private final CloudEventReader reader = new CloudEventReader();

    @Test
    void aKnownEventIsDecodedIntoItsRecordWithItsCloudEventsAttributes() {
        InboundEvent<HeraldEvent> event = reader.read(message(REPORTS, ID.toString(), UNPUBLISHED,
                cloudEvent("dev.herald.report.unpublished"))).orElseThrow();

        assertEquals(EventType.REPORT_UNPUBLISHED, event.type());
        assertEquals(new ReportsEvent.ReportUnpublished(ID, 2, "gone", null, Instant.parse("2024-05-01T12:00:00Z")),
                event.data());
        assertEquals("/herald/content-service", event.source());
        assertEquals("e-1", event.id());
        assertEquals(ID.toString(), event.key());
        assertEquals(Instant.parse("2024-05-01T12:00:01Z"), event.time());
    }

    @Test
    void createdAndUpdatedShareTheStateTheyCarry() {
        String person = "{\"id\": \"" + ID + "\", \"slug\": \"ada\", \"name\": \"Ada\", \"featured\": false,"
                + " \"affiliations\": []}";
        HeraldEvent data = reader.read(message(ATTENDEES, ID.toString(), person, cloudEvent("dev.herald.person.updated")))
                .orElseThrow().data();

        AttendeesEvent.PersonState state = assertInstanceOf(AttendeesEvent.PersonUpdated.class, data);
        assertEquals("ada", state.person().slug());
        assertEquals("ada", data.subject());
    }

    @Test
    void aTombstoneIsPassedOver() {
        assertTrue(reader.read(message(REPORTS, ID.toString(), null, Map.of())).isEmpty());
    }

    @Test
    void aTypeThisReleaseDoesNotKnowOrOfAnotherTopicIsPassedOver() {
        assertTrue(reader.read(message(REPORTS, ID.toString(), UNPUBLISHED, cloudEvent("dev.herald.report.translated"))).isEmpty());
        assertTrue(reader.read(message(ATTENDEES, ID.toString(), UNPUBLISHED, cloudEvent("dev.herald.report.unpublished"))).isEmpty());
    }

    @Test
    void aRecordLackingARequiredAttributeIsNoCloudEvent() {
        Map<String, String> headers = cloudEvent("dev.herald.report.unpublished");
        headers.remove("ce_source");
        assertReason(DeadLetterReason.NO_CLOUDEVENTS_HEADERS, message(REPORTS, ID.toString(), UNPUBLISHED, headers));
        Map<String, String> blank = cloudEvent(" ");
        assertReason(DeadLetterReason.NO_CLOUDEVENTS_HEADERS, message(REPORTS, ID.toString(), UNPUBLISHED, blank));
    }

    @Test
    void theOtherChecksFollowInTheirOrder() {
        Map<String, String> headers = cloudEvent("dev.herald.report.unpublished");
        assertReason(DeadLetterReason.NO_KEY, message(REPORTS, "", "not json", headers));
        assertReason(DeadLetterReason.NOT_JSON, message(REPORTS, ID.toString(), "not json", headers));
        assertReason(DeadLetterReason.SCHEMA_VIOLATION, message(REPORTS, ID.toString(),
                UNPUBLISHED.replace("\"revision\": 2", "\"revision\": \"two\""), headers));
        assertReason(DeadLetterReason.KEY_MISMATCH, message(REPORTS, UUID.randomUUID().toString(), UNPUBLISHED, headers));
    }

    private void assertReason(DeadLetterReason reason, Message<String> message) {
        assertEquals(reason, assertThrows(UnprocessableEvent.class, () -> reader.read(message)).reason());
    }

    private static Map<String, String> cloudEvent(String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "e-1");
        headers.put("ce_source", type.startsWith("dev.herald.person") ? "/herald/attendees-service" : "/herald/content-service");
        headers.put("ce_type", type);
        headers.put("ce_time", "2024-05-01T12:00:01Z");
        headers.put("content-type", "application/json");
        return headers;
    }

    /** The record as SmallRye's Kafka connector delivers it, CloudEvents metadata included. */
    private static Message<String> message(String topic, String key, String value, Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 42L, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return new IncomingKafkaRecord<>(record, "test", -1, null, null, true, false);
    }
}
