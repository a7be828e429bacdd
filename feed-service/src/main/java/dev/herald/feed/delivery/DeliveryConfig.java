package dev.herald.feed.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How notifications are delivered: timeouts, retries, concurrency, which addresses may be called, the secret key. */
@ConfigMapping(prefix = "herald.deliveries")
public interface DeliveryConfig {

    /** Connect plus answer, per attempt. */
    @WithDefault("10s")
    Duration attemptTimeout();

    /** The wait before each retry, in order; a delivery fails for good after the last. Each wait varies by the jitter. */
    @WithDefault("5s,5m,30m,2h,5h,10h")
    List<Duration> retrySchedule();

    /** The fraction by which each wait is randomly shortened or lengthened, so that retries do not arrive in step. */
    @WithDefault("0.2")
    double jitter();

    /** Attempts in flight at once on one replica. */
    @WithDefault("256")
    int maxInFlight();

    /** Attempts in flight at once to one host (host:port), across all replicas. */
    @WithDefault("8")
    int maxPerHost();

    /** The fallback poll for due retries; new deliveries wake the dispatcher at once (PostgreSQL NOTIFY). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long settled deliveries and their attempt logs are kept. */
    @WithDefault("30d")
    Duration retention();

    /**
     * Networks (CIDR) that callbacks may reach although they are loopback, private, link-local or otherwise not
     * public: empty in production; {@code ./herald up} and the tests allow loopback.
     */
    Optional<List<String>> allow();

    /** AES-256 key (base64) that encrypts subscription secrets at rest. */
    String secretKey();
}
