package dev.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The publication life of every report on reports.events (docs/events/reports), from content-service. Key and
 * subject: the report id.
 */
public sealed interface ReportsEvent extends HeraldEvent {

    int revision();

    @Override
    default String subject() {
        return id().toString();
    }

    /**
     * {@code dev.herald.report.published} and {@code .updated}: the whole report as readers see it (event-carried
     * state transfer), so consumers never call back.
     */
    sealed interface ReportState extends ReportsEvent {
        Report report();

        @Override
        default UUID id() {
            return report().id();
        }

        @Override
        default int revision() {
            return report().revision();
        }
    }

    record ReportPublished(@JsonValue Report report) implements ReportState {
    }

    record ReportUpdated(@JsonValue Report report) implements ReportState {
    }

    /** The sanitised HTML with absolute image URLs; {@code event} is null, not absent, when the report names none. */
    record Report(UUID id, int revision, String slug, String title, String summary, String html, Author author,
            @JsonInclude(JsonInclude.Include.ALWAYS) EventRef event, List<String> tags, Instant publishDate,
            Instant updatedDate, String legacyUrl, List<Image> images) {
    }

    /** The byline as the editor wrote it; {@code slug} links the person in attendees-service, null once erased. */
    record Author(String name, String slug) {
    }

    record EventRef(String slug) {
    }

    record Image(String url, String mediaType, long length) {
    }

    /** {@code dev.herald.report.unpublished}: unpublished, rescheduled or deleted; enough to take it down everywhere. */
    record ReportUnpublished(UUID id, int revision, String slug, String legacyUrl, Instant unpublishedAt)
            implements ReportsEvent {
    }
}
