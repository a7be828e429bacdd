package dev.herald.attendees.outbox;

import static dev.herald.attendees.outbox.AttendeesTopic.typed;
import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A row Kafka refuses for good (larger than max.request.size) is parked, shown to admins, counted, and passed over. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ParkedEventTest {

    private static final Pattern PARKED_GAUGE = Pattern.compile("(?m)^herald_outbox_parked(?:\\{[^}]*\\})? ([0-9.]+)$");

    @Inject
    Pool pool;

    @Test
    void aRefusedEventIsParkedAndLaterChangesStillGoOut() throws Exception {
        UUID refused = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        pool.preparedQuery("insert into outbox (id, aggregate_id, type, subject, payload, occurred_at)"
                        + " values ($1, $2, 'dev.herald.person.updated', 'parked-person', $3, now())")
                .execute(Tuple.of(refused, person, "{\"name\": \"" + "z".repeat(5_000_000) + "\"}"))
                .await().atMost(Duration.ofSeconds(10));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"slug\": \"after-parked\", \"name\": \"After Parked\", \"email\": \"after@example.org\"}")
                .post("/api/people").then().statusCode(201);

        try (AttendeesTopic topic = new AttendeesTopic(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            topic.await(typed("dev.herald.person.created", "after-parked"), Duration.ofSeconds(60));
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/outbox/parked").then().statusCode(200)
                .body("items.find { it.id == '" + refused + "' }.aggregateId", equalTo(person.toString()))
                .body("items.find { it.id == '" + refused + "' }.reason", containsString("RecordTooLargeException"));
        given().get("/api/outbox/parked").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).post("/api/outbox/parked/{id}/retry", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");

        // herald_outbox_parked counts the parked row once the backlog gauge is refreshed
        await().atMost(Duration.ofSeconds(10)).until(ParkedEventTest::parkedGauge, count -> count >= 1);
    }

    private static double parkedGauge() {
        Matcher gauge = PARKED_GAUGE.matcher(management().get("/q/metrics").then().statusCode(200).extract().asString());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }
}
