package dev.herald.feed.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One report as every feed format shows it; URLs are absolute and contentHtml already resolved against url. */
public record FeedEntry(
        UUID id,
        String title,
        String url,
        String summary,
        String contentHtml,
        Person author,
        List<String> tags,
        Instant published,
        Instant updated,
        List<Enclosure> enclosures) {

    /** The stable identifier readers de-duplicate on; it never changes when anything else does. */
    public String urn() {
        return "urn:uuid:" + id;
    }
}
