package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/** feed-service's signals about subscriptions on notifications.events (docs/events/notifications). */
public sealed interface NotificationsEvent extends HeraldEvent {

    @Override
    default String subject() {
        return id().toString();
    }

    /**
     * {@code dev.herald.subscription.disabled}. It names the endpoint by host only: webhook URLs often carry a token
     * in their path.
     */
    record SubscriptionDisabled(UUID id, String host, String description, String reason, Instant failingSince,
            Instant disabledAt, Integer lastStatus, String lastError) implements NotificationsEvent {
    }
}
