package dev.herald.feed.websub;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.herald.feed.delivery.DeliveryQueue;
import dev.herald.outbox.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Verified subscriptions in table {@code websub_subscription}, shared by every replica. */
@ApplicationScoped
class Subscriptions {

    static final String KIND = "websub";

    private final Pool pool;
    private final DeliveryQueue queue;

    Subscriptions(Pool pool, DeliveryQueue queue) {
        this.pool = pool;
        this.queue = queue;
    }

    /** Unexpired subscriptions of the host other than this callback's to this topic (which a renewal replaces). */
    Uni<Long> othersOnHost(String host, String callback, String topic) {
        return pool.preparedQuery("select count(*) from websub_subscription where host = $1 and expires_at > now()"
                        + " and not (callback = $2 and topic = $3)")
                .execute(Tuple.of(host, callback, topic))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Stores a verified subscription, or renews it (same callback and topic: new lease and secret), unless its host
     * has reached {@code maxPerHost} meanwhile: false then. The host's lock makes the bound hold across replicas.
     */
    Uni<Boolean> store(String callback, Topic topic, String host, String sealedSecret, Duration lease, int maxPerHost) {
        Tuple values = Tuple.tuple().addUUID(UUID.randomUUID()).addString(callback).addString(topic.url())
                .addString(topic.scopeKind()).addString(topic.scopeValue()).addString(topic.representation().column)
                .addString(host).addString(sealedSecret).addInteger((int) lease.toSeconds()).addInteger(maxPerHost);
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_advisory_xact_lock(hashtext('websub:' || $1))")
                .execute(Tuple.of(host))
                .chain(() -> tx.preparedQuery("insert into websub_subscription (id, callback, topic, scope_kind, scope_value,"
                                + " representation, host, secret, lease_seconds, verified_at, expires_at)"
                                + " select $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,"
                                + " $9::int, now(), now() + make_interval(secs => $9::int)"
                                + " where (select count(*) from websub_subscription where host = $7::text"
                                + " and expires_at > now() and not (callback = $2::text and topic = $3::text)) < $10::int"
                                + " on conflict (callback, topic) do update set secret = excluded.secret,"
                                + " lease_seconds = excluded.lease_seconds, verified_at = excluded.verified_at,"
                                + " expires_at = excluded.expires_at"
                                + " returning id")
                        .execute(values))
                .map(rows -> rows.size() > 0));
    }

    /** Ends a subscription (verified unsubscribe); its distributions not yet sent are dropped with it. */
    Uni<Void> delete(String callback, String topic) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                        "delete from websub_subscription where callback = $1 and topic = $2 returning id")
                .execute(Tuple.of(callback, topic))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : queue.dropPending(tx, KIND, rows.iterator().next().getUUID("id"))));
    }

    /** Ends a subscription the subscriber has given up (410 Gone). */
    Uni<Void> delete(UUID id) {
        return pool.withTransaction(tx -> tx.preparedQuery("delete from websub_subscription where id = $1")
                .execute(Tuple.of(id))
                .chain(() -> queue.dropPending(tx, KIND, id)));
    }

    /** The subscription if it still exists and has not expired. */
    Uni<Optional<Subscription>> active(UUID id) {
        return pool.preparedQuery("select * from websub_subscription where id = $1 and expires_at > now()")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(subscription(rows.iterator().next())));
    }

    Uni<Integer> purgeExpired() {
        return pool.query("delete from websub_subscription where expires_at <= now()").execute()
                .map(rows -> rows.rowCount());
    }

    /**
     * Enqueues one distribution for every unexpired subscription to any representation of these scopes, in the
     * change's transaction; the partial unique index folds it into a distribution that has not been attempted yet.
     */
    Uni<Void> enqueue(SqlClient tx, String[] scopeKinds, String[] scopeValues) {
        TraceParent trace = TraceParent.current();
        return tx.preparedQuery("insert into delivery (kind, subscription_id, message_id, host, payload, traceparent, tracestate)"
                        + " select '" + KIND + "', s.id, gen_random_uuid()::text, s.host, null, $3, $4"
                        + " from websub_subscription s"
                        + " join unnest($1::text[], $2::text[]) as changed (kind, value)"
                        + " on s.scope_kind = changed.kind and s.scope_value = changed.value"
                        + " where s.expires_at > now()"
                        + " on conflict do nothing")
                .execute(Tuple.of(scopeKinds, scopeValues, trace.traceparent(), trace.tracestate()))
                .replaceWithVoid();
    }

    private static Subscription subscription(Row row) {
        Topic topic = new Topic(row.getString("topic"), Topic.scope(row.getString("scope_kind"), row.getString("scope_value")),
                Representation.ofColumn(row.getString("representation")));
        return new Subscription(row.getUUID("id"), row.getString("callback"), topic, row.getString("secret"));
    }
}
