package dev.herald.feed.ingest;

import java.time.DateTimeException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.herald.consumer.ConsumerPolicy;
import dev.herald.consumer.DeadLetterReason;
import dev.herald.consumer.EventHandler;
import dev.herald.consumer.InboundEvent;
import dev.herald.consumer.UnprocessableEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes reports.events one record at a time, in partition order, under the consumer policy: the record is
 * acknowledged (its offset becomes committable) only when the projection's transaction has committed, or when the
 * record is dead-lettered or passed over.
 */
@ApplicationScoped
class ReportEventsConsumer implements EventHandler {

    private final ConsumerPolicy policy;
    private final ReportEventReader reader;
    private final ReportProjector projector;

    ReportEventsConsumer(ConsumerPolicy policy, ReportEventReader reader, ReportProjector projector) {
        this.policy = policy;
        this.reader = reader;
        this.projector = projector;
    }

    @Incoming("reports")
    Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.consume(record, this);
    }

    @Override
    public String topic() {
        return "reports.events";
    }

    @Override
    public Uni<Void> handle(InboundEvent event) {
        ReportEvent report;
        try {
            report = reader.read(event);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UnprocessableEvent(DeadLetterReason.REJECTED, e.getMessage(), e);
        }
        return projector.apply(report);
    }
}
