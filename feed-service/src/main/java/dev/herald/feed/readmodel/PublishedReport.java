package dev.herald.feed.readmodel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A report as the public sees it while it is published. */
public record PublishedReport(
        UUID id,
        long revision,
        String slug,
        String title,
        String summary,
        String contentHtml,
        String authorName,
        String authorSlug,
        String eventSlug,
        List<String> tags,
        Instant publishedAt,
        Instant updatedAt,
        String legacyUrl,
        List<Image> images) {

    /** The public address, {@code /{yyyy}/{mm}/{slug}} from the publication date in UTC. */
    public String permalinkPath() {
        return permalinkPath(publishedAt, slug);
    }

    /** {@code /{yyyy}/{mm}/{slug}} in UTC, for readers that select only some columns. */
    public static String permalinkPath(Instant publishedAt, String slug) {
        var date = publishedAt.atOffset(ZoneOffset.UTC);
        return String.format("/%04d/%02d/%s", date.getYear(), date.getMonthValue(), slug);
    }
}
