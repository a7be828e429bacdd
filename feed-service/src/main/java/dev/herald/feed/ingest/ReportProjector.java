package dev.herald.feed.ingest;

import org.jboss.logging.Logger;

import dev.herald.feed.readmodel.ProcessedEvents;
import dev.herald.feed.readmodel.ReadModelChanged;
import dev.herald.feed.readmodel.ReportChange;
import dev.herald.feed.readmodel.ReportChangeListener;
import dev.herald.feed.readmodel.ReportRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;

/**
 * Applies report events to the read model idempotently: each event once (by source and id), and never an
 * older revision over a newer one. The event is recorded in the same transaction as its effect.
 */
@ApplicationScoped
class ReportProjector {

    private static final Logger LOG = Logger.getLogger(ReportProjector.class);

    private final Pool pool;
    private final ProcessedEvents processed;
    private final ReportRepository reports;
    private final Event<ReadModelChanged> changed;
    private final Instance<ReportChangeListener> listeners;

    ReportProjector(Pool pool, ProcessedEvents processed, ReportRepository reports, Event<ReadModelChanged> changed,
            Instance<ReportChangeListener> listeners) {
        this.pool = pool;
        this.processed = processed;
        this.reports = reports;
        this.changed = changed;
        this.listeners = listeners;
    }

    /** Completes once the transaction has committed. */
    Uni<Void> apply(ReportEvent event) {
        return pool.withTransaction(tx -> processed.markProcessed(tx, event.source(), event.id(), event.type().type())
                        .flatMap(first -> !first ? Uni.createFrom().item(false)
                                // an unpublish that names no revision withdraws whatever revision is shown
                                : event.revision() == 0 && event.change() == ReportChange.Kind.UNPUBLISHED
                                        ? Uni.createFrom().item(true)
                                        : reports.claimRevision(tx, event.reportId(), event.revision()))
                        .flatMap(current -> {
                            if (!current) {
                                LOG.debugf("Skipped %s %s: already processed or an older revision", event.type(), event.id());
                                return Uni.createFrom().<Long>nullItem();
                            }
                            return reports.byId(tx, event.reportId()).flatMap(previous -> {
                                Uni<Void> write = event.change() == ReportChange.Kind.UNPUBLISHED
                                        ? reports.delete(tx, event.reportId())
                                        : reports.upsert(tx, event.report());
                                // listeners see the report as stored (an erased author's slug is not)
                                return write.chain(() -> reports.byId(tx, event.reportId()))
                                        .chain(stored -> tell(tx, new ReportChange(event.change(), event.source(),
                                                event.id(), event.time(), event.reportId(), stored.orElse(null),
                                                previous.orElse(null))))
                                        .chain(() -> reports.bumpVersion(tx));
                            });
                        }))
                .invoke(version -> {
                    if (version != null) {
                        changed.fire(new ReadModelChanged(version));
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> tell(SqlClient tx, ReportChange change) {
        Uni<Void> told = Uni.createFrom().voidItem();
        for (ReportChangeListener listener : listeners) {
            told = told.chain(() -> listener.onChange(tx, change));
        }
        return told;
    }
}
