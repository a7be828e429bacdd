package dev.herald.attendees.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves committed outbox rows to Kafka, oldest first, and marks a row sent only once the broker has acknowledged
 * it. A crash between the two sends the row again with the same CloudEvent id: at least once, never lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** One relay at a time across instances, so that no two interleave the events of an aggregate. */
    private static final long RELAY_LOCK = 0x4845524c_4f555442L;

    private final Pool pool;
    private final CloudEventPublisher publisher;
    private final OutboxConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private long relayTimer = -1;
    private long purgeTimer = -1;

    public OutboxRelay(Pool pool, CloudEventPublisher publisher, OutboxConfig config) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        relayTimer = vertx.setPeriodic(config.interval().toMillis(), tick -> relayNow());
        purgeTimer = vertx.setPeriodic(Duration.ofHours(1).toMillis(), tick -> purgeSent().subscribe().with(
                purged -> LOG.debugf("Purged %d sent outbox rows", purged),
                failure -> LOG.warnf("Outbox purge failed: %s", failure.toString())));
    }

    void stop(@Observes ShutdownEvent shutdown, Vertx vertx) {
        if (relayTimer >= 0) {
            vertx.cancelTimer(relayTimer);
            vertx.cancelTimer(purgeTimer);
        }
    }

    /** Starts a round unless one is under way; rounds repeat while full batches keep coming. */
    public void relayNow() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        relayBatch().subscribe().with(sent -> {
            running.set(false);
            if (sent == config.batchSize()) {
                relayNow();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("Outbox relay round failed: %s", failure.toString());
        });
    }

    /** One round: the number of events sent and marked. */
    private Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? sendUnsent(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> purgeSent() {
        return pool.preparedQuery("delete from outbox where sent_at < $1")
                .execute(Tuple.of(OffsetDateTime.now().minus(config.retention())))
                .map(deleted -> deleted.rowCount());
    }

    private Uni<Integer> sendUnsent(SqlConnection connection) {
        return connection.preparedQuery("select id, aggregate_id, type, subject, payload, occurred_at from outbox"
                + " where sent_at is null order by seq limit $1")
                .execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<OutboxMessage> messages = new ArrayList<>();
                    for (Row row : rows) {
                        messages.add(new OutboxMessage(row.getUUID("id"), row.getUUID("aggregate_id"),
                                row.getString("type"), row.getString("subject"), row.getString("payload"),
                                row.get(OffsetDateTime.class, "occurred_at")));
                    }
                    return messages;
                })
                .flatMap(messages -> messages.isEmpty() ? Uni.createFrom().item(List.<UUID>of())
                        // the Kafka client blocks while the broker is away, which an event loop must never do
                        : Uni.createFrom().item(() -> publisher.sendInOrder(messages))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .flatMap(sent -> sent.isEmpty() ? Uni.createFrom().item(0)
                        : connection.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                                .execute(Tuple.of(sent.toArray(new UUID[0])))
                                .map(updated -> sent.size()));
    }
}
