package dev.herald.content.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The CloudEvents types and data that content-service emits on reports.events; documented by the JSON Schemas in
 * {@code docs/events/reports/}. Events carry the whole public state, so consumers never call back.
 */
public final class ReportEvents {

    public static final String PUBLISHED = "dev.herald.report.published";
    public static final String UPDATED = "dev.herald.report.updated";
    public static final String UNPUBLISHED = "dev.herald.report.unpublished";

    private ReportEvents() {
    }

    /** Data of {@code published} and {@code updated}: the report as readers see it, URLs absolute. */
    public record ReportData(UUID id, int revision, String slug, String title, String summary, String html,
            Author author, @JsonInclude(JsonInclude.Include.ALWAYS) EventRef event, List<String> tags,
            Instant publishDate, Instant updatedDate, String legacyUrl, List<Image> images) {
    }

    public record Author(String name, String slug) {
    }

    public record EventRef(String slug) {
    }

    public record Image(String url, String mediaType, long length) {
    }

    /** Data of {@code unpublished}: enough to take the report down everywhere. */
    public record Unpublished(UUID id, int revision, String slug, String legacyUrl, Instant unpublishedAt) {
    }
}
