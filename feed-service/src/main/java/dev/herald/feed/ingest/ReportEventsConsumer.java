package dev.herald.feed.ingest;

import java.time.DateTimeException;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.herald.consumer.ConsumerPolicy;
import dev.herald.consumer.DeadLetterReason;
import dev.herald.consumer.EventHandler;
import dev.herald.consumer.InboundEvent;
import dev.herald.consumer.UnprocessableEvent;
import dev.herald.events.ReportsEvent;
import dev.herald.events.Topic;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes reports.events one record at a time, in partition order, under the consumer policy: the record is
 * acknowledged (its offset becomes committable) only when the projection's transaction has committed, or when the
 * record is dead-lettered or passed over.
 */
@ApplicationScoped
class ReportEventsConsumer implements EventHandler<ReportsEvent> {

    private final ConsumerPolicy policy;
    private final ReportEventReader reader;
    private final ReportProjector projector;

    ReportEventsConsumer(ConsumerPolicy policy, ReportEventReader reader, ReportProjector projector) {
        this.policy = policy;
        this.reader = reader;
        this.projector = projector;
    }

    @Incoming("reports")
    Uni<Void> consume(Message<String> message) {
        return policy.consume(message, this);
    }

    @Override
    public Topic topic() {
        return Topic.REPORTS;
    }

    @Override
    public Uni<Void> handle(InboundEvent<ReportsEvent> event) {
        ReportEvent report;
        try {
            report = reader.read(event);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UnprocessableEvent(DeadLetterReason.REJECTED, e.getMessage(), e);
        }
        return projector.apply(report);
    }
}
