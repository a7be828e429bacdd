package dev.herald.attendees.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Erasure reaches every event a person appears in, whether as participant, mentor, mentee or speaker. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ErasedPersonEventsTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8");
    }

    @Test
    void erasingASpeakerAndMentorWhoIsNoParticipantRepublishesTheirEventsWithoutThem() {
        for (String event : new String[] {"talks-only-event", "mentoring-only-event"}) {
            admin().body("{\"slug\": \"" + event + "\", \"name\": \"" + event + "\", \"kind\": \"workshop\","
                    + " \"startDate\": \"2023-04-01\", \"endDate\": \"2023-04-02\"}").post("/api/events").then().statusCode(201);
        }
        for (String person : new String[] {"vanishing-speaker", "staying-mentee"}) {
            admin().body("{\"slug\": \"" + person + "\", \"name\": \"Name of " + person + "\"}").post("/api/people").then()
                    .statusCode(201);
        }
        admin().body("{\"title\": \"A talk\", \"kind\": \"talk\", \"slot\": 1, \"speakers\": [\"vanishing-speaker\"]}")
                .post("/api/events/talks-only-event/talks").then().statusCode(201);
        admin().body("{\"mentor\": \"vanishing-speaker\", \"mentee\": \"staying-mentee\"}")
                .post("/api/events/mentoring-only-event/mentorships").then().statusCode(201);
        // no longer a participant, still named by the talk and the mentorship
        for (String event : new String[] {"talks-only-event", "mentoring-only-event"}) {
            given().auth().oauth2(TestTokens.admin()).delete("/api/events/" + event + "/participants/vanishing-speaker")
                    .then().statusCode(204);
        }
        given().get("/api/events/talks-only-event").then().body("participants.speaker", empty())
                .body("talks[0].speakers[0].slug", equalTo("vanishing-speaker"));

        given().auth().oauth2(TestTokens.admin()).delete("/api/people/vanishing-speaker").then().statusCode(204);

        try (AttendeesTopic topic = new AttendeesTopic(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            for (String event : new String[] {"talks-only-event", "mentoring-only-event"}) {
                // every event.updated before the erasure names the speaker (the talk or the mentorship made it)
                topic.await(record -> "dev.herald.event.updated".equals(AttendeesTopic.header(record, "ce_type"))
                        && data(record.value()).contains("\"slug\":\"" + event + "\"")
                        && !data(record.value()).contains("vanishing-speaker"), Duration.ofSeconds(20));
            }
        }
    }

    private static String data(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
