package dev.herald.feed.ingest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.herald.feed.readmodel.DirectoryRepository;
import dev.herald.feed.readmodel.DirectoryRepository.Kind;
import dev.herald.feed.readmodel.ErasedAuthors;
import dev.herald.feed.readmodel.ProcessedEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the public directory of events and people from attendees.events (binary-mode CloudEvents), each event
 * once, in the same transaction as its de-duplication record; the offset is committed after that transaction.
 * Organisations reach pages inside the events that name them, so their own events are not needed.
 */
@ApplicationScoped
class AttendeesEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AttendeesEventsConsumer.class);

    private final Pool pool;
    private final ProcessedEvents processed;
    private final DirectoryRepository directory;
    private final ErasedAuthors erasedAuthors;

    AttendeesEventsConsumer(Pool pool, ProcessedEvents processed, DirectoryRepository directory, ErasedAuthors erasedAuthors) {
        this.pool = pool;
        this.processed = processed;
        this.directory = directory;
        this.erasedAuthors = erasedAuthors;
    }

    @Incoming("attendees")
    Uni<Void> consume(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String source = header(record, "ce_source");
        String type = header(record, "ce_type");
        JsonObject data;
        try {
            data = id == null || source == null || type == null || record.value() == null ? null : new JsonObject(record.value());
        } catch (DecodeException e) {
            data = null;
        }
        if (data == null || data.getString("id") == null) {
            LOG.warnf("Skipped record %s-%d@%d: not an attendees event", record.topic(), record.partition(), record.offset());
            return Uni.createFrom().voidItem();
        }
        JsonObject event = data;
        return pool.withTransaction(tx -> processed.markProcessed(tx, source, id, type)
                .flatMap(first -> first ? apply(tx, type, event) : Uni.createFrom().voidItem()));
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

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
