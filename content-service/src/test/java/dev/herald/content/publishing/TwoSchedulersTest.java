package dev.herald.content.publishing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.herald.events.EventType;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Schedulers of two replicas (and this one's own) that wake at once publish each due report once. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class TwoSchedulersTest {

    private static final int REPORTS = 10;

    @Inject
    ScheduledPublishing scheduling;
    @Inject
    Pool pool;

    @Test
    void twoSchedulersAtOncePublishEachDueReportOnce() throws Exception {
        List<UUID> due = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            String location = given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                    .body("{\"slug\": \"due-" + i + "\", \"title\": \"Due " + i + "\", \"authorName\": \"Ada\", \"body\": \"Hi\"}")
                    .post("/api/reports").then().statusCode(201).extract().header("Location");
            due.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> schedulers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            schedulers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return VertxContextSupport.subscribeAndAwait(() -> scheduling.publishDue(Instant.now()));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        // all come due together, as when a replica starts after a pause
        pool.preparedQuery("update report set state = 'SCHEDULED', publish_date = now() - interval '1 second' where id = any($1)")
                .execute(Tuple.of(due.toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(10));
        go.countDown();
        for (CompletableFuture<Integer> scheduler : schedulers) {
            scheduler.get(60, TimeUnit.SECONDS);
        }

        try (ReportEventsOnTopic topic = new ReportEventsOnTopic()) {
            for (UUID id : due) {
                given().get("/api/reports/{id}", id).then().statusCode(200);
                long rows = pool.preparedQuery("select count(*) from outbox where aggregate_id = $1 and type = $2")
                        .execute(Tuple.of(id, EventType.REPORT_PUBLISHED.type())).await().atMost(Duration.ofSeconds(10))
                        .iterator().next().getLong(0);
                assertEquals(1, rows, "one publication recorded for " + id);
                topic.about(id, found -> !found.isEmpty(), Duration.ofSeconds(30));
            }
            // a while after the last first event, so that a second one about any report would be seen
            topic.about(due.get(0), found -> false, Duration.ofSeconds(2));
            for (UUID id : due) {
                var events = topic.about(id, found -> true, Duration.ofSeconds(1));
                assertEquals(1, events.stream().filter(e -> EventType.REPORT_PUBLISHED.type().equals(e.value().getType())).count(),
                        "one publication announced for " + id);
            }
        }
    }
}
