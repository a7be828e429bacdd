package dev.herald.content.directory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.content.publishing.ErasedAuthorBylines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the directory of people and events from attendees.events (binary CloudEvents, whole state per event), so
 * that imports can link an author's name to the person's slug. Applying an event twice gives the same row.
 */
@ApplicationScoped
public class AttendeesEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AttendeesEventsConsumer.class);

    private final ObjectMapper json;
    private final ErasedAuthorBylines bylines;

    public AttendeesEventsConsumer(ObjectMapper json, ErasedAuthorBylines bylines) {
        this.json = json;
        this.bylines = bylines;
    }

    @Incoming("attendees-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Header typeHeader = record.headers().lastHeader("ce_type");
        if (typeHeader == null || record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipping unreadable %s on attendees.events at offset %d", type, record.offset());
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case "dev.herald.person.created", "dev.herald.person.updated" -> Panache.withTransaction(() -> upsertPerson(data));
            case "dev.herald.person.erased" -> Panache.withTransaction(() -> data.path("publicRecordRetained").asBoolean(false)
                    ? upsertPerson(data)
                    : bylines.unlink(UUID.fromString(data.path("id").asText())));
            case "dev.herald.event.created", "dev.herald.event.updated" -> Panache.withTransaction(() -> upsertEvent(data));
            case "dev.herald.event.deleted" -> Panache.withTransaction(
                    () -> DirectoryEvent.deleteById(UUID.fromString(data.path("id").asText())).replaceWithVoid());
            default -> Uni.createFrom().voidItem();
        };
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
