package dev.herald.feed.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The durable queue of deliveries in table {@code delivery}. Channels enqueue with their own
 * {@code insert into delivery (kind, subscription_id, message_id, host, payload) select ...} in the transaction
 * of the change (a NOTIFY at commit wakes the dispatchers); this class reads the log and redelivers.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A subscription's deliveries, newest first, with every attempt. */
    public Uni<List<DeliveryView>> log(String kind, UUID subscriptionId, int offset, int limit) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }

    public Uni<Long> count(String kind, UUID subscriptionId) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }

    public Uni<Optional<DeliveryView>> get(String kind, UUID subscriptionId, long deliveryId) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }

    /** Sends a delivery again, now, with the same message id; false when the subscription has no such delivery. */
    public Uni<Boolean> redeliver(String kind, UUID subscriptionId, long deliveryId) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }

    /** Drops a subscription's unsent deliveries, in the caller's transaction (the subscription was deleted). */
    public Uni<Void> dropPending(SqlClient tx, String kind, UUID subscriptionId) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }
}
