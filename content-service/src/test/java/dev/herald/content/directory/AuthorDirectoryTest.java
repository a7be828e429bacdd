package dev.herald.content.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class AuthorDirectoryTest {

    @Test
    void anAuthorKnownFromAttendeesEventsGetsTheirSlugAndAnUnknownOneStaysAName() throws Throwable {
        UUID personId = UUID.randomUUID();
        announce(personId, "dev.herald.person.created",
                "{\"id\": \"" + personId + "\", \"slug\": \"grace-hopper\", \"name\": \"Grace Hopper\", \"featured\": false, \"affiliations\": []}");
        awaitPerson(personId);

        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "known-author")
                .body("---\ntitle: Known author\nauthor: grace hopper\npublished: false\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(200);
        given().auth().oauth2(TestTokens.editor()).queryParam("author", "grace-hopper").get("/api/reports").then()
                .body("find { it.slug == 'known-author' }.author.slug", equalTo("grace-hopper"))
                .body("find { it.slug == 'known-author' }.author.name", equalTo("grace hopper"));

        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "unknown-author")
                .body("---\ntitle: Unknown author\nauthor: Nobody Known\npublished: false\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(200).body("status", equalTo("created"));
        given().auth().oauth2(TestTokens.editor()).queryParam("author", "Nobody Known").get("/api/reports").then()
                .body("find { it.slug == 'unknown-author' }.author.slug", nullValue());
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

    private static void awaitPerson(UUID id) throws Throwable {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> DirectoryPerson.findById(id))) != null) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the directory never learnt of person " + id);
    }
}
