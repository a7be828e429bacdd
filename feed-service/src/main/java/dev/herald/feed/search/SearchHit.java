package dev.herald.feed.search;

import java.time.Instant;

/** One matching report as search shows it; {@code snippet} is plain text with {@link Snippet}'s markers around hits. */
record SearchHit(String title, String path, Instant publishedAt, String authorName, String authorSlug, String snippet,
        double rank) {
}
