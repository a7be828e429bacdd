package dev.herald.feed.readmodel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** CloudEvents already applied, by source and id: a redelivered event is recognised and skipped. */
@ApplicationScoped
public class ProcessedEvents {

    /** Records an event as processed in the caller's transaction; false when it was processed before. */
    public Uni<Boolean> markProcessed(SqlClient tx, String source, String id, String type) {
        return tx.preparedQuery("insert into processed_event (source, id, type) values ($1, $2, $3) on conflict do nothing")
                .execute(Tuple.of(source, id, type))
                .map(rows -> rows.rowCount() == 1);
    }
}
