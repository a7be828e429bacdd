package dev.herald.content.importing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Reports, revisions and assets in the database and the last outbox position: equal before and after = nothing stored. */
record StoredCounts(long reports, long revisions, long assets, long events) {

    static StoredCounts now() {
        try {
            return parse(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("select (select count(*) from report) || ',' || "
                            + "(select count(*) from report_revision) || ',' || (select count(*) from asset) || ',' || "
                            + "(select coalesce(max(position), 0) from outbox)", String.class).getSingleResult()))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredCounts parse(String counts) {
        String[] parts = counts.split(",");
        return new StoredCounts(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]));
    }
}
