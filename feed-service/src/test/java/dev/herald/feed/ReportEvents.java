package dev.herald.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Publishes report events to reports.events the way content-service does: CloudEvents 1.0 in binary mode,
 * keyed by report id, data shaped as content-service's ReportEvents.ReportData and Unpublished records.
 */
public final class ReportEvents implements AutoCloseable {

    public static final String PUBLISHED = "dev.herald.report.published";
    public static final String UPDATED = "dev.herald.report.updated";
    public static final String UNPUBLISHED = "dev.herald.report.unpublished";
    static final String SOURCE = "/herald/content-service";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;

    public ReportEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** A report as content-service describes it in a published or updated event. */
    public static ObjectNode report(UUID id, long revision, String slug, String title, String publishDate) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", id.toString());
        data.put("revision", revision);
        data.put("slug", slug);
        data.put("title", title);
        data.put("summary", "Summary of " + title);
        data.put("html", "<p>" + title + "</p><p><img src=\"/assets/" + slug + "/photo.jpeg\" alt=\"Photo\"></p>");
        data.putArray("tags").add("sprint").add("core");
        data.putObject("author").put("name", "Pablo Galindo").put("slug", "pablo-galindo");
        data.putObject("event").put("slug", "core-sprint-2019");
        // a bare date stands for midnight UTC; the contract carries date-times
        String dateTime = publishDate.contains("T") ? publishDate : publishDate + "T00:00:00Z";
        data.put("publishDate", dateTime);
        data.put("updatedDate", dateTime);
        data.put("legacyUrl", "/2019/10/" + slug + ".html");
        data.putArray("images").addObject().put("url", "http://localhost:8080/assets/" + slug + "/photo.jpeg")
                .put("mediaType", "image/jpeg")
                .put("length", 2048);
        return data;
    }

    /** Publishes a report under a tag of its own; returns the tag once feed-service serves that tag's feed. */
    public static String publishUnderNewTag(String prefix) {
        String tag = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = report(UUID.randomUUID(), 1, tag, "Tagged " + tag, "2024-05-01T00:00:00Z");
        report.putArray("tags").add(tag);
        try (ReportEvents events = new ReportEvents()) {
            events.send(PUBLISHED, report);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/tags/" + tag + "/atom.xml").statusCode() == 200);
        return tag;
    }

    public static ObjectNode unpublished(UUID id, long revision, String slug) {
        return JSON.createObjectNode().put("id", id.toString()).put("revision", revision).put("slug", slug)
                .put("legacyUrl", "/2019/10/" + slug + ".html").put("unpublishedAt", Instant.now().toString());
    }

    /** Sends one event and waits for the broker's acknowledgement; returns the event id. */
    public String send(String type, ObjectNode data) {
        return send(type, UUID.randomUUID().toString(), data);
    }

    public String send(String type, String eventId, ObjectNode data) {
        EventContract.assertMatches("reports", type, data);
        String reportId = data.get("id").asText();
        var record = new ProducerRecord<>("reports.events", reportId, data.toString());
        Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", SOURCE, "ce_type", type,
                "ce_time", Instant.now().toString(), "ce_subject", reportId, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        acknowledged(producer.send(record));
        return eventId;
    }

    /** A record that is not a CloudEvent at all, to show the consumer passes over it. */
    public void sendGarbage(UUID key) {
        acknowledged(producer.send(new ProducerRecord<>("reports.events", key.toString(), "not an event")));
    }

    /** Waits for the broker's acknowledgement of a send, so that a test reads only after its record is on the topic. */
    static void acknowledged(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
