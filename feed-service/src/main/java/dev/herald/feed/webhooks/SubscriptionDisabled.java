package dev.herald.feed.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code dev.herald.subscription.disabled} on notifications.events
 * (docs/events/notifications). It names the endpoint by host only: webhook URLs often carry a token in their path.
 */
record SubscriptionDisabled(UUID id, String host, String description, String reason, Instant failingSince,
        Instant disabledAt, Integer lastStatus, String lastError) {

    static final String TYPE = "dev.herald.subscription.disabled";
}
