package dev.herald.feed.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.herald.feed.delivery.AttemptResult;
import dev.herald.feed.delivery.Delivery;
import dev.herald.feed.delivery.DeliveryChannel;
import dev.herald.feed.delivery.OutgoingRequest;
import dev.herald.feed.delivery.SecretBox;
import dev.herald.feed.feeds.FeedConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Content distribution (WebSub 7): POSTs the topic's current document to the subscriber with its media type, the hub
 * and self links, and {@code X-Hub-Signature: sha256=<hex HMAC of the body>} when the subscriber gave a secret.
 */
@ApplicationScoped
class WebSubChannel implements DeliveryChannel {

    private final Subscriptions subscriptions;
    private final TopicDocuments documents;
    private final SecretBox secrets;
    private final String hubUrl;

    WebSubChannel(Subscriptions subscriptions, TopicDocuments documents, SecretBox secrets, FeedConfig config) {
        this.subscriptions = subscriptions;
        this.documents = documents;
        this.secrets = secrets;
        this.hubUrl = config.hubUrl().orElse(null);
    }

    @Override
    public String kind() {
        return Subscriptions.KIND;
    }

    /** Nothing to send when the subscription has ended or expired, or the topic is no longer served. */
    @Override
    public Uni<Optional<OutgoingRequest>> prepare(Delivery delivery) {
        return subscriptions.active(delivery.subscriptionId()).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().item(Optional.<OutgoingRequest>empty())
                : documents.current(found.get().topic()).map(document -> document.map(d -> request(found.get(), d))));
    }

    /** A subscriber answering 410 Gone has dropped the subscription (WebSub 7). */
    @Override
    public Uni<Void> settled(Delivery delivery, AttemptResult result) {
        return result.status() != null && result.status() == 410 ? subscriptions.delete(delivery.subscriptionId())
                : Uni.createFrom().voidItem();
    }

    private OutgoingRequest request(Subscription subscription, TopicDocument document) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", document.contentType());
        headers.put("Link", (hubUrl == null ? "" : "<" + hubUrl + ">; rel=\"hub\", ")
                + "<" + subscription.topic().url() + ">; rel=\"self\"");
        if (subscription.sealedSecret() != null) {
            headers.put("X-Hub-Signature", "sha256=" + hmac(secrets.open(subscription.sealedSecret()), document.body()));
        }
        return new OutgoingRequest(subscription.callback(), headers, document.body());
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
