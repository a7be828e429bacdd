package dev.herald.content.outbox;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.herald.content.publishing.ReportEventsOnTopic;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An outbox row Kafka refuses for good — here one recorded before the size check existed, larger than the producer's
 * max.request.size — is parked: later rows go on, an admin sees it and why, the report says it is stuck.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ParkedEventTest {

    private static final Pattern PARKED_GAUGE = Pattern.compile("(?m)^herald_outbox_parked(?:\\{[^}]*\\})? ([0-9.]+)$");

    @Inject
    Pool pool;

    @Test
    void aRefusedEventIsParkedVisibleAndDoesNotHoldBackLaterOnes() {
        UUID stuck = publishedReport("parked-stuck");
        UUID refused = UUID.randomUUID();
        recordByHand(refused, stuck, "dev.herald.report.updated", "{\"html\": \"" + "x".repeat(5_000_000) + "\"}");

        UUID later = publishedReport("parked-later");
        try (ReportEventsOnTopic topic = new ReportEventsOnTopic()) {
            assertEquals(1, topic.about(later, events -> !events.isEmpty(), Duration.ofSeconds(30)).size(),
                    "the event recorded after the refused one is sent");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(refused) != null);
        assertTrue(parkedReason(refused).startsWith("RecordTooLargeException"), parkedReason(refused));

        given().auth().oauth2(TestTokens.admin()).get("/api/outbox/parked").then().statusCode(200)
                .body("items.id", hasItem(refused.toString()))
                .body("items.find { it.id == '" + refused + "' }.aggregateId", equalTo(stuck.toString()))
                .body("items.find { it.id == '" + refused + "' }.type", equalTo("dev.herald.report.updated"))
                .body("items.find { it.id == '" + refused + "' }.reason", containsString("RecordTooLargeException"));
        given().auth().oauth2(TestTokens.editor()).get("/api/outbox/parked").then().statusCode(403);
        given().get("/api/outbox/parked").then().statusCode(401);

        given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", stuck).then().statusCode(200)
                .body("stuckPublication.eventId", equalTo(refused.toString()))
                .body("stuckPublication.eventType", equalTo("dev.herald.report.updated"))
                .body("stuckPublication.reason", containsString("RecordTooLargeException"));
        given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", later).then().statusCode(200)
                .body("stuckPublication", nullValue());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(parkedGauge() >= 1,
                "herald_outbox_parked counts the parked row: " + management().get("/q/metrics").asString().lines()
                        .filter(line -> line.startsWith("herald_outbox")).toList()));
        management().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anAdminRetriesAParkedEventWhichIsParkedAgainWhileKafkaStillRefusesIt() {
        UUID report = publishedReport("parked-retried");
        UUID refused = UUID.randomUUID();
        recordByHand(refused, report, "dev.herald.report.updated", "{\"html\": \"" + "y".repeat(5_000_000) + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(refused) != null);
        OffsetDateTime first = parkedAt(refused);

        given().auth().oauth2(TestTokens.editor()).post("/api/outbox/parked/{id}/retry", refused).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post("/api/outbox/parked/{id}/retry", refused).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(refused) != null && parkedAt(refused).isAfter(first));

        given().auth().oauth2(TestTokens.admin()).post("/api/outbox/parked/{id}/retry", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEventOfATypeThisReleaseDoesNotKnowIsParkedNotSent() {
        UUID report = publishedReport("parked-unknown-type");
        UUID unknown = UUID.randomUUID();
        recordByHand(unknown, report, "dev.herald.report.archived", "{}");

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(unknown) != null);
        assertEquals("this release knows no event type dev.herald.report.archived", parkedReason(unknown));
    }

    /** An outbox row as any release writes it, the type by name. */
    private void recordByHand(UUID id, UUID report, String type, String payload) {
        pool.preparedQuery("insert into outbox (id, aggregate_id, type, subject, payload, occurred_at)"
                        + " values ($1, $2, $3, $4, $5, now())")
                .execute(Tuple.of(id, report, type, report.toString(), payload)).await().atMost(Duration.ofSeconds(10));
    }

    private UUID publishedReport(String slug) {
        String location = given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body("{\"slug\": \"" + slug + "\", \"title\": \"" + slug + "\", \"authorName\": \"Ada\", \"body\": \"Hi\"}")
                .post("/api/reports").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200);
        return id;
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select parked_at, parked_reason from outbox where id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private OffsetDateTime parkedAt(UUID id) {
        return row(id).getOffsetDateTime("parked_at");
    }

    private String parkedReason(UUID id) {
        return row(id).getString("parked_reason");
    }

    private static double parkedGauge() {
        Matcher gauge = PARKED_GAUGE.matcher(management().get("/q/metrics").then().statusCode(200).extract().asString());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }
}
