package dev.herald.feed.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A stored subscription; both secrets are sealed (SecretBox), the previous one signs until {@code previousSecretUntil}. */
record WebhookSubscription(UUID id, String url, String description, SubscriptionFilters filters, String sealedSecret,
        String sealedPreviousSecret, Instant previousSecretUntil, boolean active, Instant createdAt, Instant updatedAt,
        Instant disabledAt, String disabledReason, Instant failingSince) {

    SubscriptionView view() {
        return new SubscriptionView(id, url, description, filters, active, createdAt, updatedAt, disabledAt,
                disabledReason, failingSince, previousSecretUntil != null && previousSecretUntil.isAfter(Instant.now())
                        ? previousSecretUntil : null, null);
    }
}
