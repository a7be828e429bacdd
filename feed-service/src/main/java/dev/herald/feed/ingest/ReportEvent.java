package dev.herald.feed.ingest;

import java.time.Instant;
import java.util.UUID;

import dev.herald.feed.readmodel.PublishedReport;

/**
 * One event from reports.events: its CloudEvents identity and time, the report it is about and, unless it is an
 * unpublish, the report's state.
 */
record ReportEvent(String source, String id, ReportEventType type, Instant time, UUID reportId, long revision,
        PublishedReport report) {
}
