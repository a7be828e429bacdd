package dev.herald.feed.webhooks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhook subscriptions behave over time; delivery itself (timeouts, retries, addresses) is DeliveryConfig. */
@ConfigMapping(prefix = "herald.webhooks")
public interface WebhookConfig {

    /** How long the secret before a rotation keeps signing deliveries, next to the new one. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** A subscription whose deliveries have failed without a success for longer than this is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** The User-Agent of every delivery. */
    @WithDefault("Herald-Webhooks/1.0")
    String userAgent();
}
