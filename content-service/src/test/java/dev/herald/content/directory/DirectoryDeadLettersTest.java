package dev.herald.content.directory;

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

import dev.herald.consumer.DeadLetter;
import dev.herald.consumer.DeadLetterStore;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.RawRecords;
import dev.herald.infra.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;

/**
 * Records on attendees.events that no producer should send, sent with a plain kafka-clients producer: each is
 * dead-lettered (on attendees.events.dlq with its headers, counted, kept for an admin) or passed over, the service
 * stays ready and the next person reaches the directory.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class DirectoryDeadLettersTest {

    static final String TOPIC = "attendees.events";
    static final String SOURCE = "/herald/attendees-service";

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

    /** key, value (null: a tombstone), headers, the expected dead-letter reason (null: passed over) */
    static Stream<Arguments> badRecords() {
        UUID id = UUID.randomUUID();
        String person = person(id, "bad-" + id.toString().substring(0, 8), "Bad Record");
        return Stream.of(
                // attendees.events is compacted and refuses a record without key (see below); an empty key still gets through
                Arguments.of("empty key", "", person, created(), "no-key"),
                Arguments.of("{}", id.toString(), "{}", created(), "schema-violation"),
                Arguments.of("{\"id\": 42}", id.toString(), "{\"id\": 42}", created(), "schema-violation"),
                Arguments.of("not JSON", id.toString(), "not json", created(), "not-json"),
                Arguments.of("wrong types", id.toString(), person.replace("\"featured\": false", "\"featured\": \"no\""),
                        created(), "schema-violation"),
                Arguments.of("an erasure without its id", id.toString(), "{\"publicRecordRetained\": false}",
                        RawRecords.cloudEvent(SOURCE, "dev.herald.person.erased"), "schema-violation"),
                Arguments.of("no CloudEvents headers", id.toString(), person, Map.of(), "no-cloudevents-headers"),
                Arguments.of("unknown type", id.toString(), person, RawRecords.cloudEvent(SOURCE, "dev.herald.person.merged"), null),
                Arguments.of("tombstone", id.toString(), null, Map.of(), null));
    }

    private static List<ConsumerRecord<String, String>> letters(RecordMetadata sent) {
        return kafka.readAll(TOPIC + ".dlq").stream()
                .filter(r -> RawRecords.header(r, "dead-letter-offset").equals(Optional.of(Long.toString(sent.offset())))
                        && RawRecords.header(r, "dead-letter-partition").equals(Optional.of(Integer.toString(sent.partition()))))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void aBadRecordIsSetAsideAndTheNextPersonReachesTheDirectory(String kind, String key, String value,
            Map<String, String> headers, String reason) throws Throwable {
        double countedBefore = deadLettered(reason);
        RecordMetadata sent = kafka.send(TOPIC, key, value, headers);

        UUID next = UUID.randomUUID();
        kafka.send(TOPIC, next.toString(), person(next, "next-" + next.toString().substring(0, 8), "Next Person"), created());
        awaitPerson(next);
        management().get("/q/health/ready").then().statusCode(200);

        // the next person may be on another partition than the bad record: wait for the letter itself
        List<ConsumerRecord<String, String>> letters = reason == null ? letters(sent)
                : await().atMost(Duration.ofSeconds(30)).until(() -> letters(sent), found -> !found.isEmpty());
        if (reason == null) {
            assertTrue(letters.isEmpty(), kind + " must be passed over, not dead-lettered");
            return;
        }
        assertEquals(1, letters.size(), kind + " must be on " + TOPIC + ".dlq once");
        ConsumerRecord<String, String> letter = letters.get(0);
        assertEquals(key, letter.key());
        assertEquals(value, letter.value());
        assertEquals(Optional.of(reason), RawRecords.header(letter, "dead-letter-reason"));
        assertEquals(Optional.of(TOPIC), RawRecords.header(letter, "dead-letter-topic"));
        assertEquals(Optional.of("content-service"), RawRecords.header(letter, "dead-letter-service"));
        assertTrue(RawRecords.header(letter, "dead-letter-cause").isPresent());
        headers.forEach((name, content) -> assertEquals(Optional.of(content), RawRecords.header(letter, name)));
        assertEquals(countedBefore + 1, deadLettered(reason));

        given().auth().oauth2(TestTokens.admin()).get("/api/dead-letters").then().statusCode(200)
                .body("items.find { it.offset == " + sent.offset() + " && it.partition == " + sent.partition() + " }.reason",
                        equalTo(reason));
    }

    @Test
    void theCompactedTopicRefusesARecordWithoutKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> kafka.send(TOPIC, null, "{}", created()));
        assertInstanceOf(InvalidRecordException.class, refused.getCause());
    }

    @Test
    void onlyAnAdminSeesAndReplaysDeadLetters() {
        given().get("/api/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.editor()).get("/api/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.editor()).post("/api/dead-letters/" + UUID.randomUUID() + "/replay").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post("/api/dead-letters/" + UUID.randomUUID() + "/replay").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aReplayOfAStillBadRecordIsRefusedAndAFixedOneIsAppliedAndMarked() throws Throwable {
        UUID bad = UUID.randomUUID();
        RecordMetadata sent = kafka.send(TOPIC, bad.toString(), "{\"id\": 42}", created());
        String badLetter = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("status", "pending").get("/api/dead-letters").then().extract()
                .path("items.find { it.offset == " + sent.offset() + " && it.partition == " + sent.partition() + " }.id"), notNullValue());
        given().auth().oauth2(TestTokens.admin()).post("/api/dead-letters/" + badLetter + "/replay").then().statusCode(422)
                .body("detail", containsString("schema-violation"));
        given().auth().oauth2(TestTokens.admin()).get("/api/dead-letters/" + badLetter).then().body("replayedAt", nullValue());

        // a good event an earlier release set aside, kept as it was on the topic
        UUID id = UUID.randomUUID();
        DeadLetter stored = new DeadLetter(UUID.randomUUID(), TOPIC, 0, ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50),
                id.toString(), person(id, "replayed-" + id.toString().substring(0, 8), "Replayed Person"),
                created().entrySet().stream().map(h -> new DeadLetter.RecordHeader(h.getKey(), h.getValue())).toList(),
                "schema-violation", "set aside by an earlier release", null, null);
        VertxContextSupport.subscribeAndAwait(() -> store.add(stored));

        given().auth().oauth2(TestTokens.admin()).post("/api/dead-letters/" + stored.id() + "/replay").then().statusCode(200)
                .body("replayedAt", notNullValue());
        awaitPerson(id);
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "replayed").get("/api/dead-letters").then()
                .body("items.id", hasItem(stored.id().toString()));
    }

    static Map<String, String> created() {
        return RawRecords.cloudEvent(SOURCE, "dev.herald.person.created");
    }

    static String person(UUID id, String slug, String name) {
        return "{\"id\": \"" + id + "\", \"slug\": \"" + slug + "\", \"name\": \"" + name
                + "\", \"featured\": false, \"affiliations\": []}";
    }

    static void awaitPerson(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> findPerson(id) != null);
    }

    static DirectoryPerson findPerson(UUID id) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> DirectoryPerson.<DirectoryPerson>findById(id)));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value of herald_events_dead_lettered_total{topic="attendees.events",reason} on /q/metrics, after which an
     * exemplar (the trace of the last increment) may follow; 0 before the first.
     */
    private static double deadLettered(String reason) {
        if (reason == null) {
            return 0;
        }
        Matcher matcher = Pattern.compile("(?m)^herald_events_dead_lettered_total\\{([^}]*)\\} (\\S+)( # .*)?$")
                .matcher(management().get("/q/metrics").asString());
        while (matcher.find()) {
            if (matcher.group(1).contains("topic=\"" + TOPIC + "\"") && matcher.group(1).contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
