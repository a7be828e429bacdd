package dev.herald.content.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Records an event in the caller's transaction; {@link OutboxRelay} sends it once that transaction has committed. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;

    public Outbox(OutboxRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public Uni<Void> record(String type, UUID aggregateId, Object data) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateId = aggregateId;
        row.type = type;
        row.subject = aggregateId.toString();
        row.occurredAt = Instant.now();
        try {
            row.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cannot serialise " + type, e));
        }
        return repository.persist(row).replaceWithVoid();
    }
}
