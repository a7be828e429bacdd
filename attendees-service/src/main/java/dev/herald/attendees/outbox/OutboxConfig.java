package dev.herald.attendees.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the relay moves outbox rows to Kafka. */
@ConfigMapping(prefix = "herald.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/herald/attendees-service")
    String source();

    @WithDefault("attendees.events")
    String topic();

    /** Brokers the relay publishes to; the application's Kafka unless set. */
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    /** Pause between two looks at the outbox. */
    @WithDefault("1s")
    Duration interval();

    /** Rows sent per look, oldest first. */
    @WithDefault("200")
    int batchSize();

    /** How long sent rows are kept, for inspection, before they are purged. */
    @WithDefault("7d")
    Duration retention();

    /** How long the relay waits for the broker to acknowledge a record before trying again later. */
    @WithDefault("15s")
    Duration deliveryTimeout();
}
