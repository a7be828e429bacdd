package dev.herald.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records an event in the caller's transaction; the relay sends it once that transaction has committed, in the trace
 * current here (the request's, say). Callers pass public views only, so no private field can reach Kafka.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final OutboxConfig config;

    public Outbox(OutboxRepository repository, ObjectMapper json, OutboxConfig config) {
        this.repository = repository;
        this.json = json;
        this.config = config;
    }

    /**
     * Records a CloudEvent of the given type keyed by the aggregate id; fails with {@link EventTooLargeException},
     * storing nothing, when its data could never be sent.
     */
    public Uni<Void> record(String type, UUID aggregateId, String subject, Object data) {
        String payload;
        try {
            payload = serialise(type, data);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateId = aggregateId;
        row.type = type;
        row.subject = subject;
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
    public Uni<Void> record(SqlClient tx, String type, UUID aggregateId, String subject, Object data) {
        String payload;
        try {
            payload = serialise(type, data);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        TraceParent trace = TraceParent.current();
        return tx.preparedQuery("insert into outbox (id, aggregate_id, type, subject, payload, occurred_at, traceparent,"
                        + " tracestate) values ($1, $2, $3, $4, $5, now(), $6, $7)")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(aggregateId).addString(type).addString(subject)
                        .addString(payload).addString(trace.traceparent()).addString(trace.tracestate()))
                .replaceWithVoid();
    }

    /** Checks, without recording it, that such an event could be sent: for changes announced later (a schedule). */
    public void ensureFits(String type, Object data) {
        serialise(type, data);
    }

    private String serialise(String type, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + type, e);
        }
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxEventBytes()) {
            throw new EventTooLargeException(type, bytes, config.maxEventBytes());
        }
        return payload;
    }
}
