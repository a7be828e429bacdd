package dev.herald.feed.webhooks;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription as the admin API shows it. {@code secret} is there only in the answer that created or rotated it;
 * {@code previousSecretValidUntil} says until when the secret before the last rotation still signs.
 */
public record SubscriptionView(UUID id, String url, String description, SubscriptionFilters filters, boolean active,
        Instant createdAt, Instant updatedAt, Instant disabledAt, String disabledReason, Instant failingSince,
        Instant previousSecretValidUntil, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    SubscriptionView withSecret(String newSecret) {
        return new SubscriptionView(id, url, description, filters, active, createdAt, updatedAt, disabledAt,
                disabledReason, failingSince, previousSecretValidUntil, newSecret);
    }
}
