package dev.herald.feed.websub;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the WebSub hub grants and how much it takes: leases, subscriptions per callback host, requests per client. */
@ConfigMapping(prefix = "herald.websub")
public interface WebSubConfig {

    /** The lease granted when the subscriber asks for none. */
    @WithDefault("10d")
    Duration leaseDefault();

    /** Requested leases are raised to this at least. */
    @WithDefault("5m")
    Duration leaseMin();

    /** Requested leases are cut to this at most: a subscriber that goes away stops costing within this time. */
    @WithDefault("30d")
    Duration leaseMax();

    /** Subscriptions one callback host (host:port) may hold; a further one is denied. */
    @WithDefault("100")
    int maxSubscriptionsPerHost();

    /** How often expired subscriptions are deleted (they get no distributions from the moment they expire). */
    @WithDefault("10m")
    Duration purgeInterval();

    RateLimit rateLimit();

    /** Hub requests per client address: {@code requests} per {@code period} on average, up to {@code burst} at once. */
    interface RateLimit {

        @WithDefault("60")
        int requests();

        @WithDefault("1m")
        Duration period();

        @WithDefault("20")
        int burst();
    }
}
