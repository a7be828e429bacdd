package dev.herald.feed.readmodel;

import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Events and people as attendees-service last described them. Each of its events carries the whole aggregate and
 * arrives in order per aggregate, so the latest one replaces what was there.
 */
@ApplicationScoped
public class DirectoryRepository {

    public enum Kind {
        EVENT("event_directory"),
        PERSON("person_directory");

        final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final Pool pool;

    DirectoryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> put(SqlClient tx, Kind kind, UUID id, String slug, JsonObject data) {
        return tx.preparedQuery("insert into " + kind.table + " (id, slug, data) values ($1, $2, $3)"
                        + " on conflict (id) do update set slug = excluded.slug, data = excluded.data")
                .execute(Tuple.of(id, slug, data))
                .replaceWithVoid();
    }

    public Uni<Void> remove(SqlClient tx, Kind kind, UUID id) {
        return tx.preparedQuery("delete from " + kind.table + " where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Optional<JsonObject>> bySlug(Kind kind, String slug) {
        return pool.preparedQuery("select data from " + kind.table + " where slug = $1 limit 1")
                .execute(Tuple.of(slug))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of((JsonObject) rows.iterator().next().getValue("data")));
    }
}
