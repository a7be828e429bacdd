package dev.herald.feed.webhooks;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.feed.feeds.FeedConfig;
import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportChange;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders the one body every subscriber of a change receives, with absolute URLs on the public base URL. */
@ApplicationScoped
class WebhookPayloads {

    private final FeedConfig site;
    private final ObjectMapper json;

    WebhookPayloads(FeedConfig site, ObjectMapper json) {
        this.site = site;
        this.json = json;
    }

    /** The {@code type} of a change's payload, such as {@code report.published}. */
    static String type(ReportChange.Kind kind) {
        return "report." + filterType(kind);
    }

    /** The value of {@code filters.types} that selects a change. */
    static String filterType(ReportChange.Kind kind) {
        return kind.name().toLowerCase();
    }

    byte[] body(ReportChange change) {
        PublishedReport report = change.subject();
        String base = site.publicBaseUrl();
        WebhookPayload.Author author = new WebhookPayload.Author(report.authorName(), report.authorSlug(),
                report.authorSlug() == null ? null : base + FeedScope.author(report.authorSlug()).pagePath());
        WebhookPayload.Event event = report.eventSlug() == null ? null
                : new WebhookPayload.Event(report.eventSlug(), base + FeedScope.event(report.eventSlug()).pagePath());
        WebhookPayload payload = new WebhookPayload(type(change.kind()), rfc3339(change.time()),
                new WebhookPayload.Report(report.id().toString(), report.title(), base + report.permalinkPath(),
                        report.summary(), report.tags(), author, event, rfc3339(report.publishedAt()),
                        rfc3339(report.updatedAt())));
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a webhook payload", e);
        }
    }

    private static String rfc3339(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
