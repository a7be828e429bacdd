package dev.herald.consumer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Dead letters in the consuming service's own database (table dead_letter, created by each service's migration). */
@ApplicationScoped
public class DeadLetterStore {

    private static final String COLUMNS = "id, topic, partition, record_offset, record_key, record_value, headers, reason,"
            + " detail, dead_lettered_at, replayed_at";

    private final Pool pool;

    public DeadLetterStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the letter unless its record is stored already (a redelivery); true when it is new. */
    public Uni<Boolean> add(DeadLetter letter) {
        JsonArray headers = new JsonArray();
        letter.headers().forEach(h -> headers.add(new JsonObject().put("name", h.name()).put("value", h.value())));
        return pool.preparedQuery("insert into dead_letter (id, topic, partition, record_offset, record_key, record_value,"
                        + " headers, reason, detail) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                        + " on conflict (topic, partition, record_offset) do nothing")
                .execute(Tuple.from(new Object[] {letter.id(), letter.topic(), letter.partition(), letter.offset(),
                        letter.key(), letter.value(), headers, letter.reason(), letter.detail()}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Newest first; {@code replayed} null lists both the waiting and the replayed ones. */
    public Uni<Page<DeadLetter>> page(String topic, Boolean replayed, PageRequest paging) {
        String matching = " from dead_letter where ($1::text is null or topic = $1)"
                + " and ($2::boolean is null or (replayed_at is not null) = $2)";
        return pool.preparedQuery("select count(*)" + matching).execute(Tuple.of(topic, replayed))
                .map(rows -> rows.iterator().next().getLong(0))
                .flatMap(total -> pool.preparedQuery("select " + COLUMNS + matching
                                + " order by dead_lettered_at desc, id limit $3 offset $4")
                        .execute(Tuple.of(topic, replayed, paging.size, paging.offset()))
                        .map(rows -> {
                            List<DeadLetter> letters = new ArrayList<>();
                            rows.forEach(row -> letters.add(letter(row)));
                            return Page.of(letters, paging, total);
                        }));
    }

    public Uni<Optional<DeadLetter>> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from dead_letter where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(letter(rows.iterator().next())) : Optional.empty());
    }

    public Uni<DeadLetter> markReplayed(UUID id) {
        return pool.preparedQuery("update dead_letter set replayed_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id)).map(rows -> letter(rows.iterator().next()));
    }

    private static DeadLetter letter(Row row) {
        List<DeadLetter.RecordHeader> headers = new ArrayList<>();
        ((JsonArray) row.getValue("headers")).forEach(h -> headers.add(
                new DeadLetter.RecordHeader(((JsonObject) h).getString("name"), ((JsonObject) h).getString("value"))));
        OffsetDateTime replayedAt = row.getOffsetDateTime("replayed_at");
        return new DeadLetter(row.getUUID("id"), row.getString("topic"), row.getInteger("partition"),
                row.getLong("record_offset"), row.getString("record_key"), row.getString("record_value"), List.copyOf(headers),
                row.getString("reason"), row.getString("detail"), row.getOffsetDateTime("dead_lettered_at").toInstant(),
                replayedAt == null ? null : replayedAt.toInstant());
    }
}
