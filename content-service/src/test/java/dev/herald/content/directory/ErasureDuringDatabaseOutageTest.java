package dev.herald.content.directory;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.herald.content.publishing.ScheduledPublishing;
import dev.herald.infra.PrometheusText;
import dev.herald.infra.RawRecords;
import dev.herald.infra.RestartableInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An erasure consumed while content-service's database is away is retried, never skipped, and applied once it is
 * back; the scheduled publishing that fails meanwhile says so once, not every round; the channel's lag shows what waits.
 */
@QuarkusTest
@WithTestResource(RestartableInfra.class)
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

        List<LogRecord> publishingLog = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                publishingLog.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger scheduled = Logger.getLogger(ScheduledPublishing.class.getName());
        Logger scheduler = Logger.getLogger("io.quarkus.scheduler");
        scheduled.addHandler(capture);
        scheduler.addHandler(capture);
        RestartableInfra.stopDatabase();
        try {
            kafka.send("attendees.events", id.toString(), "{\"id\": \"" + id + "\", \"publicRecordRetained\": false}",
                    RawRecords.cloudEvent("/herald/attendees-service", "dev.herald.person.erased"));
            // readiness reports the broken connection while the erasure waits, retried, for as long as the outage lasts
            await().atMost(Duration.ofSeconds(30)).until(() -> management().get("/q/health/ready").statusCode() == 503);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> management().get("/q/health/ready").statusCode() == 503);
        } finally {
            RestartableInfra.startDatabase();
        }
        // scheduled publishing (every second here) failed each round of the outage: one warning, no error (JBoss
        // LogManager levels are not JUL's constants, hence intValue)
        await().atMost(Duration.ofSeconds(30)).until(() -> publishingLog.stream()
                .anyMatch(record -> record.getLevel().intValue() == Level.INFO.intValue() && record.getMessage().contains("works again")));
        scheduled.removeHandler(capture);
        scheduler.removeHandler(capture);
        assertEquals(1, publishingLog.stream().filter(record -> record.getLevel().intValue() == Level.WARNING.intValue()).count(), publishingLog::toString);
        assertEquals(0, publishingLog.stream().filter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue()).count());

        await().atMost(Duration.ofSeconds(60)).until(() -> DirectoryDeadLettersTest.findPerson(id) == null);
        await().atMost(Duration.ofSeconds(30)).until(() -> management().get("/q/health/ready").statusCode() == 200);
        given().auth().oauth2(TestTokens.admin()).get("/api/dead-letters").then().statusCode(200).body("items", empty());
    }

    @Test
    void theChannelsLagCountsWhatWaitsForTheDatabaseAndDrainsOnceItIsBack() throws Throwable {
        RestartableInfra.stopDatabase();
        try {
            UUID id = UUID.randomUUID();
            kafka.send("attendees.events", id.toString(), DirectoryDeadLettersTest.person(id, "waiting-" + id.toString().substring(0, 8),
                    "Waiting Person"), DirectoryDeadLettersTest.created());
            await().atMost(Duration.ofSeconds(30)).until(() -> lag() >= 1);
        } finally {
            RestartableInfra.startDatabase();
        }
        // offsets are committed a few seconds after processing (commit-strategy=throttled); the lag is counted every 5 s
        await().atMost(Duration.ofSeconds(60)).until(() -> lag() == 0);
    }

    private static double lag() {
        return PrometheusText.scrape().value("herald_consumer_lag", Map.of("channel", "attendees-in")).orElse(-1.0);
    }
}
