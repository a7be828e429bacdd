package dev.herald.content.document;

import java.time.Instant;
import java.util.List;

/**
 * The front matter of a report document, as in the corpus: every value typed, dates in UTC. {@code published} and
 * {@code description} may be absent; {@code slug} and {@code event} are Herald's own optional keys.
 */
public record FrontMatter(String title, Instant publishDate, Instant updatedDate, String author, String description,
        List<String> tags, Boolean published, String legacyUrl, String slug, String event) {
}
