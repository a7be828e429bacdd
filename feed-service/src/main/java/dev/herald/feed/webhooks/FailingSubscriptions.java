package dev.herald.feed.webhooks;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.herald.feed.delivery.AttemptResult;
import dev.herald.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
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
    private final Vertx vertx;

    FailingSubscriptions(SubscriptionRepository subscriptions, Outbox outbox, WebhookConfig config, Vertx vertx) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.config = config;
        this.vertx = vertx;
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
        return subscriptions.find(id).flatMap(found -> found.isEmpty() ? Uni.createFrom().voidItem() : inTransaction(() -> {
            WebhookSubscription subscription = found.get();
            Instant now = Instant.now();
            return Panache.getSession().flatMap(session -> session.createNativeQuery("update webhook_subscription"
                            + " set active = false, disabled_at = ?2, disabled_reason = ?3, updated_at = ?2 where id = ?1 and active")
                    .setParameter(1, id).setParameter(2, now).setParameter(3, reason)
                    .executeUpdate())
                    .flatMap(updated -> updated == 0 ? Uni.createFrom().voidItem()
                            : outbox.record(SubscriptionDisabled.TYPE, id, id.toString(), new SubscriptionDisabled(id,
                                    WebhookUrls.host(subscription.url()), subscription.description(), reason, failingSince,
                                    now, result.status(), result.error()))
                                    .invoke(() -> LOG.warnf("Disabled webhook subscription %s: %s", id, reason)));
        }));
    }

    /** Hibernate Reactive needs a safe Vert.x context of its own, whatever thread the dispatcher settles on. */
    private Uni<Void> inTransaction(Supplier<Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(
                ignored -> Panache.withTransaction(work).subscribe().with(emitter::complete, emitter::fail)));
    }
}
