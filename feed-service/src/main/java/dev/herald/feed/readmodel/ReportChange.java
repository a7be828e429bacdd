package dev.herald.feed.readmodel;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A change the projector applied to the read model, told to every {@link ReportChangeListener} inside the same
 * transaction: the event that caused it, the report after the change ({@code null} for an unpublish) and before it
 * ({@code null} when it was not listed).
 */
public record ReportChange(Kind kind, String eventSource, String eventId, Instant time, UUID reportId,
        PublishedReport report, PublishedReport previous) {

    public enum Kind {
        PUBLISHED, UPDATED, UNPUBLISHED
    }

    /** What a notification describes: the report as it now is, or as it was before it was withdrawn. */
    public PublishedReport subject() {
        return report != null ? report : previous;
    }

    /** Every listing the change may have altered: all reports, and the tags, author and event before and after. */
    public Set<FeedScope> scopes() {
        Set<FeedScope> scopes = new LinkedHashSet<>();
        scopes.add(FeedScope.ALL);
        Stream.of(previous, report).filter(r -> r != null).forEach(r -> {
            r.tags().forEach(tag -> scopes.add(FeedScope.tag(tag)));
            if (r.authorSlug() != null) {
                scopes.add(FeedScope.author(r.authorSlug()));
            }
            if (r.eventSlug() != null) {
                scopes.add(FeedScope.event(r.eventSlug()));
            }
        });
        return scopes;
    }
}
