package dev.herald.feed.ingest;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents types content-service emits on reports.events. */
enum ReportEventType {
    PUBLISHED("dev.herald.report.published"),
    UPDATED("dev.herald.report.updated"),
    UNPUBLISHED("dev.herald.report.unpublished");

    final String ceType;

    ReportEventType(String ceType) {
        this.ceType = ceType;
    }

    static Optional<ReportEventType> of(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }
}
