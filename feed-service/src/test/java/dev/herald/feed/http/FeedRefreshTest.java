package dev.herald.feed.http;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class FeedRefreshTest {

    @Inject
    Pool pool;

    @Test
    void aChangeAppliedByAnotherInstanceReachesThisInstancesFeeds() {
        String tag = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        ObjectNode report = ReportEvents.report(id, 1, tag, "Before", "2023-01-01T00:00:00Z");
        report.putArray("tags").add(tag);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        String feed = "/tags/" + tag + "/atom.xml";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(feed).statusCode() == 200);

        // what another instance's consumer does: change the rows and the version in one transaction
        pool.withTransaction(tx -> tx.preparedQuery("update report set title = 'After' where id = $1").execute(Tuple.of(id))
                .chain(() -> tx.query("update read_model_version set version = version + 1").execute()))
                .await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(15)).until(() -> given().get(feed).asString().contains("<title type=\"text\">After</title>"));
    }

    @Test
    void replayingTheEventsIntoAnEmptyReadModelRebuildsIdenticalBytes() {
        String event = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<ObjectNode> data = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            UUID id = UUID.randomUUID();
            ObjectNode report = ReportEvents.report(id, 1, event + "-" + i, "Replay " + i, "2023-02-0" + i + "T10:00:00Z");
            report.putObject("event").put("slug", event);
            ids.add(id);
            data.add(report);
            eventIds.add(UUID.randomUUID().toString());
        }
        ObjectNode edit = data.get(1).deepCopy().put("revision", 2).put("title", "Replay 2, edited")
                .put("updatedDate", "2023-03-01T00:00:00Z");
        String editId = UUID.randomUUID().toString();
        try (ReportEvents events = new ReportEvents()) {
            send(events, eventIds, data, editId, edit);
            String feed = "/events/" + event + "/rss.xml";
            byte[] original = await().atMost(Duration.ofSeconds(30)).until(() -> given().get(feed).asByteArray(),
                    bytes -> new String(bytes, StandardCharsets.UTF_8).contains("Replay 2, edited"));
            List<String> atomTags = tags("/events/" + event + "/atom.xml");

            // an empty read model for these reports, then the same events again, as a replay from offset 0 delivers them
            pool.withTransaction(tx -> tx.preparedQuery("delete from report where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                    .chain(() -> tx.preparedQuery("delete from report_revision where report_id = any($1)")
                            .execute(Tuple.of(ids.toArray(UUID[]::new))))
                    .chain(() -> tx.preparedQuery("delete from processed_event where id = any($1)")
                            .execute(Tuple.of(allIds(eventIds, editId))))
                    .chain(() -> tx.query("update read_model_version set version = version + 1").execute()))
                    .await().atMost(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(15)).until(() -> given().get(feed).statusCode() == 404);

            send(events, eventIds, data, editId, edit);
            byte[] replayed = await().atMost(Duration.ofSeconds(30)).until(() -> given().get(feed).asByteArray(),
                    bytes -> new String(bytes, StandardCharsets.UTF_8).contains("Replay 2, edited"));
            assertArrayEquals(original, replayed);
            assertEquals(atomTags, tags("/events/" + event + "/atom.xml"), "readers' cached copies stay valid, gzip or not");
        }
    }

    // gzip bytes too are a function of the feed's bytes alone, so their tag survives a replay as well
    private static List<String> tags(String path) {
        return List.of(given().header("Accept-Encoding", "identity").get(path).header("ETag"),
                given().header("Accept-Encoding", "gzip").get(path).header("ETag"));
    }

    private static void send(ReportEvents events, List<String> eventIds, List<ObjectNode> data, String editId, ObjectNode edit) {
        for (int i = 0; i < data.size(); i++) {
            events.send(ReportEvents.PUBLISHED, eventIds.get(i), data.get(i));
        }
        events.send(ReportEvents.UPDATED, editId, edit);
    }

    private static String[] allIds(List<String> eventIds, String editId) {
        List<String> all = new ArrayList<>(eventIds);
        all.add(editId);
        return all.toArray(String[]::new);
    }
}
