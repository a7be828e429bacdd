package dev.herald.content.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.herald.content.publishing.ReportEventsOnTopic;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The commit that records an event wakes the relay (PostgreSQL NOTIFY): with the fallback poll an hour away, it is sent. */
@QuarkusTest
@TestProfile(CommitWakesRelayTest.HourlyPoll.class)
@WithTestResource(HeraldTestInfra.class)
class CommitWakesRelayTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the first round and the poll both an hour away: only the commit can wake the relay
            return Map.of("herald.outbox.poll-interval", "1h", "herald.outbox.initial-delay", "1h");
        }
    }

    @Test
    void aPublicationIsSentRightAfterItsCommitWithoutWaitingForThePoll() {
        String location = given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body("{\"slug\": \"woken\", \"title\": \"Woken\", \"authorName\": \"Ada\", \"body\": \"Hi\"}")
                .post("/api/reports").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200);

        try (ReportEventsOnTopic topic = new ReportEventsOnTopic()) {
            assertEquals(1, topic.about(id, events -> !events.isEmpty(), Duration.ofSeconds(30)).size());
        }
    }
}
