package dev.herald.content.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report in a list: everything but the body and HTML. */
public record ReportSummaryView(UUID id, String slug, String title, String summary, ReportView.Author author,
        List<String> tags, Instant publishDate, ReportState state, String legacyUrl, String event, int revision) {
}
