package dev.herald.content.report;

/** Where a report is in its life; only a published report is public. */
public enum ReportState {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED;

    /** Query parameters name states as the JSON does, in lower case. */
    public static ReportState fromString(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
