package dev.herald.feed.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code herald_deliveries_attempts_total{kind,outcome}}, {@code herald_deliveries_pending} and
 * {@code herald_deliveries_oldest_pending_age_seconds}: the backlog is counted every few seconds, not per scrape.
 */
@ApplicationScoped
class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final DeliveryQueue queue;
    private final AtomicReference<DeliveryQueue.Backlog> backlog = new AtomicReference<>(new DeliveryQueue.Backlog(0, 0));

    DeliveryMetrics(MeterRegistry registry, DeliveryQueue queue) {
        this.registry = registry;
        this.queue = queue;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        // a registry that outlives an application (Quarkus tests restart it) would keep the old instance's gauges
        registry.getMeters().stream().filter(meter -> meter instanceof Gauge && meter.getId().getName().startsWith("herald_deliveries_"))
                .toList().forEach(registry::remove);
        Gauge.builder("herald_deliveries_pending", backlog, b -> b.get().pending())
                .description("Deliveries not yet delivered or failed for good").register(registry);
        Gauge.builder("herald_deliveries_oldest_pending_age_seconds", backlog, b -> b.get().oldestAgeSeconds())
                .description("Age of the oldest delivery not yet settled").register(registry);
        vertx.setPeriodic(REFRESH.toMillis(), tick -> queue.backlog().subscribe().with(backlog::set,
                failure -> LOG.debugf("Cannot count the delivery backlog: %s", failure.toString())));
    }

    void attempted(String kind, AttemptResult result) {
        Counter.builder("herald_deliveries_attempts_total")
                .description("Delivery attempts, by kind and what came of them")
                .tag("kind", kind).tag("outcome", result.outcome().name().toLowerCase())
                .register(registry).increment();
    }
}
