package dev.herald.feed.delivery;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * One kind of notification the dispatcher delivers (webhooks, WebSub distributions): it builds each attempt's
 * request when the attempt starts, so that timestamps, signatures, secrets and documents are current.
 */
public interface DeliveryChannel {

    /** The {@code kind} of the delivery rows this channel enqueues. */
    String kind();

    /**
     * The request for this attempt; empty when the delivery must not go any more (its subscription was deleted,
     * disabled or has expired), which drops it.
     */
    Uni<Optional<OutgoingRequest>> prepare(Delivery delivery);

    /** Told after an attempt's outcome has been recorded, for per-subscription bookkeeping. */
    default Uni<Void> settled(Delivery delivery, AttemptResult result) {
        return Uni.createFrom().voidItem();
    }
}
