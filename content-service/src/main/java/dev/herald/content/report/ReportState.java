package dev.herald.content.report;

/** Where a report is in its life; only a published report is public. */
public enum ReportState {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED
}
