package dev.herald.content.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything an editor sets on a report, whether it arrives as a corpus document or as JSON. {@code published}
 * is the wish of the document (publish, or keep as a draft); null leaves the publication state as it is.
 * {@code format} null keeps the report's format (Markdown for a new one); {@code source} is the imported document
 * exactly as uploaded, returned by the export, and null when the content came through the JSON API.
 */
public record ReportContent(String slug, String title, String description, String authorName, String authorSlug,
        List<String> tags, Instant publishDate, Instant updatedDate, String legacyUrl, String eventSlug, String body,
        Boolean published, ReportFormat format, String source) {

    public ReportContent(String slug, String title, String description, String authorName, String authorSlug,
            List<String> tags, Instant publishDate, Instant updatedDate, String legacyUrl, String eventSlug, String body,
            Boolean published) {
        this(slug, title, description, authorName, authorSlug, tags, publishDate, updatedDate, legacyUrl, eventSlug, body,
                published, null, null);
    }

    public ReportContent withPublishDate(Instant date) {
        return new ReportContent(slug, title, description, authorName, authorSlug, tags, date, updatedDate, legacyUrl,
                eventSlug, body, published);
    }

    public ReportContent withAuthorSlug(String slug) {
        return new ReportContent(this.slug, title, description, authorName, slug, tags, publishDate, updatedDate, legacyUrl,
                eventSlug, body, published, format, source);
    }
}
