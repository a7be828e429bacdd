package dev.herald.feed.delivery;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.herald.outbox.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The durable queue of deliveries in table {@code delivery}. Channels enqueue with their own
 * {@code insert into delivery (kind, subscription_id, message_id, host, payload) select ...} in the transaction
 * of the change (a NOTIFY at commit wakes the dispatchers); the dispatcher claims and settles attempts here.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** One claimer at a time across replicas, so that the per-host bound holds across them. */
    private static final long CLAIM_LOCK = 0x4845524c_44454c56L;
    private static final String LOST = "no outcome: the replica sending it stopped";
    /** This process, as the log names the replica that made an attempt. */
    static final String REPLICA = ManagementFactory.getRuntimeMXBean().getName();

    // due deliveries, at most one per subscription and none of a subscription with an attempt in flight (keeps its
    // order), then at most as many per host as the bound leaves beside those in flight
    private static final String CANDIDATES = """
            with inflight as (
                select host, count(*) as n from delivery where state = 'sending' and lease_until > now() group by host),
            due as (
                select id, host, due_at, row_number() over (partition by subscription_id order by due_at, id) as nth
                from delivery d
                where ((state = 'pending' and due_at <= now()) or (state = 'sending' and lease_until <= now()))
                  and not exists (select 1 from delivery s where s.subscription_id = d.subscription_id
                                  and s.state = 'sending' and s.lease_until > now())),
            firsts as (
                select id, host, due_at, row_number() over (partition by host order by due_at, id) as nth
                from due where nth = 1)
            select f.id from firsts f left join inflight i on i.host = f.host
            where f.nth <= $1 - coalesce(i.n, 0)
            order by f.due_at, f.id limit $2""";

    private final Pool pool;

    DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each, holding them for {@code lease}; null when
     * another replica is claiming right now. A lapsed lease (its replica died) is logged as an attempt without outcome.
     */
    Uni<List<Delivery>> claim(int maxPerHost, int limit, Duration lease) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(CLAIM_LOCK))
                .flatMap(lock -> !lock.iterator().next().getBoolean(0) ? Uni.createFrom().<List<Delivery>>nullItem()
                        : tx.preparedQuery(CANDIDATES).execute(Tuple.of(maxPerHost, limit))
                                .map(rows -> ids(rows))
                                .flatMap(ids -> ids.length == 0 ? Uni.createFrom().item(List.<Delivery>of())
                                        : logLapsed(tx, ids).chain(() -> take(tx, ids, lease)))));
    }

    private static Uni<Void> logLapsed(SqlClient tx, Long[] ids) {
        return tx.preparedQuery("insert into delivery_attempt (delivery_id, attempt, started_at, error, duration_ms, replica)"
                        + " select id, attempts, claimed_at, $2, (extract(epoch from (lease_until - claimed_at)) * 1000)::bigint,"
                        + " claimed_by"
                        + " from delivery where id = any($1) and state = 'sending' on conflict do nothing")
                .execute(Tuple.of(ids, LOST)).replaceWithVoid();
    }

    private static Uni<List<Delivery>> take(SqlClient tx, Long[] ids, Duration lease) {
        return tx.preparedQuery("update delivery set state = 'sending', attempts = attempts + 1, claimed_at = now(),"
                        + " lease_until = now() + make_interval(secs => $2), claimed_by = $3"
                        + " where id in (select id from delivery where id = any($1) for update skip locked)"
                        + " returning id, kind, subscription_id, message_id, payload, attempts, created_at, traceparent, tracestate")
                .execute(Tuple.of(ids, lease.toMillis() / 1000.0, REPLICA))
                .map(rows -> {
                    List<Delivery> claimed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claimed.add(new Delivery(row.getLong("id"), row.getString("kind"), row.getUUID("subscription_id"),
                                row.getString("message_id"), bytes(row), row.getInteger("attempts"),
                                row.getOffsetDateTime("created_at").toInstant(),
                                new TraceParent(row.getString("traceparent"), row.getString("tracestate"))));
                    }
                    return claimed;
                });
    }

    /**
     * Records an attempt's outcome, unless the lease lapsed and another replica claimed the delivery since (then
     * false): the attempt number guards the row.
     */
    Uni<Boolean> settle(Delivery delivery, AttemptResult result) {
        String state = switch (result.outcome()) {
            case DELIVERED -> "delivered";
            case RETRYING -> "pending";
            case FAILED -> "failed";
        };
        // one statement, so one round trip: the attempt is logged only if this replica still held the delivery
        return pool.preparedQuery("with settled as (update delivery set state = $3, lease_until = null,"
                        + " due_at = coalesce($4, due_at), settled_at = case when $3 = 'pending' then null else now() end"
                        + " where id = $1 and attempts = $2 and state = 'sending' returning id)"
                        + " insert into delivery_attempt (delivery_id, attempt, started_at, status, error, duration_ms, replica)"
                        + " select id, $2, $5, $6, $7, $8, $9 from settled on conflict do nothing")
                .execute(Tuple.from(Arrays.asList(delivery.id(), delivery.attempt(), state, utc(result.nextAttemptAt()),
                        utc(result.startedAt()), result.status(), result.error(), result.duration().toMillis(), REPLICA)))
                .map(inserted -> inserted.rowCount() == 1);
    }

    /** A delivery whose subscription no longer wants it: not an attempt, so the count goes back. */
    Uni<Void> drop(Delivery delivery) {
        return pool.preparedQuery("update delivery set state = 'dropped', attempts = attempts - 1, lease_until = null,"
                        + " settled_at = now() where id = $1 and attempts = $2 and state = 'sending'")
                .execute(Tuple.of(delivery.id(), delivery.attempt())).replaceWithVoid();
    }

    /** Deletes settled deliveries, with their attempt logs, settled before {@code before}. */
    Uni<Integer> purgeSettled(Instant before) {
        return pool.preparedQuery("delete from delivery where settled_at < $1").execute(Tuple.of(utc(before)))
                .map(RowSet::rowCount);
    }

    /** Deliveries not yet settled, and the age of the oldest of them. */
    Uni<Backlog> backlog() {
        return pool.query("select count(*), extract(epoch from (now() - min(created_at)))"
                        + " from delivery where state in ('pending', 'sending')").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Double oldest = row.getDouble(1);
                    return new Backlog(row.getLong(0), oldest == null ? 0 : oldest);
                });
    }

    record Backlog(long pending, double oldestAgeSeconds) {
    }

    /** A subscription's deliveries, newest first, with every attempt. */
    public Uni<List<DeliveryView>> log(String kind, UUID subscriptionId, int offset, int limit) {
        return pool.preparedQuery("select id, message_id, state, attempts, created_at, due_at, settled_at from delivery"
                        + " where kind = $1 and subscription_id = $2 order by id desc offset $3 limit $4")
                .execute(Tuple.of(kind, subscriptionId, offset, limit))
                .flatMap(this::withAttempts);
    }

    public Uni<Long> count(String kind, UUID subscriptionId) {
        return pool.preparedQuery("select count(*) from delivery where kind = $1 and subscription_id = $2")
                .execute(Tuple.of(kind, subscriptionId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Optional<DeliveryView>> get(String kind, UUID subscriptionId, long deliveryId) {
        return pool.preparedQuery("select id, message_id, state, attempts, created_at, due_at, settled_at from delivery"
                        + " where kind = $1 and subscription_id = $2 and id = $3")
                .execute(Tuple.of(kind, subscriptionId, deliveryId))
                .flatMap(this::withAttempts)
                .map(views -> views.stream().findFirst());
    }

    /**
     * Sends a delivery again, now, with the same message id (one attempt more than its schedule); false when the
     * subscription has no such delivery. One with an attempt in flight is left to it.
     */
    public Uni<Boolean> redeliver(String kind, UUID subscriptionId, long deliveryId) {
        return pool.withTransaction(tx -> tx.preparedQuery("update delivery set state = case when state = 'sending'"
                                + " then state else 'pending' end, due_at = now(), settled_at = null"
                                + " where kind = $1 and subscription_id = $2 and id = $3")
                        .execute(Tuple.of(kind, subscriptionId, deliveryId))
                        .flatMap(updated -> updated.rowCount() == 0 ? Uni.createFrom().item(false)
                                : tx.query("select pg_notify('delivery_queued', '')").execute().replaceWith(true)));
    }

    /** Drops a subscription's unsent deliveries, in the caller's transaction (the subscription was deleted). */
    public Uni<Void> dropPending(SqlClient tx, String kind, UUID subscriptionId) {
        return tx.preparedQuery("update delivery set state = 'dropped', lease_until = null, settled_at = now()"
                        + " where kind = $1 and subscription_id = $2 and state = 'pending'")
                .execute(Tuple.of(kind, subscriptionId)).replaceWithVoid();
    }

    private Uni<List<DeliveryView>> withAttempts(RowSet<Row> deliveries) {
        Map<Long, Row> byId = new LinkedHashMap<>();
        deliveries.forEach(row -> byId.put(row.getLong("id"), row));
        if (byId.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select delivery_id, attempt, started_at, status, error, duration_ms, replica from delivery_attempt"
                        + " where delivery_id = any($1) order by delivery_id, attempt")
                .execute(Tuple.of(byId.keySet().toArray(Long[]::new)))
                .map(attempts -> {
                    Map<Long, List<DeliveryView.AttemptView>> logs = new LinkedHashMap<>();
                    for (Row row : attempts) {
                        logs.computeIfAbsent(row.getLong("delivery_id"), id -> new ArrayList<>())
                                .add(new DeliveryView.AttemptView(row.getInteger("attempt"),
                                        row.getOffsetDateTime("started_at").toInstant(), row.getInteger("status"),
                                        row.getString("error"), row.getLong("duration_ms"), row.getString("replica")));
                    }
                    List<DeliveryView> views = new ArrayList<>(byId.size());
                    byId.forEach((id, row) -> {
                        String state = row.getString("state");
                        boolean open = state.equals("pending") || state.equals("sending");
                        OffsetDateTime settled = row.getOffsetDateTime("settled_at");
                        views.add(new DeliveryView(id, row.getString("message_id"), state, row.getInteger("attempts"),
                                row.getOffsetDateTime("created_at").toInstant(),
                                open ? row.getOffsetDateTime("due_at").toInstant() : null,
                                settled == null ? null : settled.toInstant(), List.copyOf(logs.getOrDefault(id, List.of()))));
                    });
                    return views;
                });
    }

    private static Long[] ids(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        rows.forEach(row -> ids.add(row.getLong(0)));
        return ids.toArray(Long[]::new);
    }

    private static byte[] bytes(Row row) {
        var buffer = row.getBuffer("payload");
        return buffer == null ? null : buffer.getBytes();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
