package dev.herald.feed;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TopicSpec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The largest event content-service sends — data just under its herald.outbox.max-event-bytes default, the 4 MiB
 * record limit less 16 KiB for key and headers — travels the real topic and its report appears in the feeds.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class LargestReportEventTest {

    /** content-service's herald.outbox.max-event-bytes default. */
    private static final int MAX_EVENT_BYTES = TopicSpec.MAX_MESSAGE_BYTES - 16 * 1024;

    @Test
    void aReportWhoseEventIsJustUnderTheLimitAppearsInTheFeeds() throws Exception {
        UUID id = UUID.randomUUID();
        String tag = "largest-" + id.toString().substring(0, 8);
        ObjectNode report = ReportEvents.report(id, 1, tag, "Largest", "2024-05-01T00:00:00Z");
        report.putArray("tags").add(tag);
        report.put("html", "");
        int room = MAX_EVENT_BYTES - report.toString().getBytes(StandardCharsets.UTF_8).length - 100;
        String paragraph = "<p>" + "Sprint notes. ".repeat(room / 14) + "</p>";
        report.put("html", paragraph.substring(0, room - 4) + "</p>");
        String value = report.toString();
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= MAX_EVENT_BYTES && bytes > MAX_EVENT_BYTES - 1000, bytes + " bytes");
        EventContract.assertMatches("reports", ReportEvents.PUBLISHED, report);

        // the producer as content-service configures it: max.request.size = the topic's max.message.bytes
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSpec.MAX_MESSAGE_BYTES), new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>("reports.events", id.toString(), value);
            Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", ReportEvents.SOURCE,
                    "ce_type", ReportEvents.PUBLISHED, "ce_time", Instant.now().toString(), "ce_subject", id.toString(),
                    "content-type", "application/json")
                    .forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }

        String feed = "/tags/" + tag + "/atom.xml";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get(feed).statusCode() == 200);
        String atom = given().get(feed).then().statusCode(200).extract().asString();
        assertTrue(atom.contains("urn:uuid:" + id), "the report is in its tag's feed");
        assertTrue(atom.length() > room, "with its whole content: " + atom.length() + " characters");
        management().get("/q/health/ready").then().statusCode(200);
    }
}
