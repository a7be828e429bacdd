package dev.herald.feed.feeds;

import dev.herald.feed.readmodel.FeedScope;

/**
 * One feed document: a scope in a format, either page {@code page} of the paged feed (newest first, page 1 being
 * the subscription document) or, when {@code archive} is positive, that RFC 5005 archive document (Atom only).
 */
public record FeedKey(FeedScope scope, FeedFormat format, int page, int archive) {

    public static FeedKey page(FeedScope scope, FeedFormat format, int page) {
        return new FeedKey(scope, format, page, 0);
    }

    public static FeedKey archive(FeedScope scope, int archive) {
        return new FeedKey(scope, FeedFormat.ATOM, 0, archive);
    }

    public boolean isArchive() {
        return archive > 0;
    }
}
