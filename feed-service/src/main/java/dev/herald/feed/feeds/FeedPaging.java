package dev.herald.feed.feeds;

/**
 * RFC 5005 links of one document; each is an absolute URL or null when it does not apply.
 * Paged feeds use first/previous/next/last, archive documents prev-archive/next-archive/current and {@code archive}.
 */
public record FeedPaging(
        String first,
        String previous,
        String next,
        String last,
        String prevArchive,
        String nextArchive,
        String current,
        boolean archive) {

    public static final FeedPaging NONE = new FeedPaging(null, null, null, null, null, null, null, false);
}
