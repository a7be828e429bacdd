package dev.herald.feed.feeds;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Dates as each format requires them, always in UTC and to the second. */
public final class FeedDates {

    private FeedDates() {
    }

    /** RFC 822 (as updated by RFC 1123), for RSS and HTTP headers. */
    public static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** RFC 3339, for Atom and JSON Feed. */
    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
