package dev.herald.attendees.outbox;

import static dev.herald.attendees.outbox.AttendeesTopic.header;
import static dev.herald.attendees.outbox.AttendeesTopic.typed;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;

import dev.herald.attendees.DemoData;
import dev.herald.events.EventSchemas;
import dev.herald.events.EventType;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every event type the service publishes matches the schema documented for it in docs/events/attendees, and names it
 * as its {@code dataschema}.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void call(String method, String path, String body, int status) {
        var request = given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8");
        if (body != null) {
            request.body(body);
        }
        request.request(method, path).then().statusCode(status);
    }

    @Test
    void everyPublishedEventMatchesItsDocumentedSchema() throws Exception {
        DemoData.loadSprint();
        call("POST", "/api/organisations", "{\"slug\": \"schema-org\", \"name\": \"Schema Org\", \"kind\": \"community\"}", 201);
        call("PUT", "/api/organisations/schema-org", "{\"name\": \"Schema Org\", \"kind\": \"foundation\","
                + " \"url\": \"https://schema.example\"}", 200);
        call("POST", "/api/people/lukasz-langa/affiliations", "{\"organisation\": \"schema-org\", \"title\": \"Member\","
                + " \"since\": \"2020-01-01\"}", 201);
        call("POST", "/api/people", "{\"slug\": \"schema-gone\", \"name\": \"Schema Gone\"}", 201);
        call("POST", "/api/events", "{\"slug\": \"schema-event\", \"name\": \"Schema Event\", \"kind\": \"workshop\","
                + " \"startDate\": \"2023-03-03\", \"endDate\": \"2023-03-03\", \"host\": \"schema-org\"}", 201);
        call("PUT", "/api/events/schema-event/participants/schema-gone", "{\"roles\": [\"attendee\"]}", 200);
        call("DELETE", "/api/people/schema-gone", null, 204);
        call("DELETE", "/api/people/lukasz-langa/affiliations/" + given().get("/api/people/lukasz-langa").then()
                .extract().path("affiliations[0].id"), null, 204);
        call("DELETE", "/api/events/schema-event", null, 204);
        call("DELETE", "/api/organisations/schema-org", null, 204);
        call("POST", "/api/people", "{\"slug\": \"schema-kept\", \"name\": \"Schema Kept\", \"bio\": \"x\"}", 201);
        call("DELETE", "/api/people/schema-kept?retainPublicRecord=true", null, 204);

        Set<String> types = new TreeSet<>();
        try (AttendeesTopic topic = new AttendeesTopic(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            topic.await(typed("dev.herald.organisation.deleted", "schema-org"), WAIT);
            topic.await(typed("dev.herald.person.erased", "schema-kept"), WAIT);
            for (ConsumerRecord<String, byte[]> record : topic.seen()) {
                String type = header(record, "ce_type");
                types.add(type);
                EventType known = EventType.named(type).orElseThrow(() -> new AssertionError("no contract for " + type));
                assertEquals(known.dataschema().toString(), header(record, "ce_dataschema"), type);
                Set<ValidationMessage> problems = EventSchemas.of(known).validate(JSON.readTree(record.value()));
                assertTrue(problems.isEmpty(), type + " " + header(record, "ce_subject") + ": " + problems);
            }
        }
        assertEquals(Set.of("dev.herald.event.created", "dev.herald.event.deleted", "dev.herald.event.updated",
                "dev.herald.organisation.created", "dev.herald.organisation.deleted", "dev.herald.organisation.updated",
                "dev.herald.person.created", "dev.herald.person.erased", "dev.herald.person.updated"), types);
    }
}
