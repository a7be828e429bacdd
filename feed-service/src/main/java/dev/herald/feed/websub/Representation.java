package dev.herald.feed.websub;

import java.util.Arrays;
import java.util.Optional;

import dev.herald.feed.feeds.FeedFormat;

/** What a topic URL names for its scope: the HTML listing page or one of the three feeds. */
enum Representation {
    PAGE("page", null),
    ATOM("atom", FeedFormat.ATOM),
    RSS("rss", FeedFormat.RSS),
    JSON("json", FeedFormat.JSON);

    /** As stored in {@code websub_subscription.representation}. */
    final String column;
    /** The feed format; null for the page. */
    final FeedFormat format;

    Representation(String column, FeedFormat format) {
        this.column = column;
        this.format = format;
    }

    static Optional<Representation> ofFileName(String fileName) {
        return Arrays.stream(values()).filter(r -> r.format != null && r.format.fileName().equals(fileName)).findFirst();
    }

    static Representation ofColumn(String column) {
        return Arrays.stream(values()).filter(r -> r.column.equals(column)).findFirst().orElseThrow();
    }
}
