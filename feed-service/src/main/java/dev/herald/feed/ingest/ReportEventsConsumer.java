package dev.herald.feed.ingest;

import java.time.DateTimeException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes reports.events one record at a time, in partition order. The record is acknowledged (and its offset
 * becomes committable) only when the returned Uni completes, that is after the database transaction.
 */
@ApplicationScoped
class ReportEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReportEventsConsumer.class);

    private final ReportEventReader reader;
    private final ReportProjector projector;

    ReportEventsConsumer(ReportEventReader reader, ReportProjector projector) {
        this.reader = reader;
        this.projector = projector;
    }

    @Incoming("reports")
    Uni<Void> consume(ConsumerRecord<String, String> record) {
        try {
            return reader.read(record)
                    .map(projector::apply)
                    .orElseGet(() -> skip(record, "it is not a known report event"));
        } catch (IllegalArgumentException | DateTimeException e) {
            // a malformed event must not stop the feeds: it is logged and passed over, database failures are not
            return skip(record, e.getMessage());
        }
    }

    private static Uni<Void> skip(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Skipped record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return Uni.createFrom().voidItem();
    }
}
