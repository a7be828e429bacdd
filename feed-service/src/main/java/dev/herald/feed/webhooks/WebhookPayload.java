package dev.herald.feed.webhooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every webhook delivery, documented in docs/notifications/webhook.schema.json: what happened, when
 * (the event's time, RFC 3339) and the report as it is, or as it was before it was withdrawn.
 */
record WebhookPayload(String type, String timestamp, Report data) {

    record Report(String id, String title, String url, String summary, List<String> tags, Author author, Event event,
            String publishedAt, String updatedAt) {
    }

    /** {@code slug} is null for a byline that links nobody (an erased author), and then there is no {@code url}. */
    record Author(String name, String slug, @JsonInclude(JsonInclude.Include.NON_NULL) String url) {
    }

    record Event(String slug, String url) {
    }
}
