package dev.herald.content.outbox;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.herald.infra.RestartableInfra;
import dev.herald.outbox.OutboxRepository;
import dev.herald.infra.TestTokens;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * A report published while the broker is down reaches the topic once the broker is back; meanwhile the backlog shows
 * on /q/metrics and readiness names the outbox.
 */
@QuarkusTest
@WithTestResource(RestartableInfra.class)
class BrokerOutageTest {

    @Inject
    OutboxRepository outbox;

    @Test
    void aPublicationDuringABrokerOutageIsSentWhenTheBrokerIsBack() throws Throwable {
        String location = given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body("{\"slug\": \"during-outage\", \"title\": \"During the outage\", \"authorName\": \"Ada\", \"body\": \"Hi\"}")
                .post("/api/reports").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        RestartableInfra.stopBroker();
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then()
                .statusCode(200).body("state", equalTo("published"));
        // the backlog shows on /q/metrics, and readiness names the outbox once the event waited herald.outbox.max-age-unsent
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            double pending = gauge("herald_outbox_pending");
            double age = gauge("herald_outbox_oldest_age_seconds");
            assertTrue(pending >= 1 && age >= 10, "pending " + pending + ", oldest age " + age);
        });
        // each readiness call waits for the Kafka check's own timeout while the broker is away
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> management().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN")));
        long unsent = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> outbox.count("aggregateId = ?1 and sentAt is null", id)));
        assertEquals(1, unsent, "committed with the report, and not marked sent without the broker's acknowledgement");
        RestartableInfra.startBroker();

        List<CloudEvent> events = eventsAbout(id, Duration.ofSeconds(120));
        assertEquals("dev.herald.report.published", events.get(0).getType());
        assertEquals(id.toString(), events.get(0).getSubject());
        long sent = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> outbox.count("aggregateId = ?1 and sentAt is not null", id)));
        assertEquals(1, sent);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(0, gauge("herald_outbox_pending"));
            management().get("/q/health/ready").then().body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        });
    }

    /** A gauge's value on /q/metrics (gauges carry no exemplar). */
    private static double gauge(String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(management().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(value.find(), name + " is on /q/metrics");
        return Double.parseDouble(value.group(1));
    }

    private static List<CloudEvent> eventsAbout(UUID id, Duration timeout) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of("reports.events"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                List<CloudEvent> found = new java.util.ArrayList<>();
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (id.toString().equals(record.key())) {
                        found.add(record.value());
                    }
                }
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        throw new AssertionError("no event for " + id + " after the broker came back");
    }
}
