package dev.herald.feed.webhooks;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.EventContract;
import dev.herald.feed.LoopbackReceiver;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.RawRecords;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Publications reach webhook subscribers through the real projector, queue and dispatcher, at receivers on loopback
 * that check every delivery the way a subscriber would: signature (Standard Webhooks, verified independently), body
 * (the documented schema), webhook-id across retries.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BASE = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Subscription(String id, String secret) {
    }

    @Inject
    Pool pool;

    private final List<String> subscriptions = new ArrayList<>();
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> admin().delete("/api/subscriptions/" + id));
    }

    @Test
    void aPublicationReachesMatchingSubscribersOnlySignedAndAsDocumented() throws Exception {
        String tag = "tag-" + unique;
        String author = "author-" + unique;
        String event = "event-" + unique;
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(204)) {
            Subscription byTag = subscribe(receiver.url("/by-tag"), Map.of("tags", List.of("unrelated", tag)));
            Subscription otherTag = subscribe(receiver.url("/other-tag"), Map.of("tags", List.of("unrelated")));
            Subscription updatesOnly = subscribe(receiver.url("/updates-only"), Map.of("tags", List.of(tag), "types", List.of("updated")));
            Subscription authorAndEvent = subscribe(receiver.url("/author-and-event"),
                    Map.of("authors", List.of(author), "events", List.of(event)));
            Subscription authorElsewhere = subscribe(receiver.url("/author-elsewhere"),
                    Map.of("authors", List.of(author), "events", List.of("elsewhere")));
            Subscription eventComings = subscribe(receiver.url("/event-comings"),
                    Map.of("events", List.of(event), "types", List.of("published", "unpublished")));

            UUID id = UUID.randomUUID();
            ObjectNode report = ReportEvents.report(id, 1, "hook-" + unique, "Hooked " + unique, "2024-03-05T10:00:00Z");
            report.putArray("tags").add("python").add(tag);
            report.putObject("author").put("name", "Hook Author").put("slug", author);
            report.putObject("event").put("slug", event);
            try (ReportEvents events = new ReportEvents()) {
                events.send(ReportEvents.PUBLISHED, report);
                await().atMost(WAIT).until(() -> receiver.at("/by-tag").size() == 1 && receiver.at("/author-and-event").size() == 1
                        && receiver.at("/event-comings").size() == 1);

                for (var path : Map.of("/by-tag", byTag, "/author-and-event", authorAndEvent, "/event-comings", eventComings).entrySet()) {
                    LoopbackReceiver.Received delivery = receiver.at(path.getKey()).get(0);
                    assertTrue(StandardWebhooksVerifier.verifies(path.getValue().secret(), delivery.id(), delivery.timestamp(),
                            delivery.signature(), delivery.body()), path.getKey() + " signature " + delivery.signature());
                    assertFalse(StandardWebhooksVerifier.verifies(otherTag.secret(), delivery.id(), delivery.timestamp(),
                            delivery.signature(), delivery.body()), "signed with another subscription's secret");
                    assertTrue(delivery.id().matches("msg_[0-9a-f]{32}"), delivery.id());
                    assertTrue(delivery.contentType().startsWith("application/json"));
                    JsonNode body = WebhookSchema.assertValid(delivery.body());
                    assertEquals("report.published", body.get("type").asText());
                    JsonNode data = body.get("data");
                    assertEquals(id.toString(), data.get("id").asText());
                    assertEquals("Hooked " + unique, data.get("title").asText());
                    assertEquals(BASE + "/2024/03/hook-" + unique, data.get("url").asText());
                    assertEquals(List.of("python", tag), JSON.convertValue(data.get("tags"), List.class));
                    assertEquals(BASE + "/authors/" + author, data.get("author").get("url").asText());
                    assertEquals(BASE + "/events/" + event, data.get("event").get("url").asText());
                    assertEquals("2024-03-05T10:00:00Z", data.get("publishedAt").asText());
                }
                // all deliveries of a change are queued in one transaction: the others have nothing queued at all
                for (Subscription unmatched : List.of(otherTag, updatesOnly, authorElsewhere)) {
                    assertEquals(0, deliveries(unmatched).getInt("total"), unmatched.id());
                }

                events.send(ReportEvents.UNPUBLISHED, ReportEvents.unpublished(id, 2, "hook-" + unique));
                await().atMost(WAIT).until(() -> receiver.at("/by-tag").size() == 2 && receiver.at("/event-comings").size() == 2
                        && receiver.at("/author-and-event").size() == 2);
                JsonNode withdrawn = WebhookSchema.assertValid(receiver.at("/by-tag").get(1).body());
                assertEquals("report.unpublished", withdrawn.get("type").asText());
                assertEquals("Hooked " + unique, withdrawn.get("data").get("title").asText(), "described as it was");
                for (Subscription unmatched : List.of(otherTag, updatesOnly, authorElsewhere)) {
                    assertEquals(0, deliveries(unmatched).getInt("total"), unmatched.id());
                }
            }
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheSameWebhookIdOnTheFourthAttempt() {
        try (LoopbackReceiver receiver = new LoopbackReceiver(n -> n <= 3 ? 500 : 200)) {
            Subscription subscription = subscribe(receiver.url("/flaky"), Map.of("tags", List.of("flaky-" + unique)));
            publish("flaky-" + unique);

            await().atMost(WAIT).until(() -> receiver.received.size() == 4);
            assertEquals(1, receiver.received.stream().map(LoopbackReceiver.Received::id).distinct().count());
            receiver.received.forEach(delivery -> assertTrue(StandardWebhooksVerifier.verifies(subscription.secret(),
                    delivery.id(), delivery.timestamp(), delivery.signature(), delivery.body())));

            JsonPath log = await().atMost(WAIT).until(() -> deliveries(subscription),
                    page -> "delivered".equals(page.getString("items[0].state")));
            assertEquals(1, log.getInt("total"));
            assertEquals(receiver.received.get(0).id(), log.getString("items[0].messageId"));
            assertEquals(List.of(1, 2, 3, 4), log.getList("items[0].attemptLog.attempt"));
            assertEquals(List.of(500, 500, 500, 200), log.getList("items[0].attemptLog.status"));
            String deliveryId = log.getString("items[0].id");
            admin().get("/api/subscriptions/" + subscription.id() + "/deliveries/" + deliveryId).then().statusCode(200)
                    .body("attemptLog.size()", equalTo(4));
            // the success ends the failing run
            assertNull(admin().get("/api/subscriptions/" + subscription.id()).then().extract().path("failingSince"));
        }
    }

    @Test
    void duringARotationEachDeliveryIsSignedWithBothSecrets() {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(200)) {
            Subscription subscription = subscribe(receiver.url("/rotating"), Map.of("tags", List.of("rotating-" + unique)));
            String rotated = admin().post("/api/subscriptions/" + subscription.id() + "/secret").then().statusCode(200)
                    .extract().path("secret");
            publish("rotating-" + unique);

            await().atMost(WAIT).until(() -> receiver.received.size() == 1);
            LoopbackReceiver.Received delivery = receiver.received.get(0);
            String[] signatures = delivery.signature().split(" ");
            assertEquals(2, signatures.length, delivery.signature());
            assertTrue(StandardWebhooksVerifier.verifies(rotated, delivery.id(), delivery.timestamp(), signatures[0], delivery.body()));
            assertTrue(StandardWebhooksVerifier.verifies(subscription.secret(), delivery.id(), delivery.timestamp(), signatures[1],
                    delivery.body()));
        }
    }

    @Test
    void anEndpointThatIsGoneIsDisabledAndTheDisablingAnnounced() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(410)) {
            Subscription subscription = subscribe(receiver.url("/gone"), Map.of("tags", List.of("gone-" + unique)));
            publish("gone-" + unique);

            JsonPath disabled = await().atMost(WAIT).until(() -> subscription(subscription), s -> !s.getBoolean("active"));
            assertTrue(disabled.getString("disabledReason").contains("410"), disabled.getString("disabledReason"));
            assertAnnounced(subscription, "410");
            // the delivery is not tried again once the subscription is off
            await().atMost(WAIT).until(() -> "dropped".equals(deliveries(subscription).getString("items[0].state")));
            assertEquals(1, receiver.received.size());
        }
    }

    @Test
    void anEndpointFailingForLongerThanAllowedIsDisabled() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(503)) {
            Subscription subscription = subscribe(receiver.url("/failing"), Map.of("tags", List.of("failing-" + unique)));
            publish("failing-" + unique);
            await().atMost(WAIT).until(() -> subscription(subscription).getString("failingSince") != null);
            assertTrue(subscription(subscription).getBoolean("active"));

            // as if the endpoint had been failing for six days (herald.webhooks.disable-after is five)
            pool.preparedQuery("update webhook_subscription set failing_since = now() - interval '6 days' where id = $1")
                    .execute(Tuple.of(UUID.fromString(subscription.id()))).await().atMost(WAIT);

            JsonPath disabled = await().atMost(WAIT).until(() -> subscription(subscription), s -> !s.getBoolean("active"));
            assertTrue(disabled.getString("disabledReason").contains("failed since"), disabled.getString("disabledReason"));
            assertAnnounced(subscription, "failed since");
        }
    }

    @Test
    void anAdminRedeliversWithTheSameWebhookId() {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(202)) {
            Subscription subscription = subscribe(receiver.url("/again"), Map.of("tags", List.of("again-" + unique)));
            publish("again-" + unique);
            JsonPath log = await().atMost(WAIT).until(() -> deliveries(subscription),
                    page -> "delivered".equals(page.getString("items[0].state")));
            String deliveryId = log.getString("items[0].id");

            admin().post("/api/subscriptions/" + subscription.id() + "/deliveries/" + deliveryId + "/redeliver").then()
                    .statusCode(202);
            await().atMost(WAIT).until(() -> receiver.received.size() == 2);
            assertEquals(receiver.received.get(0).id(), receiver.received.get(1).id());
            assertTrue(StandardWebhooksVerifier.verifies(subscription.secret(), receiver.received.get(1).id(),
                    receiver.received.get(1).timestamp(), receiver.received.get(1).signature(), receiver.received.get(1).body()));
            admin().post("/api/subscriptions/" + subscription.id() + "/deliveries/999999999/redeliver").then().statusCode(404);
        }
    }

    @Test
    void replayingTheTopicIntoAnEmptyReadModelNotifiesNobodyAgain() {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(204); ReportEvents events = new ReportEvents();
                RawRecords raw = new RawRecords()) {
            String tag = "replayed-" + unique;
            Subscription subscription = subscribe(receiver.url("/replayed"), Map.of("tags", List.of(tag)));
            UUID id = UUID.randomUUID();
            ObjectNode report = ReportEvents.report(id, 1, tag, "Replayed " + unique, "2024-05-01T09:00:00Z");
            report.putArray("tags").add(tag);
            String eventId = events.send(ReportEvents.PUBLISHED, report);
            await().atMost(WAIT).until(() -> receiver.received.size() == 1);

            // what a rebuild does to this report (./herald up --rebuild-feeds): forgotten, then its event read again
            pool.withTransaction(tx -> tx.preparedQuery("delete from processed_event where id = $1").execute(Tuple.of(eventId))
                    .chain(() -> tx.preparedQuery("delete from report where id = $1").execute(Tuple.of(id)))
                    .chain(() -> tx.preparedQuery("delete from report_revision where report_id = $1").execute(Tuple.of(id))))
                    .await().atMost(WAIT);
            events.send(ReportEvents.PUBLISHED, eventId, report);
            // and an event older than the delivery log keeps, whose delivery may have been purged
            UUID old = UUID.randomUUID();
            ObjectNode oldReport = ReportEvents.report(old, 1, tag + "-old", "Old " + unique, "2024-01-01T09:00:00Z");
            oldReport.putArray("tags").add(tag);
            EventContract.assertMatches("reports", ReportEvents.PUBLISHED, oldReport);
            Map<String, String> headers = new HashMap<>(RawRecords.cloudEvent("/herald/content-service", ReportEvents.PUBLISHED));
            headers.put("ce_time", Instant.now().minus(Duration.ofDays(60)).toString());
            raw.send("reports.events", old.toString(), oldReport.toString(), headers);

            await().atMost(WAIT).until(() -> pool.preparedQuery("select count(*) from report where id = any($1)")
                    .execute(Tuple.of(new UUID[] {id, old})).await().atMost(WAIT).iterator().next().getLong(0) == 2);
            // both were applied in the transactions that would have queued their deliveries
            assertEquals(1, deliveries(subscription).getInt("total"));
            assertEquals(1, receiver.received.size());
        }
    }

    private void assertAnnounced(Subscription subscription, String reason) throws Exception {
        try (RawRecords records = new RawRecords()) {
            ConsumerRecord<String, String> announced = await().atMost(WAIT).until(
                    () -> records.readAll("notifications.events").stream().filter(r -> subscription.id().equals(r.key())).toList(),
                    found -> found.size() == 1).get(0);
            assertEquals("dev.herald.subscription.disabled", RawRecords.header(announced, "ce_type").orElseThrow());
            assertEquals("/herald/feed-service", RawRecords.header(announced, "ce_source").orElseThrow());
            assertEquals(subscription.id(), RawRecords.header(announced, "ce_subject").orElseThrow());
            JsonNode data = JSON.readTree(announced.value());
            EventContract.assertMatches("notifications", "dev.herald.subscription.disabled", data);
            assertEquals(subscription.id(), data.get("id").asText());
            assertTrue(data.get("reason").asText().contains(reason));
            assertTrue(data.get("host").asText().startsWith("127.0.0.1:"));
        }
    }

    private void publish(String tag) {
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, tag, "About " + tag, "2024-04-01T09:00:00Z");
        report.putArray("tags").add(tag);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
    }

    private Subscription subscribe(String url, Map<String, List<String>> filters) {
        JsonPath created = admin().contentType(ContentType.JSON).body(Map.of("url", url, "filters", filters))
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return new Subscription(created.getString("id"), created.getString("secret"));
    }

    private static JsonPath subscription(Subscription subscription) {
        return admin().get("/api/subscriptions/" + subscription.id()).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath deliveries(Subscription subscription) {
        return admin().get("/api/subscriptions/" + subscription.id() + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin());
    }
}
