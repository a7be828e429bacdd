package dev.herald.content.publishing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.herald.content.outbox.OutboxRelay;
import dev.herald.content.report.ReportService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;

/** Publishes scheduled reports once their publishDate has come, each with its event in the same transaction. */
@ApplicationScoped
public class ScheduledPublishing {

    private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class);

    private final ReportService service;
    private final OutboxRelay relay;

    public ScheduledPublishing(ReportService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @Scheduled(every = "${herald.publishing.check-interval}", delayed = "${herald.outbox.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishDue() throws Throwable {
        int published = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> service.publishDue(Instant.now())));
        if (published > 0) {
            relay.wake();
            LOG.infof("Published %d scheduled report(s)", published);
        }
    }
}
