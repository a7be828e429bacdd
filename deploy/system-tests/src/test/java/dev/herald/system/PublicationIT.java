package dev.herald.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.herald.infra.RawRecords;
import dev.herald.stack.LocalStack;
import dev.herald.stack.ServiceSpec;
import dev.herald.stack.StackConfig;
import io.restassured.specification.RequestSpecification;

/**
 * A publication end to end, as a user of {@code ./herald up} sees it: the demo sprint is there, and a report an
 * editor imports as a draft and then publishes reaches every feed through Kafka.
 */
@ExtendWith(SharedStack.Resolver.class)
class PublicationIT {

    private static final String SPRINT_TITLE = "CPython Core Developer Sprint 2019";
    private static final List<String> FEEDS = List.of("/feeds/atom.xml", "/feeds/rss.xml", "/feeds/feed.json");
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static StackConfig config;
    private static LocalStack stack;

    @BeforeAll
    static void useTheSharedStack(SharedStack shared) {
        config = shared.config();
        stack = shared.stack();
    }

    @Test
    void theDemoSprintIsInEveryFeedAndInItsEventsFeed() {
        for (String feed : FEEDS) {
            await().atMost(DELIVERY).untilAsserted(() ->
                    site().get(feed).then().statusCode(200).body(containsString(SPRINT_TITLE)));
        }
        site().get("/events/cpython-core-developer-sprint-2019").then().statusCode(200)
                .body(containsString("Bloomberg"), containsString("Joannah Nanjekye"), containsString("Lisa Roach"));
        await().atMost(DELIVERY).untilAsserted(() -> site().get("/events/cpython-core-developer-sprint-2019/atom.xml")
                .then().statusCode(200).body(containsString(SPRINT_TITLE)));
        site().redirects().follow(false).get("/2019/10/cpython-core-developer-sprint-2019.html").then()
                .statusCode(301).header("Location", endsWith("/2019/10/cpython-core-developer-sprint-2019"));
    }

    @Test
    void aDraftStaysPrivateUntilTheEditorPublishesIt() {
        String draft = resource("reports/python-3120-final-now-available/index.md").replace("published: true", "published: false");
        String id = content().contentType("text/markdown").body(draft).post("/api/reports/import").then()
                .statusCode(200).body("status", equalTo("created")).extract().path("id");
        String entryId = "urn:uuid:" + id;
        for (String feed : FEEDS) {
            site().get(feed).then().statusCode(200).body(not(containsString(entryId)));
        }

        content().post("/api/reports/" + id + "/publish").then().statusCode(200);

        for (String feed : FEEDS) {
            await().atMost(DELIVERY).untilAsserted(() ->
                    site().get(feed).then().statusCode(200).body(containsString(entryId)));
        }
        site().get("/feeds/feed.json").then().body("items.title", hasItem("Python 3.12.0 (final) now available"));
        String permalink = site().get("/feeds/feed.json").then().extract()
                .path("items.find { it.id == '" + entryId + "' }.url");
        assertThat(permalink).endsWith("/2023/10/python-3120-final-now-available");
        site().get("/2023/10/python-3120-final-now-available").then().statusCode(200)
                .body(containsString("Python 3.12.0 (final) now available"));
    }

    @Test
    void badRecordsFromAnyProducerAreSetAsideAndTheNextPublicationStillArrives() throws Exception {
        Map<String, String> reportHeaders = cloudEvent("dev.herald.report.published");
        Map<String, String> personHeaders = cloudEvent("dev.herald.person.created");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            // what a buggy producer sends: an empty key (the compacted topic refuses none at all) and an empty event,
            // an id of the wrong type, no JSON at all
            send(producer, new ProducerRecord<>("reports.events", "", "{}"), reportHeaders);
            send(producer, new ProducerRecord<>("attendees.events", UUID.randomUUID().toString(), "{\"id\": 42}"), personHeaders);
            send(producer, new ProducerRecord<>("reports.events", UUID.randomUUID().toString(), "not json"), reportHeaders);
        }

        String draft = resource("reports/python-3120-final-now-available/index.md")
                .replace("legacyUrl: /2023/10/python-3120-final-now-available.html", "legacyUrl: /2023/10/after-bad-records.html");
        String id = content().contentType("text/markdown").queryParam("slug", "after-bad-records").body(draft)
                .post("/api/reports/import").then().statusCode(200).extract().path("id");
        await().atMost(DELIVERY).untilAsserted(() ->
                site().get("/feeds/atom.xml").then().statusCode(200).body(containsString("urn:uuid:" + id)));
        for (ServiceSpec service : List.of(ServiceSpec.FEED, ServiceSpec.CONTENT)) {
            given().baseUri(config.managementUrl(service)).get("/q/health/ready").then().statusCode(200);
        }
        await().atMost(DELIVERY).until(() -> deadLetterReasons("reports.events.dlq").containsAll(List.of("no-key", "not-json"))
                && deadLetterReasons("attendees.events.dlq").contains("schema-violation"));
    }

    private static Map<String, String> cloudEvent(String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/buggy/producer",
                "ce_type", type, "content-type", "application/json");
    }

    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record,
            Map<String, String> headers) throws Exception {
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    /** The dead-letter-reason header of every record on a .dlq topic. */
    private static List<String> deadLetterReasons(String topic) {
        return RawRecords.readAll(stack.kafkaBootstrapServers(), topic).stream()
                .flatMap(record -> RawRecords.header(record, "dead-letter-reason").stream())
                .toList();
    }

    private static RequestSpecification site() {
        return given().baseUri(config.baseUrl(ServiceSpec.FEED));
    }

    private static RequestSpecification content() {
        return given().baseUri(config.baseUrl(ServiceSpec.CONTENT)).auth().oauth2(stack.token("editor", Duration.ofMinutes(10)));
    }

    private static String resource(String name) {
        try (InputStream in = PublicationIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
