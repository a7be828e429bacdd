package dev.herald.feed.readmodel;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * People erased without consent to keep a public record: their directory entry goes, their slug is remembered only as
 * a hash (so that their pages answer 410), and reports keep the byline text the editor wrote but no longer link them.
 */
@ApplicationScoped
public class ErasedAuthors {

    private static final String HASH = "sha256(convert_to($1, 'UTF8'))";

    private final Pool pool;
    private final ReportRepository reports;

    ErasedAuthors(Pool pool, ReportRepository reports) {
        this.pool = pool;
        this.reports = reports;
    }

    /** Erases the person with this id; feeds that linked them are rendered anew. */
    public Uni<Void> erase(SqlClient tx, UUID personId) {
        return tx.preparedQuery("with person as (delete from person_directory where id = $1 returning slug),"
                        + " tombstone as (insert into erased_author (slug_sha256)"
                        + " select sha256(convert_to(slug, 'UTF8')) from person on conflict do nothing)"
                        + " update report set author_slug = null where author_slug in (select slug from person)")
                .execute(Tuple.of(personId))
                .flatMap(rows -> rows.rowCount() > 0 ? reports.bumpVersion(tx).replaceWithVoid() : Uni.createFrom().voidItem());
    }

    /** A person given this slug again (their erasure was lifted, or the slug went to someone new) is linked again. */
    public Uni<Void> lift(SqlClient tx, String slug) {
        return tx.preparedQuery("delete from erased_author where slug_sha256 = " + HASH).execute(Tuple.of(slug))
                .replaceWithVoid();
    }

    public Uni<Boolean> isErased(String slug) {
        return pool.preparedQuery("select 1 from erased_author where slug_sha256 = " + HASH).execute(Tuple.of(slug))
                .map(rows -> rows.size() > 0);
    }
}
