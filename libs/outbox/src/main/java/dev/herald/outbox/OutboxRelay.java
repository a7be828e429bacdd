package dev.herald.outbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves committed outbox rows to Kafka, oldest first, and marks a row sent only once the broker has acknowledged
 * it. A crash between the two sends the row again with the same CloudEvent id: at least once, never lost. A row
 * Kafka refuses for good is parked with the reason and passed over; one it cannot take yet stops the round there,
 * so nothing overtakes it.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel, configured in each service's application.properties. */
    public static final String CHANNEL = "outbox";
    /** One relay at a time across replicas, so that no two interleave the events of an aggregate or send one twice. */
    private static final long RELAY_LOCK = 0x4845524c_4f555442L;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final CloudEventSender sender;
    private final OutboxConfig config;
    private final OutboxBacklog backlog;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final Queue<Long> timers = new ConcurrentLinkedQueue<>();

    public OutboxRelay(Pool pool, CloudEventSender sender, OutboxConfig config, OutboxBacklog backlog) {
        this.pool = pool;
        this.sender = sender;
        this.config = config;
        this.backlog = backlog;
    }

    void start(@Observes StartupEvent startup, Vertx vertx, CommitListener commits) {
        commits.listen(CommitListener.CHANNEL, this::wake);
        timers.add(vertx.setTimer(config.initialDelay().toMillis(), first -> {
            wake();
            timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wake()));
        }));
        // counted apart from the rounds, which may wait long for a broker that is away
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), tick -> backlog.refresh().subscribe().with(
                counted -> { }, failure -> LOG.debugf("Cannot count the outbox: %s", failure.toString()))));
        timers.add(vertx.setPeriodic(config.purgeInterval().toMillis(), tick -> purgeSent().subscribe().with(
                purged -> LOG.debugf("Purged %d sent outbox rows", purged),
                failure -> LOG.warnf("Outbox purge failed: %s", failure.toString()))));
    }

    void stop(@Observes ShutdownEvent shutdown, Vertx vertx, CommitListener commits) {
        commits.close();
        timers.forEach(vertx::cancelTimer);
    }

    /** Starts rounds until the outbox is drained, or asks the round under way to go on. */
    public void wake() {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        wanted.set(false);
        relayOnce().subscribe().with(settled -> {
            running.set(false);
            if (settled == config.batchSize() || wanted.get()) {
                wake();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("Outbox relay round failed, the next one retries: %s", failure.toString());
        });
    }

    /**
     * One round, if no other relay on this database is in one: answers the number of rows settled (sent or parked).
     */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? sendPending(connection) : Uni.createFrom().item(0)));
    }

    /** Deletes sent rows older than the retention; parked and unsent rows stay. */
    public Uni<Integer> purgeSent() {
        return pool.preparedQuery("delete from outbox where sent_at < $1")
                .execute(Tuple.of(OffsetDateTime.now().minus(config.retention())))
                .map(deleted -> deleted.rowCount());
    }

    private Uni<Integer> sendPending(SqlConnection connection) {
        return connection.preparedQuery("select id, aggregate_id, type, subject, payload, occurred_at, traceparent, tracestate"
                        + " from outbox"
                        + " where sent_at is null and parked_at is null order by position limit $1")
                .execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<PendingEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new PendingEvent(row.getUUID("id"), row.getUUID("aggregate_id"), row.getString("type"),
                                row.getString("subject"), row.getString("payload"), row.getOffsetDateTime("occurred_at"),
                                new TraceParent(row.getString("traceparent"), row.getString("tracestate"))));
                    }
                    return events;
                })
                .flatMap(events -> events.isEmpty() ? Uni.createFrom().item(0)
                        : sender.send(events).flatMap(outcomes -> settle(connection, events, outcomes)));
    }

    private Uni<Integer> settle(SqlConnection connection, List<PendingEvent> events, List<SendOutcome> outcomes) {
        List<UUID> sent = new ArrayList<>();
        List<Tuple> refused = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            PendingEvent event = events.get(i);
            SendOutcome outcome = outcomes.get(i);
            if (outcome.kind() == SendOutcome.Kind.NOT_YET) {
                LOG.warnf("Kafka did not take outbox event %s yet (%s); %d left for the next round", event.id(),
                        outcome.reason(), events.size() - i);
                break;
            }
            if (outcome.kind() == SendOutcome.Kind.SENT) {
                sent.add(event.id());
            } else {
                LOG.errorf("Kafka refused outbox event %s (%s of %s) for good; parked: %s", event.id(), event.type(),
                        event.aggregateId(), outcome.reason());
                refused.add(Tuple.of(event.id(), outcome.reason()));
            }
        }
        Uni<Void> marked = sent.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                        .execute(Tuple.of(sent.toArray(UUID[]::new))).replaceWithVoid();
        if (!refused.isEmpty()) {
            marked = marked.chain(() -> connection
                    .preparedQuery("update outbox set parked_at = now(), parked_reason = $2 where id = $1")
                    .executeBatch(refused).replaceWithVoid());
        }
        return marked.replaceWith(sent.size() + refused.size());
    }
}
