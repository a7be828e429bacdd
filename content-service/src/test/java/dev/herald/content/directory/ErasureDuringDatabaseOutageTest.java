package dev.herald.content.directory;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.herald.infra.PrometheusText;
import dev.herald.infra.RawRecords;
import dev.herald.infra.RestartablePostgresInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An erasure consumed while content-service's database is away is retried, never skipped, and applied once it is back;
 * meanwhile the channel's lag shows what waits.
 */
@QuarkusTest
@WithTestResource(RestartablePostgresInfra.class)
class ErasureDuringDatabaseOutageTest {

    static RawRecords kafka;

    @BeforeAll
    static void connect() {
        kafka = new RawRecords();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void anErasureConsumedWhileTheDatabaseIsDownIsAppliedWhenItIsBack() throws Throwable {
        UUID id = UUID.randomUUID();
        kafka.send("attendees.events", id.toString(), DirectoryDeadLettersTest.person(id, "erased-" + id.toString().substring(0, 8),
                "Erased Person"), DirectoryDeadLettersTest.created());
        DirectoryDeadLettersTest.awaitPerson(id);

        RestartablePostgresInfra.stopDatabase();
        try {
            kafka.send("attendees.events", id.toString(), "{\"id\": \"" + id + "\", \"publicRecordRetained\": false}",
                    RawRecords.cloudEvent("/herald/attendees-service", "dev.herald.person.erased"));
            // readiness reports the broken connection while the erasure waits, retried, for as long as the outage lasts
            await().atMost(Duration.ofSeconds(30)).until(() -> management().get("/q/health/ready").statusCode() == 503);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> management().get("/q/health/ready").statusCode() == 503);
        } finally {
            RestartablePostgresInfra.startDatabase();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> DirectoryDeadLettersTest.findPerson(id) == null);
        await().atMost(Duration.ofSeconds(30)).until(() -> management().get("/q/health/ready").statusCode() == 200);
        given().auth().oauth2(TestTokens.admin()).get("/api/dead-letters").then().statusCode(200).body("$", empty());
    }

    @Test
    void theChannelsLagCountsWhatWaitsForTheDatabaseAndDrainsOnceItIsBack() throws Throwable {
        RestartablePostgresInfra.stopDatabase();
        try {
            UUID id = UUID.randomUUID();
            kafka.send("attendees.events", id.toString(), DirectoryDeadLettersTest.person(id, "waiting-" + id.toString().substring(0, 8),
                    "Waiting Person"), DirectoryDeadLettersTest.created());
            await().atMost(Duration.ofSeconds(30)).until(() -> lag() >= 1);
        } finally {
            RestartablePostgresInfra.startDatabase();
        }
        // offsets are committed a few seconds after processing (commit-strategy=throttled); the lag is counted every 5 s
        await().atMost(Duration.ofSeconds(60)).until(() -> lag() == 0);
    }

    private static double lag() {
        return PrometheusText.scrape().value("herald_consumer_lag", Map.of("channel", "attendees-in")).orElse(-1.0);
    }
}
