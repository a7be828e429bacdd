package dev.herald.feed.readmodel;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The nearest months before and after an archive's month in which its scope has reports; null when none. */
public record ArchiveMonths(YearMonth previous, YearMonth next) {

    /** The archive month a report belongs to: the month of its publication, in UTC like its permalink. */
    public static YearMonth of(Instant publishedAt) {
        return YearMonth.from(publishedAt.atOffset(ZoneOffset.UTC));
    }
}
