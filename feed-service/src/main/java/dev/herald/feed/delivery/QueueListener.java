package dev.herald.feed.delivery;

import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hears PostgreSQL's {@code NOTIFY delivery_queued}, raised by a trigger when deliveries are enqueued and delivered
 * only when that transaction commits: every replica's dispatcher wakes at once; the poll covers a lost connection.
 */
@ApplicationScoped
class QueueListener {

    private static final Logger LOG = Logger.getLogger(QueueListener.class);

    private final Pool pool;
    private final Vertx vertx;
    private final DeliveryConfig config;
    private volatile SqlConnection connection;
    private volatile boolean closed;

    QueueListener(Pool pool, Vertx vertx, DeliveryConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void listen(Runnable onQueued) {
        if (closed) {
            return;
        }
        pool.getConnection().subscribe().with(opened -> {
            PgConnection pg = PgConnection.cast(opened);
            pg.notificationHandler(notification -> onQueued.run());
            pg.closeHandler(() -> vertx.setTimer(config.pollInterval().toMillis(), retry -> listen(onQueued)));
            pg.query("LISTEN delivery_queued").execute().subscribe().with(listening -> connection = opened, failure -> {
                LOG.warnf("Cannot listen for queued deliveries, polling only until it can: %s", failure.toString());
                opened.closeAndForget();
            });
        }, failure -> vertx.setTimer(config.pollInterval().toMillis(), retry -> listen(onQueued)));
    }

    void close() {
        closed = true;
        SqlConnection open = connection;
        if (open != null) {
            open.closeAndForget();
        }
    }
}
