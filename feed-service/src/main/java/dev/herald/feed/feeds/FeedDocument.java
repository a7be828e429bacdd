package dev.herald.feed.feeds;

import java.time.Instant;
import java.util.List;

/**
 * One rendered page of a feed: its metadata, its links (all absolute) and the entries, newest first.
 * {@code updated} is the newest entry's update time so that the same data always yields the same bytes.
 */
public record FeedDocument(
        String id,
        String title,
        String subtitle,
        String homeUrl,
        String selfUrl,
        String hubUrl,
        String stylesheetUrl,
        Instant updated,
        FeedPaging paging,
        List<FeedEntry> entries) {
}
