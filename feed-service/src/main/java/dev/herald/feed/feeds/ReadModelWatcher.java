package dev.herald.feed.feeds;

import java.time.Duration;

import org.jboss.logging.Logger;

import dev.herald.feed.readmodel.ReadModelChanged;
import dev.herald.feed.readmodel.ReportRepository;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

/**
 * Notices changes applied by another instance: each partition of reports.events is consumed by one instance only,
 * yet every instance serves feeds, so each compares the read model's version with the one it saw last.
 */
@ApplicationScoped
class ReadModelWatcher {

    private static final Logger LOG = Logger.getLogger(ReadModelWatcher.class);

    private final ReportRepository reports;
    private final Event<ReadModelChanged> changed;
    private final Duration interval;
    private volatile long seen = -1;

    ReadModelWatcher(ReportRepository reports, Event<ReadModelChanged> changed,
            FeedConfig config) {
        this.reports = reports;
        this.changed = changed;
        this.interval = config.feedCache().checkInterval();
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setPeriodic(interval.toMillis(), timer -> reports.version().subscribe().with(version -> {
            if (version != seen) {
                changed.fire(new ReadModelChanged(version));
            }
            seen = version;
        }, failure -> LOG.debugf("Could not read the read model version: %s", failure.getMessage())));
    }

    void onChange(@Observes ReadModelChanged change) {
        seen = Math.max(seen, change.version());
    }
}
