package dev.herald.content.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "herald.outbox")
public interface OutboxConfig {

    /** The CloudEvents source of every event this service emits. */
    @WithDefault("/herald/content-service")
    String source();

    @WithDefault("100")
    int batchSize();

    /** How often the relay looks for unsent rows (read by the relay's {@code @Scheduled}). */
    Duration pollInterval();

    /** Time after start before the relay and the publication schedule first run. */
    Duration initialDelay();

    /** How long the relay waits for the broker's acknowledgement before leaving a row for the next run. */
    @WithDefault("40s")
    Duration sendTimeout();
}
