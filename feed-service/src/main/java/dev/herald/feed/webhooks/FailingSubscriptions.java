package dev.herald.feed.webhooks;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.herald.feed.delivery.AttemptResult;
import dev.herald.events.NotificationsEvent.SubscriptionDisabled;
import dev.herald.feed.delivery.SubscriberHost;
import dev.herald.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps track of subscriptions whose deliveries fail, and disables one whose endpoint is gone (410) or has failed
 * for longer than {@code herald.webhooks.disable-after}, announcing it on notifications.events in the same
 * transaction (libs/outbox). Only the replica whose update turns the flag off announces it.
 */
@ApplicationScoped
class FailingSubscriptions {

    private static final Logger LOG = Logger.getLogger(FailingSubscriptions.class);
    private static final int GONE = 410;

    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final WebhookConfig config;
    private final Pool pool;

    FailingSubscriptions(SubscriptionRepository subscriptions, Outbox outbox, WebhookConfig config, Pool pool) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.config = config;
        this.pool = pool;
    }

    Uni<Void> failed(UUID id, AttemptResult result) {
        Instant at = result.startedAt() != null ? result.startedAt() : Instant.now();
        return subscriptions.failed(id, at).flatMap(since -> since.flatMap(failingSince -> reason(result, failingSince))
                .map(reason -> disable(id, reason, since.get(), result))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Optional<String> reason(AttemptResult result, Instant failingSince) {
        if (result.status() != null && result.status() == GONE) {
            return Optional.of("the endpoint answered 410 Gone");
        }
        if (failingSince.plus(config.disableAfter()).isBefore(Instant.now())) {
            return Optional.of("every delivery has failed since " + failingSince + ", longer than " + config.disableAfter());
        }
        return Optional.empty();
    }

    private Uni<Void> disable(UUID id, String reason, Instant failingSince, AttemptResult result) {
        return pool.withTransaction(tx -> tx.preparedQuery("update webhook_subscription set active = false,"
                        + " disabled_at = now(), disabled_reason = $2, updated_at = now() where id = $1 and active"
                        + " returning url, description, disabled_at")
                .execute(Tuple.of(id, reason))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    return outbox.record(tx, new SubscriptionDisabled(id,
                                    SubscriberHost.of(row.getString("url")), row.getString("description"), reason,
                                    failingSince, row.getOffsetDateTime("disabled_at").toInstant(), result.status(),
                                    result.error()))
                            .invoke(() -> LOG.warnf("Disabled webhook subscription %s: %s", id, reason));
                }));
    }
}
