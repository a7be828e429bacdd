package dev.herald.feed.search;

import io.quarkus.qute.RawString;

/** One result on the search page; {@code snippet} is HTML that {@link Snippet} escaped, with its own marks only. */
public record ResultCard(String title, String url, String date, String isoDate, String authorName, String authorUrl,
        RawString snippet) {
}
