package dev.herald.feed;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Publishes to attendees.events the way attendees-service does: CloudEvents 1.0 in binary mode, keyed by the
 * aggregate's id, each payload checked against docs/events/attendees before it is sent.
 */
public final class AttendeesEvents implements AutoCloseable {

    public static final String PERSON_CREATED = "dev.herald.person.created";
    public static final String PERSON_ERASED = "dev.herald.person.erased";
    public static final String EVENT_CREATED = "dev.herald.event.created";
    public static final String EVENT_DELETED = "dev.herald.event.deleted";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;

    public AttendeesEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** A person with nothing but what the contract requires. */
    public static ObjectNode person(UUID id, String slug, String name) {
        ObjectNode person = JSON.createObjectNode().put("id", id.toString()).put("slug", slug).put("name", name)
                .put("featured", false);
        person.putArray("affiliations");
        return person;
    }

    /** An event with no links, participants, mentorships, sponsors or talks yet: callers fill what they show. */
    public static ObjectNode event(UUID id, String slug, String name, String kind, String startDate, String endDate) {
        ObjectNode event = JSON.createObjectNode().put("id", id.toString()).put("slug", slug).put("name", name)
                .put("kind", kind).put("startDate", startDate).put("endDate", endDate);
        event.putArray("links");
        ObjectNode participants = event.putObject("participants");
        for (String role : new String[] {"attendee", "organiser", "mentor", "mentee", "speaker", "remote"}) {
            participants.putArray(role);
        }
        event.putArray("mentorships");
        event.putArray("sponsors");
        event.putArray("talks");
        return event;
    }

    /** A person's erasure; {@code publicRecordRetained} false removes them from every page. */
    public static ObjectNode erasure(UUID id) {
        return JSON.createObjectNode().put("id", id.toString()).put("publicRecordRetained", false);
    }

    public void send(String type, UUID key, ObjectNode data) {
        EventContract.assertMatches("attendees", type, data);
        var record = new ProducerRecord<>("attendees.events", key.toString(), data.toString());
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/herald/attendees-service".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        ReportEvents.acknowledged(producer.send(record));
    }

    @Override
    public void close() {
        producer.close();
    }
}
