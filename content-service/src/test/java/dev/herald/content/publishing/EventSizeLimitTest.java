package dev.herald.content.publishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.herald.events.EventType;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import dev.herald.outbox.OutboxConfig;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every report Herald publishes can be announced: one whose event just fits herald.outbox.max-event-bytes reaches
 * reports.events (4 MiB records), one just over is refused with 413 when published, scheduled or imported, and nothing
 * of it is stored.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class EventSizeLimitTest {

    /** Room left on either side of the limit: the event's dates and ids have a fixed length, so a few bytes do. */
    private static final int MARGIN = 200;

    @Inject
    OutboxConfig config;
    @Inject
    Pool pool;

    @Test
    void aReportJustUnderTheLimitReachesTheTopicAndOneJustOverIsRefused() {
        int limit = config.maxEventBytes();
        try (ReportEventsOnTopic topic = new ReportEventsOnTopic()) {
            // an ampersand becomes "&amp;" in the HTML, so the body stays within the editor's 1,000,000 characters
            long small = eventBytes(topic, publish("fits-calib-1", 1_000));
            long larger = eventBytes(topic, publish("fits-calib-2", 3_000));
            double perChar = (larger - small) / 2_000.0;
            double fixed = small - perChar * 1_000;
            int under = (int) Math.floor((limit - MARGIN - fixed) / perChar);
            int over = (int) Math.ceil((limit + MARGIN - fixed) / perChar);

            UUID fits = publish("fits-under-0", under);
            long bytes = eventBytes(topic, fits);
            assertTrue(bytes <= limit && bytes >= limit - 2 * MARGIN, bytes + " bytes, limit " + limit);

            UUID tooLarge = draft("fits-overr-0", over);
            given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", tooLarge).then()
                    .statusCode(413).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body"));
            given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                    .body(Map.of("publishAt", Instant.now().plusSeconds(3600).toString()))
                    .post("/api/reports/{id}/schedule", tooLarge).then()
                    .statusCode(413).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body"));
            given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", tooLarge).then().statusCode(200)
                    .body("state", equalTo("draft")).body("revision", equalTo(1));
            assertEquals(0, outboxRows(tooLarge), "nothing recorded for the refused report");
        }
    }

    @Test
    void anImportMarkedPublishedThatCouldNeverBeAnnouncedIsRefusedAndNothingIsStored() {
        int limit = config.maxEventBytes();
        String document = "---\ntitle: Too large to announce\nauthor: Ada\ndescription: Fixed.\npublished: true\n---\n"
                + "&".repeat(limit / 5 + 1_000) + "\n";
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").body(document)
                .post("/api/reports/import").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestTokens.editor()).queryParam("size", 100).get("/api/reports").then()
                .body("items.findAll { it.slug == 'too-large-to-announce' }", hasSize(0));
    }

    private static UUID publish(String slug, int ampersands) {
        UUID id = draft(slug, ampersands);
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200)
                .body("state", equalTo("published"));
        return id;
    }

    private static UUID draft(String slug, int ampersands) {
        String location = given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body(Map.of("slug", slug, "title", "Fits", "description", "Fixed.", "authorName", "Ada",
                        "publishDate", "2019-10-30T00:00:00Z", "updatedDate", "2019-10-30T00:00:00Z",
                        "body", "&".repeat(ampersands)))
                .post("/api/reports").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static long eventBytes(ReportEventsOnTopic topic, UUID id) {
        List<ConsumerRecord<String, CloudEvent>> events = topic.about(id, found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertEquals(1, events.size(), "the publication of " + id + " on reports.events");
        assertEquals(EventType.REPORT_PUBLISHED.type(), events.get(0).value().getType());
        return events.get(0).value().getData().toBytes().length;
    }

    private long outboxRows(UUID id) {
        return pool.preparedQuery("select count(*) from outbox where aggregate_id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
