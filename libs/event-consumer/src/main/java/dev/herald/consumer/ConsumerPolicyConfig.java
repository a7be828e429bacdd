package dev.herald.consumer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a consumer waits between attempts at a record whose failure can heal. */
@ConfigMapping(prefix = "herald.consumer")
public interface ConsumerPolicyConfig {

    Retry retry();

    interface Retry {
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }
}
