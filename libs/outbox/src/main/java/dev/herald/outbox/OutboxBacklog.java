package dev.herald.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What waits in the outbox, counted after every relay round on every replica: {@code herald_outbox_pending} and
 * {@code herald_outbox_oldest_age_seconds} (events not sent yet), {@code herald_outbox_parked} (refused for good).
 */
@ApplicationScoped
public class OutboxBacklog {

    /** One count of the outbox; the age of the oldest pending event grows between counts. */
    public record Counts(long pending, Instant oldestPending, long parked) {

        public double oldestAgeSeconds() {
            return oldestPending == null ? 0 : Duration.between(oldestPending, Instant.now()).toMillis() / 1000.0;
        }
    }

    private final Pool pool;
    private final AtomicReference<Counts> counts = new AtomicReference<>(new Counts(0, null, 0));

    public OutboxBacklog(Pool pool) {
        this.pool = pool;
    }

    // at start-up, on this application's registry, whether or not anything has asked for a count yet
    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        // a registry that outlives an application (Quarkus tests restart it) would keep the old instance's gauges
        registry.getMeters().stream().filter(meter -> meter instanceof Gauge && meter.getId().getName().startsWith("herald.outbox."))
                .toList().forEach(registry::remove);
        Gauge.builder("herald.outbox.pending", counts, c -> c.get().pending())
                .description("Outbox events recorded and not yet acknowledged by Kafka (parked ones aside)").register(registry);
        Gauge.builder("herald.outbox.oldest.age.seconds", counts, c -> c.get().oldestAgeSeconds())
                .description("Age of the oldest outbox event not yet acknowledged by Kafka; 0 when none waits").register(registry);
        Gauge.builder("herald.outbox.parked", counts, c -> c.get().parked())
                .description("Outbox events Kafka refused for good (too large, say), kept for an admin to inspect and retry")
                .register(registry);
    }

    public Counts counts() {
        return counts.get();
    }

    /** Counts again, through the partial indexes on unsent and parked rows. */
    Uni<Void> refresh() {
        return pool.query("select count(*), min(occurred_at), (select count(*) from outbox where parked_at is not null)"
                        + " from outbox where sent_at is null and parked_at is null").execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime oldest = row.getOffsetDateTime(1);
                    counts.set(new Counts(row.getLong(0), oldest == null ? null : oldest.toInstant(), row.getLong(2)));
                })
                .replaceWithVoid();
    }
}
