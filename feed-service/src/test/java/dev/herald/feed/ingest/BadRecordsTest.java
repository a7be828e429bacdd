package dev.herald.feed.ingest;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.consumer.DeadLetter;
import dev.herald.consumer.DeadLetterStore;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.RawRecords;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Records no producer should send, as a plain kafka-clients producer sends them: each is dead-lettered (on the .dlq
 * topic with its headers, counted, kept for an admin) or passed over, the service stays ready, and the next good
 * event reaches the feeds and pages.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class BadRecordsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REPORTS = "reports.events";
    static final String ATTENDEES = "attendees.events";
    static final String CONTENT = "/herald/content-service";
    static final String PEOPLE = "/herald/attendees-service";
    // far behind the other tests' reports, so these never crowd the first page of /feeds/* that they read
    static final String OLD_DATE = "2010-01-01";

    static RawRecords kafka;

    @Inject
    DeadLetterStore store;

    @BeforeAll
    static void connect() {
        kafka = new RawRecords();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** topic, key, value (null: a tombstone), headers, the expected dead-letter reason (null: passed over) */
    static Stream<Arguments> badRecords() {
        UUID id = UUID.randomUUID();
        String report = ReportEvents.report(id, 1, "bad-" + id, "Bad", OLD_DATE).toString();
        ObjectNode wrongTypes = ReportEvents.report(id, 1, "bad-" + id, "Bad", OLD_DATE);
        wrongTypes.put("revision", "one");
        String person = person(id, "bad-" + id.toString().substring(0, 8)).toString();
        return Stream.of(
                // a compacted topic refuses a record without key (see below); an empty key still gets through
                Arguments.of("the issue's record: empty key and {}", REPORTS, "", "{}", published(), "no-key"),
                Arguments.of("empty key", REPORTS, "", report, published(), "no-key"),
                Arguments.of("{}", REPORTS, id.toString(), "{}", published(), "schema-violation"),
                Arguments.of("not JSON", REPORTS, id.toString(), "<report/>", published(), "not-json"),
                Arguments.of("wrong types", REPORTS, id.toString(), wrongTypes.toString(), published(), "schema-violation"),
                Arguments.of("no CloudEvents headers", REPORTS, id.toString(), report, Map.of(), "no-cloudevents-headers"),
                Arguments.of("key is not the id", REPORTS, UUID.randomUUID().toString(), report, published(), "key-mismatch"),
                Arguments.of("unknown type", REPORTS, id.toString(), report,
                        RawRecords.cloudEvent(CONTENT, "dev.herald.report.translated"), null),
                Arguments.of("tombstone", REPORTS, id.toString(), null, Map.of(), null),
                Arguments.of("the issue's {\"id\": 42}", ATTENDEES, id.toString(), "{\"id\": 42}", personCreated(), "schema-violation"),
                Arguments.of("empty key", ATTENDEES, "", person, personCreated(), "no-key"),
                Arguments.of("{}", ATTENDEES, id.toString(), "{}", personCreated(), "schema-violation"),
                Arguments.of("not JSON", ATTENDEES, id.toString(), "not json", personCreated(), "not-json"),
                Arguments.of("wrong types", ATTENDEES, id.toString(), person.replace("\"featured\":false", "\"featured\":\"no\""),
                        personCreated(), "schema-violation"),
                Arguments.of("no CloudEvents headers", ATTENDEES, id.toString(), person, Map.of(), "no-cloudevents-headers"),
                // PostgreSQL cannot store U+0000 in jsonb: the database refuses the data, and no retry would change that
                Arguments.of("data the database refuses", ATTENDEES, id.toString(),
                        person.replace("\"featured\"", "\"bio\":\"nul \\u0000 byte\",\"featured\""), personCreated(), "rejected"),
                Arguments.of("unknown type", ATTENDEES, id.toString(), person,
                        RawRecords.cloudEvent(PEOPLE, "dev.herald.person.renamed"), null),
                Arguments.of("tombstone", ATTENDEES, id.toString(), null, Map.of(), null));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badRecords")
    void aBadRecordIsSetAsideAndTheNextEventIsApplied(String kind, String topic, String key, String value,
            Map<String, String> headers, String reason) {
        double countedBefore = deadLettered(topic, reason);
        RecordMetadata sent = kafka.send(topic, key, value, headers);

        if (topic.equals(REPORTS)) {
            String tag = "after-" + UUID.randomUUID().toString().substring(0, 8);
            UUID next = UUID.randomUUID();
            ObjectNode good = ReportEvents.report(next, 1, "good-" + next, "Good", OLD_DATE);
            good.withArray("tags").add(tag);
            try (ReportEvents events = new ReportEvents()) {
                events.send(ReportEvents.PUBLISHED, good);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/tags/" + tag + "/feed.json").asString()
                    .contains("urn:uuid:" + next));
        } else {
            String slug = "summit-" + UUID.randomUUID().toString().substring(0, 8);
            UUID event = UUID.randomUUID();
            kafka.send(ATTENDEES, event.toString(), summit(event, slug).toString(),
                    RawRecords.cloudEvent(PEOPLE, "dev.herald.event.created"));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/events/" + slug).statusCode() == 200);
        }
        management().get("/q/health/ready").then().statusCode(200);

        List<ConsumerRecord<String, String>> letters = kafka.readAll(topic + ".dlq").stream()
                .filter(r -> RawRecords.header(r, "dead-letter-offset").equals(Optional.of(Long.toString(sent.offset())))
                        && RawRecords.header(r, "dead-letter-partition").equals(Optional.of(Integer.toString(sent.partition()))))
                .toList();
        if (reason == null) {
            assertTrue(letters.isEmpty(), kind + " must be passed over, not dead-lettered");
            return;
        }
        assertEquals(1, letters.size(), kind + " must be on " + topic + ".dlq once");
        ConsumerRecord<String, String> letter = letters.get(0);
        assertEquals(key, letter.key());
        assertEquals(value, letter.value());
        assertEquals(Optional.of(reason), RawRecords.header(letter, "dead-letter-reason"));
        assertEquals(Optional.of(topic), RawRecords.header(letter, "dead-letter-topic"));
        assertTrue(RawRecords.header(letter, "dead-letter-cause").isPresent());
        headers.forEach((name, content) -> assertEquals(Optional.of(content), RawRecords.header(letter, name)));
        assertEquals(countedBefore + 1, deadLettered(topic, reason));

        given().auth().oauth2(TestTokens.admin()).queryParam("topic", topic).get("/api/dead-letters").then().statusCode(200)
                .body("items.find { it.offset == " + sent.offset() + " && it.partition == " + sent.partition() + " }.reason",
                        equalTo(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {REPORTS, ATTENDEES})
    void theCompactedTopicRefusesARecordWithoutKey(String topic) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> kafka.send(topic, null, "{}", published()));
        assertInstanceOf(InvalidRecordException.class, refused.getCause());
    }

    @Test
    void onlyAnAdminSeesDeadLetters() {
        given().get("/api/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles("editor")).get("/api/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("editor")).post("/api/dead-letters/" + UUID.randomUUID() + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/dead-letters/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "lost").get("/api/dead-letters").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void aReplayOfARecordThatIsStillBadLeavesItWaiting() {
        UUID id = UUID.randomUUID();
        RecordMetadata sent = kafka.send(REPORTS, id.toString(), "{}", published());
        String letterId = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("topic", REPORTS).queryParam("status", "pending").get("/api/dead-letters").then().extract()
                .path("items.find { it.offset == " + sent.offset() + " && it.partition == " + sent.partition() + " }.id"), notNullValue());

        given().auth().oauth2(TestTokens.admin()).post("/api/dead-letters/" + letterId + "/replay").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("schema-violation"));
        given().auth().oauth2(TestTokens.admin()).get("/api/dead-letters/" + letterId).then().statusCode(200)
                .body("replayedAt", nullValue()).body("key", equalTo(id.toString()));
    }

    @Test
    void aReplayedRecordThatNowSucceedsIsAppliedAndMarked() {
        // a good event an earlier release set aside (say, before its schema allowed a field): kept as it was on the topic
        UUID id = UUID.randomUUID();
        String tag = "replayed-" + id.toString().substring(0, 8);
        ObjectNode report = ReportEvents.report(id, 1, "replayed-" + id, "Replayed", OLD_DATE);
        report.withArray("tags").add(tag);
        Map<String, String> headers = published();
        DeadLetter stored = new DeadLetter(UUID.randomUUID(), REPORTS, 0, ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50),
                id.toString(), report.toString(),
                headers.entrySet().stream().map(h -> new DeadLetter.RecordHeader(h.getKey(), h.getValue())).toList(),
                "schema-violation", "set aside by an earlier release", null, null);
        store.add(stored).await().atMost(Duration.ofSeconds(10));

        given().auth().oauth2(TestTokens.admin()).post("/api/dead-letters/" + stored.id() + "/replay").then().statusCode(200)
                .body("replayedAt", notNullValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/tags/" + tag + "/feed.json").asString()
                .contains("urn:uuid:" + id));
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "replayed").get("/api/dead-letters").then()
                .body("items.id", hasItem(stored.id().toString()));
    }

    private static Map<String, String> published() {
        return RawRecords.cloudEvent(CONTENT, ReportEvents.PUBLISHED);
    }

    private static Map<String, String> personCreated() {
        return RawRecords.cloudEvent(PEOPLE, "dev.herald.person.created");
    }

    private static ObjectNode person(UUID id, String slug) {
        ObjectNode person = JSON.createObjectNode().put("id", id.toString()).put("slug", slug).put("name", "Bad Record")
                .put("featured", false);
        person.putArray("affiliations");
        return person;
    }

    private static ObjectNode summit(UUID id, String slug) {
        ObjectNode event = JSON.createObjectNode().put("id", id.toString()).put("slug", slug).put("name", "Summit " + slug)
                .put("kind", "summit").put("startDate", "2024-05-15").put("endDate", "2024-05-15");
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

    /**
     * The value of herald_events_dead_lettered_total{topic,reason} on /q/metrics, after which an exemplar (the trace of
     * the last increment) may follow; 0 before the first.
     */
    private static double deadLettered(String topic, String reason) {
        if (reason == null) {
            return 0;
        }
        Matcher matcher = Pattern.compile("(?m)^herald_events_dead_lettered_total\\{([^}]*)\\} (\\S+)( # .*)?$")
                .matcher(management().get("/q/metrics").asString());
        while (matcher.find()) {
            if (matcher.group(1).contains("topic=\"" + topic + "\"") && matcher.group(1).contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
