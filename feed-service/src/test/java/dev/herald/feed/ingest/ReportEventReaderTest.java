package dev.herald.feed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.consumer.InboundEvent;
import dev.herald.events.EventCodec;
import dev.herald.events.EventType;
import dev.herald.events.ReportsEvent;
import dev.herald.feed.ReportEvents;
import dev.herald.feed.readmodel.Image;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportChange;

/**
 * The tolerant reader of report events, without a Quarkus start: what the read model keeps of each field of the
 * records the consumer library decodes.
 */
class ReportEventReaderTest {

    private static final Instant TIME = Instant.parse("2024-05-01T12:00:00Z");
    private final ReportEventReader reader = new ReportEventReader();

    @Test
    void aPublishedEventGivesTheReportAsThePublicSeesIt() {
        UUID id = UUID.randomUUID();
        ReportEvent event = reader.read(inbound(EventType.REPORT_PUBLISHED, ReportEvents.report(id, 3, "sprint", "Sprint", "2019-10-01")));

        assertEquals(ReportChange.Kind.PUBLISHED, event.change());
        assertEquals(TIME, event.time());
        assertEquals(3, event.revision());
        PublishedReport report = event.report();
        assertEquals(id, report.id());
        assertEquals("Sprint", report.title());
        assertEquals(List.of("sprint", "core"), report.tags());
        assertEquals("pablo-galindo", report.authorSlug());
        assertEquals("core-sprint-2019", report.eventSlug());
        assertEquals(Instant.parse("2019-10-01T00:00:00Z"), report.publishedAt());
        assertEquals("/2019/10/sprint.html", report.legacyUrl());
        assertEquals("/2019/10/sprint", report.permalinkPath());
        assertEquals(List.of(new Image("http://localhost:8080/assets/sprint/photo.jpeg", "image/jpeg", 2048)), report.images());
    }

    @Test
    void anUnpublishCarriesNoReport() {
        UUID id = UUID.randomUUID();
        ReportEvent event = reader.read(inbound(EventType.REPORT_UNPUBLISHED, ReportEvents.unpublished(id, 2, "gone")));

        assertEquals(ReportChange.Kind.UNPUBLISHED, event.change());
        assertEquals(id, event.reportId());
        assertNull(event.report());
    }

    @Test
    void aMissingSummaryIsCutFromTheTextAtAWordAndAnAbsoluteLegacyUrlKeepsItsPath() {
        ObjectNode data = ReportEvents.report(UUID.randomUUID(), 1, "long", "Long", "2021-02-03T04:05:06+02:00");
        data.remove("summary");
        data.put("html", "<p>" + "word ".repeat(100) + "</p>");
        data.put("legacyUrl", "https://old.example.org/2021/02/long.html");

        PublishedReport report = reader.read(inbound(EventType.REPORT_PUBLISHED, data)).report();

        assertTrue(report.summary().endsWith("word…"), report.summary());
        assertTrue(report.summary().length() <= 301, report.summary());
        assertEquals("/2021/02/long.html", report.legacyUrl());
        assertEquals(Instant.parse("2021-02-03T02:05:06Z"), report.publishedAt());
    }

    @Test
    void anUpdateDatedBeforeThePublicationCountsAsThePublicationAndForbiddenCharactersGo() {
        ObjectNode data = ReportEvents.report(UUID.randomUUID(), 1, "odd", "Odd\u0000 title\u0007", "2022-06-01");
        data.put("updatedDate", "2022-05-01T00:00:00Z");
        data.putArray("images").addObject().put("url", "http://localhost:8080/assets/odd/plan.png");

        PublishedReport report = reader.read(inbound(EventType.REPORT_UPDATED, data)).report();

        assertEquals(report.publishedAt(), report.updatedAt());
        assertEquals("Odd title", report.title());
        assertEquals("image/png", report.images().get(0).mediaType());
    }

    @Test
    void anEventWithoutTimeIsTakenAsHappeningNow() {
        Instant before = Instant.now();
        ObjectNode data = ReportEvents.report(UUID.randomUUID(), 1, "now", "Now", "2023-01-01");
        ReportEvent event = reader.read(new InboundEvent<>("reports.events", "k", "/test", "1", EventType.REPORT_PUBLISHED,
                null, (ReportsEvent) EventCodec.read(EventType.REPORT_PUBLISHED, data)));
        assertTrue(!event.time().isBefore(before), event.time().toString());
    }

    @Test
    void whatTheReaderCannotUseIsRefused() {
        ObjectNode noDate = ReportEvents.report(UUID.randomUUID(), 1, "undated", "Undated", "2023-01-01");
        noDate.remove("publishDate");
        assertThrows(IllegalArgumentException.class, () -> reader.read(inbound(EventType.REPORT_PUBLISHED, noDate)));
        ObjectNode noSlug = ReportEvents.report(UUID.randomUUID(), 1, "x", "X", "2023-01-01");
        noSlug.put("slug", " ");
        assertThrows(IllegalArgumentException.class, () -> reader.read(inbound(EventType.REPORT_PUBLISHED, noSlug)));
    }

    /** The event as the consumer library hands it over: data decoded into the type's record. */
    private static InboundEvent<ReportsEvent> inbound(EventType type, ObjectNode data) {
        return new InboundEvent<>("reports.events", data.path("id").asText(), "/herald/content-service",
                UUID.randomUUID().toString(), type, TIME, (ReportsEvent) EventCodec.read(type, data));
    }
}
