package dev.herald.content.report;

/** List filters of {@code GET /api/reports}; null means any. */
public record ReportFilter(ReportState state, String tag, String author, String event) {
}
