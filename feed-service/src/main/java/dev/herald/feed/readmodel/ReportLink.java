package dev.herald.feed.readmodel;

import java.time.Instant;

/** What a sitemap needs of a report: its address and when it last changed, without its text. */
public record ReportLink(String slug, Instant publishedAt, Instant updatedAt) {

    public String permalinkPath() {
        return PublishedReport.permalinkPath(publishedAt, slug);
    }
}
