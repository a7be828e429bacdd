package dev.herald.attendees.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Records the events of a change in the caller's transaction: type {@code dev.herald.<aggregate>.<event>}, keyed by
 * the aggregate id. Callers pass public views only, so no private field can reach Kafka.
 */
@ApplicationScoped
public class Outbox {

    public static final String TYPE_PREFIX = "dev.herald.";

    private final OutboxRepository repository;
    private final ObjectMapper json;

    public Outbox(OutboxRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public Uni<Void> record(String aggregate, String event, UUID aggregateId, String subject, Object data) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateType = aggregate;
        row.aggregateId = aggregateId;
        row.type = TYPE_PREFIX + aggregate + "." + event;
        row.subject = subject;
        row.occurredAt = Instant.now();
        try {
            row.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cannot serialise " + row.type, e));
        }
        return repository.persist(row).replaceWithVoid();
    }
}
