package dev.herald.feed.ingest;

import java.time.Instant;
import java.util.UUID;

import dev.herald.events.EventType;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportChange;

/**
 * One event from reports.events as the read model takes it: its CloudEvents identity and time, the change it makes,
 * the report it is about and, unless it is an unpublish, the report's state.
 */
record ReportEvent(String source, String id, EventType type, ReportChange.Kind change, Instant time, UUID reportId,
        long revision, PublishedReport report) {
}
