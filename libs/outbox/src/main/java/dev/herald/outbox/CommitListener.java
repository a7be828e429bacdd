package dev.herald.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Hears PostgreSQL's {@code NOTIFY outbox_recorded}, which a trigger on the outbox table raises and PostgreSQL delivers
 * only when the recording transaction commits: the relay wakes right after any commit, on any replica.
 */
@ApplicationScoped
public class CommitListener {

    static final String CHANNEL = "outbox_recorded";
    private static final Logger LOG = Logger.getLogger(CommitListener.class);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private volatile SqlConnection connection;
    private volatile boolean closed;

    public CommitListener(Pool pool, Vertx vertx, OutboxConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void listen(Runnable onCommit) {
        if (closed) {
            return;
        }
        pool.getConnection().subscribe().with(opened -> {
            PgConnection pg = PgConnection.cast(opened);
            pg.notificationHandler(notification -> onCommit.run());
            // a lost connection (database restart) is opened again; the poll covers the gap
            pg.closeHandler(() -> vertx.setTimer(config.pollInterval().toMillis(), retry -> listen(onCommit)));
            pg.query("LISTEN " + CHANNEL).execute().subscribe().with(listening -> connection = opened, failure -> {
                LOG.warnf("Cannot listen for outbox commits, polling only until it can: %s", failure.toString());
                opened.closeAndForget();
            });
        }, failure -> vertx.setTimer(config.pollInterval().toMillis(), retry -> listen(onCommit)));
    }

    void close() {
        closed = true;
        SqlConnection open = connection;
        if (open != null) {
            open.closeAndForget();
        }
    }
}
