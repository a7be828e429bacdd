package dev.herald.feed.ingest;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.herald.consumer.ConsumerPolicy;
import dev.herald.consumer.EventHandler;
import dev.herald.consumer.InboundEvent;
import dev.herald.feed.readmodel.DirectoryRepository;
import dev.herald.feed.readmodel.DirectoryRepository.Kind;
import dev.herald.feed.readmodel.ErasedAuthors;
import dev.herald.feed.readmodel.ProcessedEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the public directory of events and people from attendees.events (binary-mode CloudEvents), each event
 * once, in the same transaction as its de-duplication record; the offset is committed after that transaction (the
 * consumer policy dead-letters what can never be applied and retries what can heal).
 * Organisations reach pages inside the events that name them, so their own events are not needed.
 */
@ApplicationScoped
class AttendeesEventsConsumer implements EventHandler {

    private final ConsumerPolicy policy;
    private final Pool pool;
    private final ProcessedEvents processed;
    private final DirectoryRepository directory;
    private final ErasedAuthors erasedAuthors;

    AttendeesEventsConsumer(ConsumerPolicy policy, Pool pool, ProcessedEvents processed, DirectoryRepository directory,
            ErasedAuthors erasedAuthors) {
        this.policy = policy;
        this.pool = pool;
        this.processed = processed;
        this.directory = directory;
        this.erasedAuthors = erasedAuthors;
    }

    @Incoming("attendees")
    Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.consume(record, this);
    }

    @Override
    public String topic() {
        return "attendees.events";
    }

    @Override
    public Uni<Void> handle(InboundEvent event) {
        JsonObject data = new JsonObject(event.data().toString());
        return pool.withTransaction(tx -> processed.markProcessed(tx, event.source(), event.id(), event.type())
                .flatMap(first -> first ? apply(tx, event.type(), data) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> apply(SqlClient tx, String type, JsonObject data) {
        UUID id = UUID.fromString(data.getString("id"));
        return switch (type) {
            case "dev.herald.event.created", "dev.herald.event.updated" ->
                    directory.put(tx, Kind.EVENT, id, data.getString("slug"), data);
            case "dev.herald.event.deleted" -> directory.remove(tx, Kind.EVENT, id);
            case "dev.herald.person.created", "dev.herald.person.updated" -> erasedAuthors.lift(tx, data.getString("slug"))
                    .chain(() -> directory.put(tx, Kind.PERSON, id, data.getString("slug"), data));
            // erasure: keep only the name and slug the person agreed to leave public, or nothing at all
            case "dev.herald.person.erased" -> data.getBoolean("publicRecordRetained", false)
                    ? directory.put(tx, Kind.PERSON, id, data.getString("slug"), new JsonObject()
                            .put("id", id.toString()).put("slug", data.getString("slug")).put("name", data.getString("name")))
                    : erasedAuthors.erase(tx, id);
            default -> Uni.createFrom().voidItem();
        };
    }
}
