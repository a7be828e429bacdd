package dev.herald.feed.ingest;

import java.util.UUID;

import dev.herald.feed.readmodel.PublishedReport;

/**
 * One event from reports.events: its CloudEvents identity, the report it is about and, unless it is an unpublish,
 * the report's state.
 */
record ReportEvent(String source, String id, ReportEventType type, UUID reportId, long revision, PublishedReport report) {
}
