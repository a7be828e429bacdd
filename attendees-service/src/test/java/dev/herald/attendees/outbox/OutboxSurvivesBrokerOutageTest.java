package dev.herald.attendees.outbox;

import static dev.herald.attendees.outbox.AttendeesTopic.typed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.herald.infra.RestartableInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(value = RestartableInfra.class,
        initArgs = @ResourceArg(name = "herald.outbox.send-timeout", value = "3s"))
class OutboxSurvivesBrokerOutageTest {

    @Inject
    Pool pool;

    private OffsetDateTime sentAt(String subject) {
        Row row = pool.preparedQuery("select sent_at from outbox where subject = $1 and type = 'dev.herald.person.created'")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.get(OffsetDateTime.class, "sent_at");
    }

    @Test
    void aChangeMadeWhileTheBrokerIsDownIsDeliveredOnceItIsBack() throws Exception {
        RestartableInfra.stopBroker();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"slug\": \"outage-person\", \"name\": \"Outage Person\", \"email\": \"outage@example.org\"}")
                .post("/api/people").then().statusCode(201);
        // nothing can be acknowledged while the broker is down
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> sentAt("outage-person") == null);

        RestartableInfra.startBroker();
        try (AttendeesTopic topic = new AttendeesTopic(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            topic.await(typed("dev.herald.person.created", "outage-person"), Duration.ofSeconds(60));
        }
        assertNotNull(sentAt("outage-person"), "marked sent once the broker acknowledged it");
    }
}
