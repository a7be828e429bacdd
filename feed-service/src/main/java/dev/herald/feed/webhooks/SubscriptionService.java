package dev.herald.feed.webhooks;

import java.time.Instant;
import java.util.UUID;

import dev.herald.feed.delivery.CallbackClient;
import dev.herald.feed.delivery.DeliveryQueue;
import dev.herald.feed.delivery.DeliveryView;
import dev.herald.feed.delivery.RefusedAddressException;
import dev.herald.feed.delivery.SecretBox;
import dev.herald.feed.delivery.SubscriberHost;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** The admin's use cases on webhook subscriptions. A secret leaves only in the answer that made it. */
@ApplicationScoped
class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final DeliveryQueue deliveries;
    private final CallbackClient callbacks;
    private final SecretBox secrets;
    private final WebhookConfig config;
    private final Pool pool;

    SubscriptionService(SubscriptionRepository subscriptions, DeliveryQueue deliveries, CallbackClient callbacks,
            SecretBox secrets, WebhookConfig config, Pool pool) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.callbacks = callbacks;
        this.secrets = secrets;
        this.config = config;
        this.pool = pool;
    }

    Uni<SubscriptionView> create(SubscriptionInput input) {
        String secret = WebhookSecrets.generate();
        return allowed(input.url())
                .chain(() -> subscriptions.insert(UUID.randomUUID(), input, SubscriberHost.of(input.url()), secrets.seal(secret)))
                .map(created -> created.view().withSecret(secret));
    }

    Uni<Page<SubscriptionView>> page(PageRequest paging) {
        return subscriptions.list(paging.offset(), paging.size)
                .flatMap(items -> subscriptions.count().map(total -> Page.of(
                        items.stream().map(WebhookSubscription::view).toList(), paging, total)));
    }

    Uni<SubscriptionView> get(UUID id) {
        return existing(id).map(WebhookSubscription::view);
    }

    Uni<SubscriptionView> replace(UUID id, SubscriptionInput input) {
        return allowed(input.url())
                .chain(() -> subscriptions.replace(id, input, SubscriberHost.of(input.url())))
                .map(replaced -> replaced.orElseThrow(() -> notFound(id)).view());
    }

    /** Deletes the subscription and what it has not been sent yet; its delivery log goes with the retention. */
    Uni<Void> delete(UUID id) {
        return pool.withTransaction(tx -> subscriptions.delete(tx, id)
                .call(deleted -> deleted ? deliveries.dropPending(tx, WebhookChannel.KIND, id) : Uni.createFrom().failure(notFound(id))))
                .replaceWithVoid();
    }

    /** A new secret, shown once; the current one keeps signing, next to it, for the rotation overlap. */
    Uni<SubscriptionView> rotateSecret(UUID id) {
        String secret = WebhookSecrets.generate();
        return subscriptions.rotate(id, secrets.seal(secret), Instant.now().plus(config.rotationOverlap()))
                .map(rotated -> rotated.orElseThrow(() -> notFound(id)).view().withSecret(secret));
    }

    Uni<Page<DeliveryView>> deliveries(UUID id, PageRequest paging) {
        return existing(id)
                .chain(() -> deliveries.log(WebhookChannel.KIND, id, paging.offset(), paging.size))
                .flatMap(items -> deliveries.count(WebhookChannel.KIND, id)
                        .map(total -> Page.of(items, paging, total)));
    }

    Uni<DeliveryView> delivery(UUID id, long deliveryId) {
        return existing(id)
                .chain(() -> deliveries.get(WebhookChannel.KIND, id, deliveryId))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId)));
    }

    Uni<Void> redeliver(UUID id, long deliveryId) {
        return existing(id)
                .chain(() -> deliveries.redeliver(WebhookChannel.KIND, id, deliveryId))
                .invoke(queued -> {
                    if (!queued) {
                        throw ProblemException.notFound("Delivery", deliveryId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<WebhookSubscription> existing(UUID id) {
        return subscriptions.find(id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** The URL's form and the address policy, which resolves the host: refusals name {@code url}. */
    private Uni<Void> allowed(String url) {
        return callbacks.check(url).onFailure(RefusedAddressException.class)
                .transform(refused -> ProblemException.invalid("url", refused.getMessage()));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Subscription", id);
    }
}
