package dev.herald.content.directory;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
import dev.herald.events.Topic;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the directory of people and events from attendees.events (binary CloudEvents, whole state per event), so
 * that imports can link an author's name to the person's slug, and reports imported before the person was known get
 * linked when they are. Applying an event twice gives the same row. The
 * consumer policy dead-letters what can never be applied and retries the rest until the database takes it: an
 * erasure is never skipped.
 */
@ApplicationScoped
public class AttendeesEventsConsumer implements EventHandler<AttendeesEvent> {

    private final ConsumerPolicy policy;
    private final ErasedPersonReferences references;
    private final UnlinkedPersonReferences unlinked;

    public AttendeesEventsConsumer(ConsumerPolicy policy, ErasedPersonReferences references, UnlinkedPersonReferences unlinked) {
        this.policy = policy;
        this.references = references;
        this.unlinked = unlinked;
    }

    @Incoming("attendees-in")
    public Uni<Void> consume(Message<String> message) {
        return policy.consume(message, this);
    }

    @Override
    public Topic topic() {
        return Topic.ATTENDEES;
    }

    @Override
    public Uni<Void> handle(InboundEvent<AttendeesEvent> event) {
        AttendeesEvent data = event.data();
        if (data instanceof PersonState changed) {
            return Panache.withTransaction(() -> upsertPerson(changed.id(), changed.person().slug(), changed.person().name()));
        }
        if (data instanceof PersonErased erased) {
            return Panache.withTransaction(() -> erased.publicRecordRetained()
                    ? upsertPerson(erased.id(), erased.slug(), erased.name())
                    : forget(erased.id()));
        }
        if (data instanceof EventState changed) {
            return Panache.withTransaction(() -> upsertEvent(changed.id(), changed.event().slug(), changed.event().name()));
        }
        if (data instanceof EventDeleted deleted) {
            return Panache.withTransaction(() -> DirectoryEvent.deleteById(deleted.id()).replaceWithVoid());
        }
        return Uni.createFrom().voidItem();
    }

    /** A person erased without a public record leaves the directory once nothing links to them any more. */
    private Uni<Void> forget(UUID id) {
        return DirectoryPerson.<DirectoryPerson>findById(id).chain(person -> person == null ? Uni.createFrom().voidItem()
                : references.unlink(person).chain(() -> person.delete()));
    }

    private Uni<Void> upsertPerson(UUID id, String slug, String name) {
        return DirectoryPerson.<DirectoryPerson>findById(id).chain(found -> {
            DirectoryPerson person = found != null ? found : new DirectoryPerson();
            person.id = id;
            person.slug = slug;
            person.name = name;
            Uni<Void> stored = found != null ? Uni.createFrom().voidItem() : person.persist().replaceWithVoid();
            return stored.chain(() -> unlinked.link(person));
        });
    }

    private static Uni<Void> upsertEvent(UUID id, String slug, String name) {
        return DirectoryEvent.<DirectoryEvent>findById(id).chain(found -> {
            DirectoryEvent event = found != null ? found : new DirectoryEvent();
            event.id = id;
            event.slug = slug;
            event.name = name;
            return found != null ? Uni.createFrom().voidItem() : event.persist().replaceWithVoid();
        });
    }
}
