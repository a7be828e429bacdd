package dev.herald.feed.webhooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Table {@code webhook_subscription}. */
@ApplicationScoped
class SubscriptionRepository {

    private static final String COLUMNS = "id, url, description, filter_tags, filter_authors, filter_events, filter_types,"
            + " secret, previous_secret, previous_secret_until, active, created_at, updated_at, disabled_at,"
            + " disabled_reason, failing_since";

    private final Pool pool;

    SubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<WebhookSubscription> insert(UUID id, SubscriptionInput input, String host, String sealedSecret) {
        SubscriptionFilters f = input.filters();
        return pool.preparedQuery("insert into webhook_subscription (id, url, host, description, filter_tags, filter_authors,"
                        + " filter_events, filter_types, secret, active) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, input.url(), host, input.description(), array(f.tags()),
                        array(f.authors()), array(f.events()), array(f.types()), sealedSecret, input.active()}))
                .map(rows -> subscription(rows.iterator().next()));
    }

    Uni<Optional<WebhookSubscription>> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_subscription where id = $1").execute(Tuple.of(id))
                .map(SubscriptionRepository::first);
    }

    /** Oldest first, so that pages stay put while subscriptions are added. */
    Uni<List<WebhookSubscription>> list(int offset, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_subscription order by created_at, id offset $1 limit $2")
                .execute(Tuple.of(offset, limit))
                .map(rows -> {
                    List<WebhookSubscription> page = new ArrayList<>();
                    rows.forEach(row -> page.add(subscription(row)));
                    return page;
                });
    }

    Uni<Long> count() {
        return pool.query("select count(*) from webhook_subscription").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Replaces what an admin writes; re-enabling a disabled subscription forgets why it was disabled and since when
     * it failed. Pending deliveries follow a new URL's host.
     */
    Uni<Optional<WebhookSubscription>> replace(UUID id, SubscriptionInput input, String host) {
        SubscriptionFilters f = input.filters();
        return pool.withTransaction(tx -> tx.preparedQuery("update webhook_subscription set url = $2, host = $3,"
                        + " description = $4, filter_tags = $5, filter_authors = $6, filter_events = $7, filter_types = $8,"
                        + " disabled_at = case when $9 and not active then null else disabled_at end,"
                        + " disabled_reason = case when $9 and not active then null else disabled_reason end,"
                        + " failing_since = case when $9 and not active then null else failing_since end,"
                        + " active = $9, updated_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, input.url(), host, input.description(), array(f.tags()),
                        array(f.authors()), array(f.events()), array(f.types()), input.active()}))
                .call(rows -> tx.preparedQuery("update delivery set host = $2 where kind = $3 and subscription_id = $1"
                                + " and state = 'pending'")
                        .execute(Tuple.of(id, host, WebhookChannel.KIND)))
                .map(SubscriptionRepository::first));
    }

    Uni<Boolean> delete(SqlClient tx, UUID id) {
        return tx.preparedQuery("delete from webhook_subscription where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The current secret becomes the previous one, valid until {@code overlapUntil}; the one before goes. */
    Uni<Optional<WebhookSubscription>> rotate(UUID id, String sealedSecret, Instant overlapUntil) {
        return pool.preparedQuery("update webhook_subscription set previous_secret = secret, previous_secret_until = $3,"
                        + " secret = $2, updated_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id, sealedSecret, utc(overlapUntil)))
                .map(SubscriptionRepository::first);
    }

    /** A delivery got through: the subscription is no longer failing. */
    Uni<Void> succeeded(UUID id) {
        return pool.preparedQuery("update webhook_subscription set failing_since = null where id = $1 and failing_since is not null")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** An attempt failed at {@code at}: answers since when the subscription has failed, empty when it is inactive or gone. */
    Uni<Optional<Instant>> failed(UUID id, Instant at) {
        return pool.preparedQuery("update webhook_subscription set failing_since = coalesce(failing_since, $2)"
                        + " where id = $1 and active returning failing_since")
                .execute(Tuple.of(id, utc(at)))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(rows.iterator().next().getOffsetDateTime("failing_since").toInstant())
                        : Optional.empty());
    }

    static Optional<WebhookSubscription> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(subscription(rows.iterator().next())) : Optional.empty();
    }

    private static WebhookSubscription subscription(Row row) {
        return new WebhookSubscription(row.getUUID("id"), row.getString("url"), row.getString("description"),
                new SubscriptionFilters(list(row, "filter_tags"), list(row, "filter_authors"), list(row, "filter_events"),
                        list(row, "filter_types")),
                row.getString("secret"), row.getString("previous_secret"), instant(row, "previous_secret_until"),
                row.getBoolean("active"), instant(row, "created_at"), instant(row, "updated_at"),
                instant(row, "disabled_at"), row.getString("disabled_reason"), instant(row, "failing_since"));
    }

    private static List<String> list(Row row, String column) {
        return List.copyOf(Arrays.asList(row.getArrayOfStrings(column)));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
