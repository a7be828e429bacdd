package dev.herald.feed.feeds;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * {@code herald_feed_render_seconds{format}} (a document rendered after a change of the read model) and
 * {@code herald_feed_cache_hits_total{format}} / {@code herald_feed_cache_misses_total{format}} (feed requests served
 * from memory, or that had to render first), registered for every format at start-up so that dashboards see zeros.
 * A singleton, as it is counted on every feed poll.
 */
@Startup
@Singleton
class FeedMetrics {

    private final Map<FeedFormat, Timer> renders = new EnumMap<>(FeedFormat.class);
    // a hit is counted on every feed poll: a bare adder, where a Counter would also sample an exemplar per increment
    private final Map<FeedFormat, LongAdder> hits = new EnumMap<>(FeedFormat.class);
    private final Map<FeedFormat, Counter> misses = new EnumMap<>(FeedFormat.class);

    FeedMetrics(MeterRegistry registry) {
        for (FeedFormat format : FeedFormat.values()) {
            String tag = format.name().toLowerCase(Locale.ROOT);
            renders.put(format, Timer.builder("herald_feed_render_seconds")
                    .description("Time to read a feed document's reports and write it, once per document after each change")
                    .tag("format", tag)
                    // a few buckets for latency quantiles: a page of 20 reports renders in milliseconds
                    .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
                            Duration.ofMillis(250), Duration.ofSeconds(1))
                    .register(registry));
            LongAdder hit = new LongAdder();
            hits.put(format, hit);
            FunctionCounter.builder("herald_feed_cache_hits_total", hit, LongAdder::sum)
                    .description("Feed requests answered with a document already rendered").tag("format", tag).register(registry);
            misses.put(format, Counter.builder("herald_feed_cache_misses_total")
                    .description("Feed requests that rendered the document first").tag("format", tag).register(registry));
        }
    }

    void hit(FeedFormat format) {
        hits.get(format).increment();
    }

    /** Counts the miss and times the rendering, from subscription to its result. */
    <T> Uni<T> rendering(FeedFormat format, Uni<T> render) {
        misses.get(format).increment();
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return render.invoke(() -> renders.get(format).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }
}
