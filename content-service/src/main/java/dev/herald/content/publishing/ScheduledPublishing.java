package dev.herald.content.publishing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.herald.content.report.ReportService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Publishes scheduled reports once their publishDate has come, each with its event in the same transaction; on one
 * replica at a time, so that no report is published (and announced) twice.
 */
@ApplicationScoped
public class ScheduledPublishing {

    private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class);
    /** Held for the transaction only: a replica that cannot take it leaves this round to the one that did. */
    private static final long SCHEDULER_LOCK = 0x4845524c_53434844L;

    private final ReportService service;
    private final AtomicBoolean failing = new AtomicBoolean();

    public ScheduledPublishing(ReportService service) {
        this.service = service;
    }

    @Scheduled(every = "${herald.publishing.check-interval}", delayed = "${herald.outbox.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishDue() {
        int published;
        try {
            published = VertxContextSupport.subscribeAndAwait(() -> publishDue(Instant.now()));
        } catch (Throwable e) {
            // the next round retries: one warning per outage rather than a stack trace every round
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("Scheduled publishing failed, retrying every round until it works: %s", e.toString());
            } else {
                LOG.debugf("Scheduled publishing failed again: %s", e.toString());
            }
            return;
        }
        if (failing.compareAndSet(true, false)) {
            LOG.info("Scheduled publishing works again");
        }
        if (published > 0) {
            LOG.infof("Published %d scheduled report(s)", published);
        }
    }

    /** One round: the number of reports published, none when another replica is in a round. */
    public Uni<Integer> publishDue(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_try_advisory_xact_lock(?1)", Boolean.class)
                        .setParameter(1, SCHEDULER_LOCK).getSingleResult())
                .chain(locked -> locked ? service.publishDue(now) : Uni.createFrom().item(0)));
    }
}
