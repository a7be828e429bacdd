package dev.herald.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.herald.infra.RawRecords;
import dev.herald.stack.LocalStack;
import dev.herald.stack.ServiceSpec;
import dev.herald.stack.StackConfig;

/**
 * The topics are the source of truth: once Kafka has compacted them, {@code ./herald up --rebuild-feeds} gives
 * feed-service an empty database and no offsets, and it rebuilds byte-identical feeds from what is left.
 */
class RebuildIT {

    private static final List<String> FEEDS = List.of("/feeds/atom.xml", "/feeds/rss.xml", "/feeds/feed.json",
            "/events/cpython-core-developer-sprint-2019/atom.xml");
    private static final List<String> EVENT_TOPICS = List.of("reports.events", "attendees.events");
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private StackConfig config;
    private LocalStack stack;

    @AfterEach
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void compactedTopicsRebuildAnEmptyReadModelIntoIdenticalFeeds() throws Exception {
        config = StackConfig.randomPorts(Path.of(System.getProperty("herald.home")), Files.createTempDirectory("herald-rebuild-"));
        stack = LocalStack.start(config);
        // a report with a superseded event: published as revision 1, then re-imported changed as revision 2
        String report = resource("reports/python-3120-final-now-available/index.md");
        String id = content().contentType("text/markdown").body(report).post("/api/reports/import").then()
                .statusCode(200).body("state", equalTo("published")).extract().path("id");
        content().contentType("text/markdown").body(report.replace("it’s final!", "it’s final, at last!"))
                .post("/api/reports/import").then().statusCode(200).body("revision", equalTo(2));
        await().atMost(DELIVERY).until(() -> site().get("/feeds/feed.json").asString().contains("at last"));
        Map<String, byte[]> before = feeds();

        compactEventTopics(id);
        stack.close();
        stack = LocalStack.startRebuildingFeeds(config);

        await().atMost(DELIVERY).until(() -> site().get("/feeds/feed.json").asString().contains("at last"));
        await().atMost(DELIVERY).untilAsserted(() -> {
            Map<String, byte[]> after = feeds();
            for (String feed : FEEDS) {
                assertThat(new String(after.get(feed), StandardCharsets.UTF_8)).as(feed)
                        .isEqualTo(new String(before.get(feed), StandardCharsets.UTF_8));
            }
        });
    }

    /** Makes the broker compact now what it would compact within a week, and waits until the report has one event left. */
    private void compactEventTopics(String reportId) throws Exception {
        Map<String, Object> kafka = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (Admin admin = Admin.create(kafka)) {
            Map<ConfigResource, Collection<AlterConfigOp>> eager = new LinkedHashMap<>();
            for (String topic : EVENT_TOPICS) {
                eager.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                        set("segment.ms", "100"), set("min.compaction.lag.ms", "0"), set("min.cleanable.dirty.ratio", "0.01")));
            }
            admin.incrementalAlterConfigs(eager).all().get();
            // the roll below needs the broker to apply segment.ms first
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.describeConfigs(eager.keySet()).all().get().values().stream()
                    .allMatch(config -> "100".equals(config.get("segment.ms").value())));
        }
        // a tombstone for a key nobody uses rolls each partition's segment, so that the old one can be cleaned
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String topic : EVENT_TOPICS) {
                for (int partition = 0; partition < 3; partition++) {
                    producer.send(new ProducerRecord<>(topic, partition, UUID.randomUUID().toString(), null)).get();
                }
            }
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .until(() -> eventsOnTopic("reports.events", reportId) == 1);
    }

    private long eventsOnTopic(String topic, String key) {
        return RawRecords.readAll(stack.kafkaBootstrapServers(), topic).stream().filter(record -> key.equals(record.key())).count();
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    private Map<String, byte[]> feeds() {
        Map<String, byte[]> feeds = new LinkedHashMap<>();
        FEEDS.forEach(feed -> feeds.put(feed, site().get(feed).then().statusCode(200).extract().asByteArray()));
        return feeds;
    }

    private io.restassured.specification.RequestSpecification site() {
        return given().baseUri(config.baseUrl(ServiceSpec.FEED));
    }

    private io.restassured.specification.RequestSpecification content() {
        return given().baseUri(config.baseUrl(ServiceSpec.CONTENT)).auth().oauth2(stack.token("editor", Duration.ofMinutes(10)));
    }

    private static String resource(String name) {
        try (InputStream in = RebuildIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
