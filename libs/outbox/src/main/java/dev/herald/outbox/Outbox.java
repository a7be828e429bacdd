package dev.herald.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.events.EventCodec;
import dev.herald.events.HeraldEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records an event in the caller's transaction; the relay sends it once that transaction has committed, in the trace
 * current here (the request's, say). Events are the records of libs/events, whose fields are the public ones their
 * schemas name, so no private field can reach Kafka. The row keeps the type by name, as every release wrote it.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxConfig config;

    public Outbox(OutboxRepository repository, OutboxConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /**
     * Records the event, keyed by its aggregate id; fails with {@link EventTooLargeException}, storing nothing, when
     * its data could never be sent.
     */
    public Uni<Void> record(HeraldEvent event) {
        String payload;
        try {
            payload = serialise(event);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateId = event.id();
        row.type = event.type().type();
        row.subject = event.subject();
        row.occurredAt = Instant.now();
        row.payload = payload;
        TraceParent trace = TraceParent.current();
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        return repository.persist(row).replaceWithVoid();
    }

    /**
     * The same, in a transaction of the reactive SQL client, for services whose writes do not go through Hibernate
     * (feed-service).
     */
    public Uni<Void> record(SqlClient tx, HeraldEvent event) {
        String payload;
        try {
            payload = serialise(event);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        TraceParent trace = TraceParent.current();
        return tx.preparedQuery("insert into outbox (id, aggregate_id, type, subject, payload, occurred_at, traceparent,"
                        + " tracestate) values ($1, $2, $3, $4, $5, now(), $6, $7)")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(event.id()).addString(event.type().type())
                        .addString(event.subject())
                        .addString(payload).addString(trace.traceparent()).addString(trace.tracestate()))
                .replaceWithVoid();
    }

    /** Checks, without recording it, that such an event could be sent: for changes announced later (a schedule). */
    public void ensureFits(HeraldEvent event) {
        serialise(event);
    }

    private String serialise(HeraldEvent event) {
        String payload = EventCodec.write(event);
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxEventBytes()) {
            throw new EventTooLargeException(event.type().type(), bytes, config.maxEventBytes());
        }
        return payload;
    }
}
