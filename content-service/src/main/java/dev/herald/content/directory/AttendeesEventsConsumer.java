package dev.herald.content.directory;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.consumer.ConsumerPolicy;
import dev.herald.consumer.EventHandler;
import dev.herald.consumer.InboundEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the directory of people and events from attendees.events (binary CloudEvents, whole state per event), so
 * that imports can link an author's name to the person's slug. Applying an event twice gives the same row. The
 * consumer policy dead-letters what can never be applied and retries the rest until the database takes it: an
 * erasure is never skipped.
 */
@ApplicationScoped
public class AttendeesEventsConsumer implements EventHandler {

    private final ConsumerPolicy policy;
    private final ErasedPersonReferences references;

    public AttendeesEventsConsumer(ConsumerPolicy policy, ErasedPersonReferences references) {
        this.policy = policy;
        this.references = references;
    }

    @Incoming("attendees-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.consume(record, this);
    }

    @Override
    public String topic() {
        return "attendees.events";
    }

    @Override
    public Uni<Void> handle(InboundEvent event) {
        JsonNode data = event.data();
        return switch (event.type()) {
            case "dev.herald.person.created", "dev.herald.person.updated" -> Panache.withTransaction(() -> upsertPerson(data));
            case "dev.herald.person.erased" -> Panache.withTransaction(() -> data.path("publicRecordRetained").asBoolean(false)
                    ? upsertPerson(data)
                    : forget(UUID.fromString(data.path("id").asText())));
            case "dev.herald.event.created", "dev.herald.event.updated" -> Panache.withTransaction(() -> upsertEvent(data));
            case "dev.herald.event.deleted" -> Panache.withTransaction(
                    () -> DirectoryEvent.deleteById(UUID.fromString(data.path("id").asText())).replaceWithVoid());
            default -> Uni.createFrom().voidItem();
        };
    }

    /** A person erased without a public record leaves the directory once nothing links to them any more. */
    private Uni<Void> forget(UUID id) {
        return DirectoryPerson.<DirectoryPerson>findById(id).chain(person -> person == null ? Uni.createFrom().voidItem()
                : references.unlink(person).chain(() -> person.delete()));
    }

    private static Uni<Void> upsertPerson(JsonNode data) {
        UUID id = UUID.fromString(data.path("id").asText());
        return DirectoryPerson.<DirectoryPerson>findById(id).chain(found -> {
            DirectoryPerson person = found != null ? found : new DirectoryPerson();
            person.id = id;
            person.slug = data.path("slug").asText();
            person.name = data.path("name").asText();
            return found != null ? Uni.createFrom().voidItem() : person.persist().replaceWithVoid();
        });
    }

    private static Uni<Void> upsertEvent(JsonNode data) {
        UUID id = UUID.fromString(data.path("id").asText());
        return DirectoryEvent.<DirectoryEvent>findById(id).chain(found -> {
            DirectoryEvent event = found != null ? found : new DirectoryEvent();
            event.id = id;
            event.slug = data.path("slug").asText();
            event.name = data.path("name").asText();
            return found != null ? Uni.createFrom().voidItem() : event.persist().replaceWithVoid();
        });
    }
}
