package dev.herald.attendees.outbox;

import static dev.herald.attendees.outbox.AttendeesTopic.header;
import static dev.herald.attendees.outbox.AttendeesTopic.typed;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class CloudEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static AttendeesTopic topic() {
        return new AttendeesTopic(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    private static void post(String path, String body, int status) {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body).post(path).then()
                .statusCode(status);
    }

    @Test
    void aNewPersonIsPublishedAsABinaryCloudEventWithoutTheEmail() throws Exception {
        post("/api/people", "{\"slug\": \"ce-person\", \"name\": \"Cloud Event\", \"github\": \"ce\","
                + " \"email\": \"secret-ce@example.org\"}", 201);
        String id = given().get("/api/people/ce-person").then().extract().path("id");
        try (AttendeesTopic topic = topic()) {
            ConsumerRecord<String, byte[]> record = topic.await(typed("dev.herald.person.created", "ce-person"), WAIT);
            assertEquals(id, record.key(), "keyed by the aggregate id");
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("/herald/attendees-service", header(record, "ce_source"));
            assertEquals("https://herald.dev/schemas/events/attendees/dev.herald.person.created.json",
                    header(record, "ce_dataschema"), "names its schema");
            assertNotNull(UUID.fromString(header(record, "ce_id")));
            assertNotNull(OffsetDateTime.parse(header(record, "ce_time")));
            assertEquals("application/json", header(record, "content-type"));
            String value = new String(record.value(), StandardCharsets.UTF_8);
            JsonNode data = JSON.readTree(value);
            assertEquals(id, data.get("id").asText());
            assertEquals("Cloud Event", data.get("name").asText());
            assertEquals("ce", data.get("github").asText());
            assertFalse(value.contains("secret-ce@example.org"), value);
            assertFalse(data.has("email"), value);
        }
    }

    @Test
    void noEventEverCarriesAnEmail() {
        post("/api/people", "{\"slug\": \"ce-mailer\", \"name\": \"Mailer\", \"email\": \"mailer@example.org\"}", 201);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"name\": \"Mailer\", \"bio\": \"changed\", \"email\": \"mailer2@example.org\"}")
                .put("/api/people/ce-mailer").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/ce-mailer?retainPublicRecord=true").then()
                .statusCode(204);
        try (AttendeesTopic topic = topic()) {
            topic.await(typed("dev.herald.person.erased", "ce-mailer"), WAIT);
            for (ConsumerRecord<String, byte[]> record : topic.seen()) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                assertFalse(value.contains("@example.org"), value);
                assertFalse(value.contains("\"email\""), value);
                assertTrue(header(record, "ce_type").startsWith("dev.herald."), header(record, "ce_type"));
            }
        }
    }

    @Test
    void aChangeToWhoTookPartRepublishesTheWholeEvent() throws Exception {
        post("/api/people", "{\"slug\": \"ce-speaker\", \"name\": \"Speaker\"}", 201);
        post("/api/events", "{\"slug\": \"ce-summit\", \"name\": \"CE Summit\", \"kind\": \"summit\","
                + " \"startDate\": \"2022-04-01\", \"endDate\": \"2022-04-02\"}", 201);
        post("/api/events/ce-summit/talks", "{\"title\": \"Events\", \"kind\": \"talk\", \"speakers\": [\"ce-speaker\"]}",
                201);
        String eventId = given().get("/api/events/ce-summit").then().extract().path("id");
        try (AttendeesTopic topic = topic()) {
            topic.await(typed("dev.herald.event.created", "ce-summit"), WAIT);
            ConsumerRecord<String, byte[]> updated = topic.await(record -> "dev.herald.event.updated"
                    .equals(header(record, "ce_type")) && eventId.equals(record.key())
                    && new String(record.value(), StandardCharsets.UTF_8).contains("\"Events\""), WAIT);
            JsonNode data = JSON.readTree(updated.value());
            assertEquals("ce-speaker", data.at("/participants/speaker/0/slug").asText());
            assertEquals("ce-speaker", data.at("/talks/0/speakers/0/slug").asText());
        }
    }
}
