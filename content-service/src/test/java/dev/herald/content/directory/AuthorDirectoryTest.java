package dev.herald.content.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.herald.content.publishing.ReportEventsOnTopic;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class AuthorDirectoryTest {

    @Test
    void anAuthorKnownFromAttendeesEventsGetsTheirSlugAndAnUnknownOneStaysAName() throws Throwable {
        UUID personId = UUID.randomUUID();
        announce(personId, "dev.herald.person.created",
                "{\"id\": \"" + personId + "\", \"slug\": \"grace-hopper\", \"name\": \"Grace Hopper\", \"featured\": false, \"affiliations\": []}");
        DirectoryDeadLettersTest.awaitPerson(personId);

        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "known-author")
                .body("---\ntitle: Known author\nauthor: grace hopper\npublished: false\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(200);
        given().auth().oauth2(TestTokens.editor()).queryParam("author", "grace-hopper").get("/api/reports").then()
                .body("items.find { it.slug == 'known-author' }.author.slug", equalTo("grace-hopper"))
                .body("items.find { it.slug == 'known-author' }.author.name", equalTo("grace hopper"));

        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "unknown-author")
                .body("---\ntitle: Unknown author\nauthor: Nobody Known\npublished: false\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(200).body("status", equalTo("created"));
        given().auth().oauth2(TestTokens.editor()).queryParam("author", "Nobody Known").get("/api/reports").then()
                .body("items.find { it.slug == 'unknown-author' }.author.slug", nullValue());
    }

    @Test
    void anAuthorErasedWithoutConsentKeepsTheBylineTextButIsLinkedNoMoreAndConsumersHearOfIt() throws Throwable {
        UUID personId = UUID.randomUUID();
        announce(personId, "dev.herald.person.created",
                "{\"id\": \"" + personId + "\", \"slug\": \"erased-writer\", \"name\": \"Erased Writer\", \"featured\": false, \"affiliations\": []}");
        DirectoryDeadLettersTest.awaitPerson(personId);
        String id = given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "erased-writers-report")
                .body("---\ntitle: Written by someone who leaves\nauthor: Erased Writer\npublished: true\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(200).extract().path("id");
        given().get("/api/reports/" + id).then().body("author.slug", equalTo("erased-writer"));

        announce(personId, "dev.herald.person.erased", "{\"id\": \"" + personId + "\", \"publicRecordRetained\": false}");

        try (ReportEventsOnTopic topic = new ReportEventsOnTopic()) {
            var events = topic.about(UUID.fromString(id), seen -> seen.stream().anyMatch(record ->
                    "dev.herald.report.updated".equals(record.value().getType())), Duration.ofSeconds(30));
            String updated = new String(events.get(events.size() - 1).value().getData().toBytes(), StandardCharsets.UTF_8);
            assertFalse(updated.contains("\"slug\":\"erased-writer\""), updated);
            assertTrue(updated.contains("\"name\":\"Erased Writer\""), updated);
        }
        given().get("/api/reports/" + id).then().body("author.slug", nullValue()).body("author.name", equalTo("Erased Writer"));
    }

    @Test
    void aReportImportedBeforeTheDirectoryKnewItsAuthorLinksThemOnceItDoesAndConsumersHearOfIt() throws Throwable {
        String document = "---\ntitle: Imported before its author was known\nauthor: Late Arrival\npublished: true\n---\nBody\n";
        String id = given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "early-report")
                .body(document).post("/api/reports/import").then().statusCode(200).extract().path("id");
        given().get("/api/reports/" + id).then().body("author.slug", nullValue());

        UUID personId = UUID.randomUUID();
        announce(personId, "dev.herald.person.created",
                "{\"id\": \"" + personId + "\", \"slug\": \"late-arrival\", \"name\": \"late arrival\", \"featured\": false, \"affiliations\": []}");

        try (ReportEventsOnTopic topic = new ReportEventsOnTopic()) {
            var events = topic.about(UUID.fromString(id), seen -> seen.stream().anyMatch(record ->
                    "dev.herald.report.updated".equals(record.value().getType())), Duration.ofSeconds(30));
            String updated = new String(events.get(events.size() - 1).value().getData().toBytes(), StandardCharsets.UTF_8);
            assertTrue(updated.contains("\"slug\":\"late-arrival\""), updated);
        }
        given().get("/api/reports/" + id).then().body("author.slug", equalTo("late-arrival"))
                .body("author.name", equalTo("Late Arrival"));

        // the same document again is no change: what the editor wrote is the same, the link is the directory's
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "early-report")
                .body(document).post("/api/reports/import").then().statusCode(200).body("status", equalTo("unchanged"));
        given().get("/api/reports/" + id).then().body("author.slug", equalTo("late-arrival")).body("revision", equalTo(1));
    }

    private static void announce(UUID id, String type, String data) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>("attendees.events", id.toString(), data);
            record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                    .add("ce_source", bytes("/herald/attendees-service")).add("ce_type", bytes(type))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
