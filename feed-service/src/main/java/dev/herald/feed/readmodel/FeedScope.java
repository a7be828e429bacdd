package dev.herald.feed.readmodel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Which reports a feed or page lists: all of them, or those with one tag, author or event. */
public record FeedScope(Kind kind, String value) {

    public enum Kind {
        ALL("/feeds", "/", "true"),
        TAG("/tags/", "/tags/", "$1 = any(tags)"),
        AUTHOR("/authors/", "/authors/", "author_slug = $1"),
        EVENT("/events/", "/events/", "event_slug = $1");

        final String feedPath;
        final String pagePath;
        final String predicate;

        Kind(String feedPath, String pagePath, String predicate) {
            this.feedPath = feedPath;
            this.pagePath = pagePath;
            this.predicate = predicate;
        }
    }

    public static final FeedScope ALL = new FeedScope(Kind.ALL, null);

    public static FeedScope tag(String tag) {
        return new FeedScope(Kind.TAG, tag);
    }

    public static FeedScope author(String slug) {
        return new FeedScope(Kind.AUTHOR, slug);
    }

    public static FeedScope event(String slug) {
        return new FeedScope(Kind.EVENT, slug);
    }

    /** Where this scope's feeds live, such as {@code /feeds} or {@code /tags/sprint}. */
    public String feedBasePath() {
        return kind == Kind.ALL ? kind.feedPath : kind.feedPath + segment(value);
    }

    /** The HTML page listing the same reports. */
    public String pagePath() {
        return kind == Kind.ALL ? kind.pagePath : kind.pagePath + segment(value);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A SQL condition on table report; it takes {@link #value()} as $1 unless the scope is ALL. */
    String predicate() {
        return kind.predicate;
    }

    /** A stable key, for feed ids and caches. */
    public String key() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase() + ":" + value;
    }
}
