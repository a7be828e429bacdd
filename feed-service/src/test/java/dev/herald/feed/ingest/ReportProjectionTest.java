package dev.herald.feed.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.herald.feed.ReportEvents;
import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportRepository;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ReportProjectionTest {

    static ReportEvents events;

    @Inject
    ReportRepository reports;

    @BeforeAll
    static void producer() {
        events = new ReportEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void publishedReportIsStoredWithEveryField() {
        UUID id = UUID.randomUUID();
        events.send(ReportEvents.PUBLISHED, ReportEvents.report(id, 1, "stored-" + id, "Stored", "2019-10-30"));

        PublishedReport report = awaitReport(id, r -> true);
        assertEquals(1, report.revision());
        assertEquals("Summary of Stored", report.summary());
        assertEquals("Pablo Galindo", report.authorName());
        assertEquals("pablo-galindo", report.authorSlug());
        assertEquals("core-sprint-2019", report.eventSlug());
        assertEquals(List.of("sprint", "core"), report.tags());
        assertEquals(Instant.parse("2019-10-30T00:00:00Z"), report.publishedAt());
        assertEquals("/2019/10/stored-" + id, report.permalinkPath());
        assertEquals("image/jpeg", report.images().get(0).mediaType());
        assertEquals(2048, report.images().get(0).length());
    }

    @Test
    void anOlderRevisionNeverOverwritesANewerOne() {
        UUID id = UUID.randomUUID();
        events.send(ReportEvents.PUBLISHED, ReportEvents.report(id, 1, "rev-" + id, "First", "2019-10-30"));
        events.send(ReportEvents.UPDATED, ReportEvents.report(id, 3, "rev-" + id, "Third", "2019-10-30"));
        events.send(ReportEvents.UPDATED, ReportEvents.report(id, 2, "rev-" + id, "Second", "2019-10-30"));
        UUID marker = UUID.randomUUID();
        events.send(ReportEvents.PUBLISHED, ReportEvents.report(marker, 1, "marker-" + marker, "Marker", "2019-10-30"));

        awaitReport(marker, r -> true);
        assertEquals("Third", find(id).orElseThrow().title());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        String eventId = events.send(ReportEvents.PUBLISHED, ReportEvents.report(id, 1, "dup-" + id, "Once", "2019-10-30"));
        awaitReport(id, r -> true);
        events.send(ReportEvents.UNPUBLISHED, ReportEvents.unpublished(id, 1, "dup-" + id));
        awaitGone(id);

        // the same published event again, as an outbox relay may send it twice: it must not bring the report back
        events.send(ReportEvents.PUBLISHED, eventId, ReportEvents.report(id, 1, "dup-" + id, "Once", "2019-10-30"));
        UUID marker = UUID.randomUUID();
        events.sendGarbage(marker);
        events.send(ReportEvents.PUBLISHED, ReportEvents.report(marker, 1, "marker-" + marker, "Marker", "2019-10-30"));
        awaitReport(marker, r -> true);
        assertTrue(find(id).isEmpty());
    }

    @Test
    void unpublishRemovesAndALaterRevisionRepublishes() {
        UUID id = UUID.randomUUID();
        events.send(ReportEvents.PUBLISHED, ReportEvents.report(id, 1, "gone-" + id, "Gone", "2019-10-30"));
        awaitReport(id, r -> true);
        events.send(ReportEvents.UNPUBLISHED, ReportEvents.unpublished(id, 2, "gone-" + id));
        awaitGone(id);
        events.send(ReportEvents.PUBLISHED, ReportEvents.report(id, 3, "gone-" + id, "Back", "2019-10-30"));
        assertEquals("Back", awaitReport(id, r -> r.revision() == 3).title());
    }

    private PublishedReport awaitReport(UUID id, java.util.function.Predicate<PublishedReport> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(id), r -> r.isPresent() && condition.test(r.get()))
                .orElseThrow();
    }

    private void awaitGone(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(id).isEmpty());
    }

    private Optional<PublishedReport> find(UUID id) {
        return reports.newest(FeedScope.ALL, 0, 10_000).await().atMost(Duration.ofSeconds(10)).stream()
                .filter(r -> r.id().equals(id)).findFirst();
    }
}
