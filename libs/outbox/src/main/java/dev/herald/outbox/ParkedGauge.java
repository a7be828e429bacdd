package dev.herald.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** {@code herald_outbox_parked}: outbox rows Kafka refused for good and that wait for an admin. */
@ApplicationScoped
public class ParkedGauge {

    private final Pool pool;
    private final AtomicLong parked = new AtomicLong();

    public ParkedGauge(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("herald.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events Kafka refused for good (too large, say), kept for an admin to inspect and retry")
                .register(registry);
    }

    /** Counts again; each relay round calls it, on every replica. */
    Uni<Void> refresh() {
        return pool.query("select count(*) from outbox where parked_at is not null").execute()
                .invoke(rows -> parked.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }
}
