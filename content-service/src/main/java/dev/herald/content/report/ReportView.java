package dev.herald.content.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report as the API shows it, with its rendered HTML and the public URLs of its images. */
public record ReportView(UUID id, String slug, String title, String description, String summary, Author author,
        List<String> tags, Instant publishDate, Instant updatedDate, ReportState state, String legacyUrl, String event,
        int revision, String body, String html, List<AssetView> assets, Instant createdAt, Instant modifiedAt,
        StuckPublication stuckPublication) {

    public record Author(String name, String slug) {
    }

    public record AssetView(String name, String url, String mediaType, long size) {
    }

    /** An event about the report that Kafka refused for good: readers never heard of this change. Null when none. */
    public record StuckPublication(UUID eventId, String eventType, Instant since, String reason) {
    }
}
