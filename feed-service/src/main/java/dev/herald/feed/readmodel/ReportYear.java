package dev.herald.feed.readmodel;

import java.time.Instant;

/** A year (UTC) with published reports: how many, and the newest publication or edit among them. */
public record ReportYear(int year, long reports, Instant lastChanged) {
}
