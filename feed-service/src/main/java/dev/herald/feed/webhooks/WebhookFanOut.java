package dev.herald.feed.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.herald.outbox.TraceParent;
import dev.herald.feed.delivery.DeliveryConfig;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportChange;
import dev.herald.feed.readmodel.ReportChangeListener;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues one webhook delivery per matching active subscription, in the projector's transaction: one statement
 * however many subscribers there are. The message id comes from the event's CloudEvents source and id, so a
 * redelivered Kafka record cannot queue a second delivery (unique per subscription and message id). Events older
 * than the delivery log's retention queue nothing: their deliveries may have been purged, so a rebuild of the read
 * model from the topics (which replays every event) would otherwise notify subscribers of them again.
 */
@ApplicationScoped
class WebhookFanOut implements ReportChangeListener {

    private static final String ENQUEUE = "insert into delivery (kind, subscription_id, message_id, host, payload,"
            + " traceparent, tracestate)"
            + " select $1, s.id, $2, s.host, $3, $8, $9 from webhook_subscription s"
            + " where s.active"
            + " and (cardinality(s.filter_types) = 0 or $4 = any(s.filter_types))"
            + " and (cardinality(s.filter_tags) = 0 or s.filter_tags && $5)"
            + " and (cardinality(s.filter_authors) = 0 or $6 = any(s.filter_authors))"
            + " and (cardinality(s.filter_events) = 0 or $7 = any(s.filter_events))"
            + " on conflict do nothing";

    private final WebhookPayloads payloads;
    private final Duration retention;

    WebhookFanOut(WebhookPayloads payloads, DeliveryConfig deliveries) {
        this.payloads = payloads;
        this.retention = deliveries.retention();
    }

    @Override
    public Uni<Void> onChange(SqlClient tx, ReportChange change) {
        PublishedReport subject = change.subject();
        if (subject == null || change.time().isBefore(Instant.now().minus(retention))) {
            return Uni.createFrom().voidItem();
        }
        TraceParent trace = TraceParent.current();
        return tx.preparedQuery(ENQUEUE)
                .execute(Tuple.from(new Object[] {WebhookChannel.KIND, messageId(change.eventSource(), change.eventId()),
                        Buffer.buffer(payloads.body(change)), WebhookPayloads.filterType(change.kind()),
                        subject.tags().toArray(String[]::new), subject.authorSlug(), subject.eventSlug(),
                        trace.traceparent(), trace.tracestate()}))
                .replaceWithVoid();
    }

    /** {@code msg_} and a name-based UUID of the CloudEvent's identity (source and id), the same on every replay. */
    static String messageId(String eventSource, String eventId) {
        UUID stable = UUID.nameUUIDFromBytes((eventSource + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
        return "msg_" + stable.toString().replace("-", "");
    }
}
