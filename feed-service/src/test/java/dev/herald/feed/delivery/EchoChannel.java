package dev.herald.feed.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A channel for the queue's own tests: the payload names the URL to POST to; a payload naming none is dropped.
 * Every attempt carries the message id and the attempt number.
 */
@ApplicationScoped
class EchoChannel implements DeliveryChannel {

    static final String KIND = "test";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Optional<OutgoingRequest>> prepare(Delivery delivery) {
        JsonObject payload = new JsonObject(new String(delivery.payload(), StandardCharsets.UTF_8));
        String url = payload.getString("url");
        return Uni.createFrom().item(url == null ? Optional.empty()
                : Optional.of(new OutgoingRequest(url, Map.of("webhook-id", delivery.messageId(),
                        "attempt", Integer.toString(delivery.attempt())), delivery.payload())));
    }
}
