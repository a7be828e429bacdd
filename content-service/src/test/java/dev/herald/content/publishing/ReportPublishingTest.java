package dev.herald.content.publishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.networknt.schema.ValidationMessage;

import dev.herald.content.report.ReportService;
import dev.herald.events.EventSchemas;
import dev.herald.events.EventType;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import dev.herald.outbox.OutboxRepository;
import dev.herald.problem.IfMatch;
import io.cloudevents.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ReportPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReportService service;
    @Inject
    OutboxRepository outbox;
    @Inject
    ObjectMapper json;

    private ReportEventsOnTopic topic;

    @BeforeEach
    void consume() {
        topic = new ReportEventsOnTopic();
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void publishingEmitsAPublishedCloudEventCarryingTheWholeReport() throws IOException {
        UUID id = createDraft("published-event", "/2019/10/published-event.html");
        given().get("/api/reports/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then()
                .statusCode(200).body("state", equalTo("published"));
        given().get("/api/reports/{id}", id).then().statusCode(200);

        ConsumerRecord<String, CloudEvent> record = single(id, EventType.REPORT_PUBLISHED.type());
        CloudEvent event = record.value();
        assertEquals("1.0", event.getSpecVersion().toString());
        assertEquals(URI.create("/herald/content-service"), event.getSource());
        assertEquals(id.toString(), event.getSubject());
        assertEquals("application/json", event.getDataContentType());
        assertNotNull(UUID.fromString(event.getId()));
        assertNotNull(event.getTime());
        assertNotNull(record.headers().lastHeader("ce_id"), "binary mode: attributes are ce_ headers");

        JsonNode data = json.readTree(event.getData().toBytes());
        assertEquals(id.toString(), data.get("id").asText());
        assertEquals(1, data.get("revision").asInt());
        assertEquals("published-event", data.get("slug").asText());
        assertEquals("Published event", data.get("title").asText());
        assertEquals("Ada Lovelace", data.at("/author/name").asText());
        assertEquals("ada", data.at("/author/slug").asText());
        assertEquals("sprint-2019", data.at("/event/slug").asText());
        assertEquals(List.of("sprint", "cpython"), json.convertValue(data.get("tags"), List.class));
        assertEquals("2019-10-30T00:00:00Z", data.get("publishDate").asText());
        assertEquals("/2019/10/published-event.html", data.get("legacyUrl").asText());
        assertTrue(data.get("html").asText().contains("<h2 id=\"what-happened\">What happened</h2>"));
        assertTrue(data.get("html").asText().contains("&lt;script&gt;"), "code stays escaped in the event");
        assertEquals("We met and sprinted.", data.get("summary").asText());
        assertTrue(data.get("images").isArray());
        assertMatchesSchema(event);
    }

    @Test
    void updatesAndUnpublishingFollowInOrder() throws IOException {
        UUID id = createDraft("update-then-unpublish", null);
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body(input("update-then-unpublish", null).replace("Published event", "Changed title"))
                .put("/api/reports/{id}", id).then().statusCode(200).body("revision", equalTo(2));
        given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}/revisions", id).then().body("$", hasSize(2));
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/unpublish", id).then()
                .statusCode(200).body("state", equalTo("unpublished"));
        given().get("/api/reports/{id}", id).then().statusCode(404);

        List<ConsumerRecord<String, CloudEvent>> events = topic.about(id, found -> found.size() >= 3, WAIT);
        assertEquals(List.of(EventType.REPORT_PUBLISHED.type(), EventType.REPORT_UPDATED.type(), EventType.REPORT_UNPUBLISHED.type()),
                events.stream().map(record -> record.value().getType()).toList());
        JsonNode updated = json.readTree(events.get(1).value().getData().toBytes());
        assertEquals(2, updated.get("revision").asInt());
        assertEquals("Changed title", updated.get("title").asText());
        for (ConsumerRecord<String, CloudEvent> record : events) {
            assertMatchesSchema(record.value());
        }
        JsonNode unpublished = json.readTree(events.get(2).value().getData().toBytes());
        assertEquals(id.toString(), unpublished.get("id").asText());
    }

    @Test
    void aRolledBackChangeEmitsNothing() throws Throwable {
        UUID id = createDraft("rolled-back", null);
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> service.publish(id, IfMatch.ABSENT)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("fails after the outbox row"))))));
        given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", id).then().body("state", equalTo("draft"));
        long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> outbox.count("aggregateId", id)));
        assertEquals(0, rows);

        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200);
        single(id, EventType.REPORT_PUBLISHED.type());
        assertEquals(1, topic.about(id, found -> false, Duration.ofSeconds(3)).size(),
                "only the committed publication reaches the topic");
    }

    @Test
    void aScheduledReportPublishesItselfWhenItsTimeComes() {
        UUID id = createDraft("scheduled", null);
        Instant at = Instant.now().plusSeconds(2);
        given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body(Map.of("publishAt", at.toString()))
                .post("/api/reports/{id}/schedule", id).then().statusCode(200).body("state", equalTo("scheduled"));
        given().get("/api/reports/{id}", id).then().statusCode(404);

        ConsumerRecord<String, CloudEvent> record = single(id, EventType.REPORT_PUBLISHED.type());
        assertTrue(record.value().getTime().toInstant().isAfter(at.minusMillis(1)));
        given().get("/api/reports/{id}", id).then().statusCode(200).body("state", equalTo("published"));
    }

    @Test
    void theDemoReportLoadsAndIsPublished() throws IOException {
        String document;
        try (InputStream in = getClass().getResourceAsStream("/demo/cpython-core-developer-sprint-2019/index.md")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").body(document)
                .post("/api/reports/import").then().statusCode(200)
                .body("slug", equalTo("cpython-core-developer-sprint-2019"))
                .body("state", equalTo("published"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200)
                .body("state", equalTo("published"));
        given().get("/api/reports/{id}", id).then().statusCode(200)
                .body("title", equalTo("CPython Core Developer Sprint 2019"));
        given().queryParam("author", "Pablo Galindo").queryParam("size", 100).get("/api/reports").then()
                .body("items.find { it.id == '" + id + "' }.state", equalTo("published"));
    }

    @Test
    void reImportingUnchangedContentEmitsNothingAndChangedContentEmitsAnUpdate() {
        String document = "---\ntitle: Re-import\npublishDate: '2020-01-02'\nauthor: Ada\npublished: true\n"
                + "legacyUrl: /2020/01/re-import.html\n---\nFirst body\n";
        String id = importMarkdown(document).then().body("status", equalTo("created")).extract().path("id");
        importMarkdown(document).then().body("status", equalTo("unchanged")).body("revision", equalTo(1));
        importMarkdown(document.replace("First body", "Second body")).then()
                .body("status", equalTo("updated")).body("revision", equalTo(2)).body("state", equalTo("published"));

        List<ConsumerRecord<String, CloudEvent>> events = topic.about(UUID.fromString(id), found -> found.size() >= 2, WAIT);
        assertEquals(List.of(EventType.REPORT_PUBLISHED.type(), EventType.REPORT_UPDATED.type()),
                events.stream().map(record -> record.value().getType()).toList());
        assertEquals(2, topic.about(UUID.fromString(id), found -> false, Duration.ofSeconds(2)).size(),
                "the unchanged re-import emitted nothing");
    }

    private static io.restassured.response.Response importMarkdown(String document) {
        return given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").body(document)
                .post("/api/reports/import");
    }

    @Test
    void writesNeedTheEditorRole() {
        given().contentType("application/json").body(input("no-token", null)).post("/api/reports").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles("subscriber")).contentType("application/json")
                .body(input("wrong-role", null)).post("/api/reports").then().statusCode(403);
    }

    @Test
    void aSlugUsedByAnotherReportIsAConflict() {
        createDraft("taken-slug", null);
        given().auth().oauth2(TestTokens.editor()).contentType("application/json").body(input("taken-slug", null))
                .post("/api/reports").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
    }

    /** The event's data matches the JSON Schema documented for its type in docs/events/reports, which it names. */
    private void assertMatchesSchema(CloudEvent event) throws IOException {
        EventType type = EventType.named(event.getType()).orElseThrow(() -> new AssertionError("no contract for " + event.getType()));
        assertEquals(type.dataschema(), event.getDataSchema());
        Set<ValidationMessage> errors = EventSchemas.of(type).validate(json.readTree(event.getData().toBytes()));
        assertTrue(errors.isEmpty(), () -> event.getType() + ": " + errors);
    }

    private ConsumerRecord<String, CloudEvent> single(UUID id, String type) {
        List<ConsumerRecord<String, CloudEvent>> events = topic.about(id,
                found -> found.stream().anyMatch(record -> record.value().getType().equals(type)), WAIT);
        return events.stream().filter(record -> record.value().getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + id));
    }

    private static UUID createDraft(String slug, String legacyUrl) {
        String location = given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body(input(slug, legacyUrl)).post("/api/reports").then().statusCode(201)
                .body("state", equalTo("draft")).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String input(String slug, String legacyUrl) {
        return """
                {"slug": "%s", "title": "Published event", "description": "We met and sprinted.",
                 "authorName": "Ada Lovelace", "authorSlug": "ada", "tags": ["sprint", "cpython"],
                 "publishDate": "2019-10-30T00:00:00Z", "event": "sprint-2019", %s
                 "body": "## What happened\\n\\n```html\\n<script>alert(1)</script>\\n```\\n"}
                """.formatted(slug, legacyUrl == null ? "" : "\"legacyUrl\": \"" + legacyUrl + "\",");
    }
}
