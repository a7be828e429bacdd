package dev.herald.feed.site;

/** A report's own page: its card plus the full HTML (sanitised by content-service) and its event. */
public record ReportPage(ReportCard card, String contentHtml, String updatedDate, String isoUpdated, Link event) {
}
