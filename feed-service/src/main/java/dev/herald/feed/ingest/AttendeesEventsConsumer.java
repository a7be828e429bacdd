package dev.herald.feed.ingest;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.herald.consumer.ConsumerPolicy;
import dev.herald.consumer.EventHandler;
import dev.herald.consumer.InboundEvent;
import dev.herald.events.AttendeesEvent;
import dev.herald.events.AttendeesEvent.EventDeleted;
import dev.herald.events.AttendeesEvent.EventState;
import dev.herald.events.AttendeesEvent.PersonErased;
import dev.herald.events.AttendeesEvent.PersonState;
import dev.herald.events.EventCodec;
import dev.herald.events.Topic;
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
class AttendeesEventsConsumer implements EventHandler<AttendeesEvent> {

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
    Uni<Void> consume(Message<String> message) {
        return policy.consume(message, this);
    }

    @Override
    public Topic topic() {
        return Topic.ATTENDEES;
    }

    @Override
    public Uni<Void> handle(InboundEvent<AttendeesEvent> event) {
        return pool.withTransaction(tx -> processed.markProcessed(tx, event.source(), event.id(), event.type().type())
                .flatMap(first -> first ? apply(tx, event.data()) : Uni.createFrom().voidItem()));
    }

    // the pages show an event or person as its event carries it, so the directory keeps the data whole
    private Uni<Void> apply(SqlClient tx, AttendeesEvent event) {
        if (event instanceof EventState changed) {
            return directory.put(tx, Kind.EVENT, changed.id(), changed.subject(), json(changed));
        }
        if (event instanceof EventDeleted deleted) {
            return directory.remove(tx, Kind.EVENT, deleted.id());
        }
        if (event instanceof PersonState changed) {
            return erasedAuthors.lift(tx, changed.subject())
                    .chain(() -> directory.put(tx, Kind.PERSON, changed.id(), changed.subject(), json(changed)));
        }
        // erasure: keep only the name and slug the person agreed to leave public, or nothing at all
        if (event instanceof PersonErased erased) {
            return erased.publicRecordRetained()
                    ? directory.put(tx, Kind.PERSON, erased.id(), erased.slug(), new JsonObject()
                            .put("id", erased.id().toString()).put("slug", erased.slug()).put("name", erased.name()))
                    : erasedAuthors.erase(tx, erased.id());
        }
        return Uni.createFrom().voidItem();
    }

    private static JsonObject json(AttendeesEvent event) {
        return new JsonObject(EventCodec.write(event));
    }
}
