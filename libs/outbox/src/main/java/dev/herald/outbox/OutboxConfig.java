package dev.herald.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the outbox records and relays events. The Kafka side (topic, bootstrap, TLS, SASL, acks) is the outgoing
 * channel {@value OutboxRelay#CHANNEL} in the service's application.properties.
 */
@ConfigMapping(prefix = "herald.outbox")
public interface OutboxConfig {

    /** Rows sent per round, oldest first. */
    @WithDefault("100")
    int batchSize();

    /** The fallback poll; a commit that recorded events wakes the relay at once (PostgreSQL NOTIFY). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Time after start before the relay first runs. */
    @WithDefault("2s")
    Duration initialDelay();

    /** How long a round waits for the broker's acknowledgements before leaving the rest for the next round. */
    @WithDefault("40s")
    Duration sendTimeout();

    /** How long sent rows are kept, for inspection, before they are purged. */
    @WithDefault("7d")
    Duration retention();

    /** Readiness turns down while an event has waited longer than this (the broker takes nothing). */
    @WithDefault("5m")
    Duration maxAgeUnsent();

    /** How often sent rows older than the retention are purged. */
    @WithDefault("1h")
    Duration purgeInterval();

    /**
     * Largest event data (UTF-8 bytes) the outbox records: the producer's max.request.size and the topic's
     * max.message.bytes (4 MiB) less room for the key, the CloudEvents headers and the record batch.
     */
    @WithDefault("4177920")
    int maxEventBytes();
}
