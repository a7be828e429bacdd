package dev.herald.feed.search;

import java.time.Instant;

/** One result of {@code GET /api/search}: {@code snippet} is HTML, escaped, with {@code <mark>} around the hits. */
public record SearchResult(String title, String url, Instant publishedAt, String author, String snippet, double rank) {
}
