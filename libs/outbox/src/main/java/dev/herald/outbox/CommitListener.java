package dev.herald.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Hears PostgreSQL notifications, which PostgreSQL delivers only when the notifying transaction commits: the outbox
 * relay wakes on {@code outbox_recorded} (a trigger on the outbox table) right after any commit, on any replica, and
 * other queues of a service can listen on channels of their own.
 */
@ApplicationScoped
public class CommitListener {

    static final String CHANNEL = "outbox_recorded";
    private static final Logger LOG = Logger.getLogger(CommitListener.class);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final Queue<SqlConnection> connections = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    public CommitListener(Pool pool, Vertx vertx, OutboxConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    /** Runs {@code onCommit} on every notification of {@code channel} (a plain identifier), for as long as the service runs. */
    public void listen(String channel, Runnable onCommit) {
        if (closed) {
            return;
        }
        pool.getConnection().subscribe().with(opened -> {
            PgConnection pg = PgConnection.cast(opened);
            pg.notificationHandler(notification -> onCommit.run());
            // a lost connection (database restart) is opened again; the listener's poll covers the gap
            pg.closeHandler(() -> {
                connections.remove(opened);
                vertx.setTimer(config.pollInterval().toMillis(), retry -> listen(channel, onCommit));
            });
            pg.query("LISTEN " + channel).execute().subscribe().with(listening -> connections.add(opened), failure -> {
                LOG.warnf("Cannot listen on %s, polling only until it can: %s", channel, failure.toString());
                opened.closeAndForget();
            });
        }, failure -> vertx.setTimer(config.pollInterval().toMillis(), retry -> listen(channel, onCommit)));
    }

    void close() {
        closed = true;
        connections.forEach(SqlConnection::closeAndForget);
    }
}
