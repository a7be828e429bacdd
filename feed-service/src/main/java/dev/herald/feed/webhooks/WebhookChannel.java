package dev.herald.feed.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.herald.feed.delivery.AttemptResult;
import dev.herald.feed.delivery.Delivery;
import dev.herald.feed.delivery.DeliveryChannel;
import dev.herald.feed.delivery.OutgoingRequest;
import dev.herald.feed.delivery.SecretBox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Webhook deliveries (Standard Webhooks): each attempt is signed afresh with the subscription's secret, and with the
 * previous one too while a rotation overlaps, so receivers can switch secrets without losing a delivery.
 */
@ApplicationScoped
class WebhookChannel implements DeliveryChannel {

    static final String KIND = "webhook";

    private final SubscriptionRepository subscriptions;
    private final SecretBox secrets;
    private final FailingSubscriptions failing;
    private final WebhookConfig config;

    WebhookChannel(SubscriptionRepository subscriptions, SecretBox secrets, FailingSubscriptions failing,
            WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.failing = failing;
        this.config = config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Optional<OutgoingRequest>> prepare(Delivery delivery) {
        return subscriptions.find(delivery.subscriptionId())
                .map(found -> found.filter(WebhookSubscription::active).map(subscription -> request(subscription, delivery)));
    }

    @Override
    public Uni<Void> settled(Delivery delivery, AttemptResult result) {
        return result.delivered() ? subscriptions.succeeded(delivery.subscriptionId())
                : failing.failed(delivery.subscriptionId(), result);
    }

    private OutgoingRequest request(WebhookSubscription subscription, Delivery delivery) {
        Instant now = Instant.now();
        long timestamp = now.getEpochSecond();
        String signature = WebhookSecrets.signature(secrets.open(subscription.sealedSecret()), delivery.messageId(),
                timestamp, delivery.payload());
        if (subscription.sealedPreviousSecret() != null && subscription.previousSecretUntil().isAfter(now)) {
            signature += " " + WebhookSecrets.signature(secrets.open(subscription.sealedPreviousSecret()),
                    delivery.messageId(), timestamp, delivery.payload());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", config.userAgent());
        return new OutgoingRequest(subscription.url(), headers, delivery.payload());
    }
}
