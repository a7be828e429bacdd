package dev.herald.feed.ingest;

import java.util.Arrays;
import java.util.Optional;

import dev.herald.feed.readmodel.ReportChange;

/** The CloudEvents types content-service emits on reports.events. */
enum ReportEventType {
    PUBLISHED("dev.herald.report.published", ReportChange.Kind.PUBLISHED),
    UPDATED("dev.herald.report.updated", ReportChange.Kind.UPDATED),
    UNPUBLISHED("dev.herald.report.unpublished", ReportChange.Kind.UNPUBLISHED);

    final String ceType;
    final ReportChange.Kind change;

    ReportEventType(String ceType, ReportChange.Kind change) {
        this.ceType = ceType;
        this.change = change;
    }

    static Optional<ReportEventType> of(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }
}
