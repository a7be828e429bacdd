package dev.herald.feed.websub;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hub requests per client address, as a token bucket per address on this replica: {@code burst} requests at once,
 * then {@code requests} per {@code period}. Each replica counts its own clients (a client spread over n replicas
 * gets at most n times the rate), which keeps a request free of a shared store.
 */
@ApplicationScoped
class ClientRateLimit {

    // beyond this many tracked clients, those whose bucket has refilled are forgotten
    private static final int SWEEP_ABOVE = 10_000;

    private final double tokensPerNano;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimit(WebSubConfig config) {
        WebSubConfig.RateLimit limit = config.rateLimit();
        this.tokensPerNano = (double) limit.requests() / limit.period().toNanos();
        this.burst = limit.burst();
    }

    /** Takes one request from the client's allowance: zero when it may go on, else how long until it may. */
    Duration acquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        private double tokens = burst;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
