package dev.herald.feed.feeds;

import java.time.YearMonth;

import dev.herald.feed.readmodel.FeedScope;

/**
 * One feed document: a scope in a format, either page {@code page} of the paged feed (newest first, page 1 being
 * the subscription document) or, when {@code archive} is a month, that month's RFC 5005 archive document (Atom only).
 */
public record FeedKey(FeedScope scope, FeedFormat format, int page, YearMonth archive) {

    public static FeedKey page(FeedScope scope, FeedFormat format, int page) {
        return new FeedKey(scope, format, page, null);
    }

    public static FeedKey archive(FeedScope scope, YearMonth month) {
        return new FeedKey(scope, FeedFormat.ATOM, 0, month);
    }

    public boolean isArchive() {
        return archive != null;
    }
}
