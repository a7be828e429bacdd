package dev.herald.outbox;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.herald.events.EventType;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends outbox rows through the {@value OutboxRelay#CHANNEL} channel as CloudEvents 1.0 in Kafka binary mode:
 * attributes in {@code ce_*} headers (source and dataschema as libs/events gives them for the row's type), the JSON
 * data as the value, the aggregate id as the key, and the W3C {@code traceparent} of a producer span that continues
 * the trace recorded with the row.
 */
@ApplicationScoped
public class CloudEventSender {

    private final Emitter<String> channel;
    private final OutboxConfig config;

    public CloudEventSender(@Channel(OutboxRelay.CHANNEL) Emitter<String> channel, OutboxConfig config) {
        this.channel = channel;
        this.config = config;
    }

    /**
     * Sends the events pipelined (the idempotent producer keeps their order) and answers what became of each, in
     * order, once each is settled or the send timeout has passed.
     */
    Uni<List<SendOutcome>> send(List<PendingEvent> events) {
        List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
        for (PendingEvent event : events) {
            outcomes.add(send(event));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)))
                .ifNoItem().after(config.sendTimeout()).recoverWithItem((Void) null)
                .map(settled -> outcomes.stream()
                        .map(outcome -> outcome.getNow(SendOutcome.notYet("no acknowledgement within " + config.sendTimeout())))
                        .toList());
    }

    private CompletableFuture<SendOutcome> send(PendingEvent event) {
        CompletableFuture<SendOutcome> outcome = new CompletableFuture<>();
        // the row keeps the type by name: one a rolled-back newer release recorded is parked, not guessed at
        EventType type = EventType.named(event.type()).orElse(null);
        if (type == null) {
            outcome.complete(SendOutcome.refused("this release knows no event type " + event.type()));
            return outcome;
        }
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id().toString())
                .withSource(type.topic().source())
                .withType(type.type())
                .withDataSchema(type.dataschema())
                .withSubject(event.subject())
                .withTimestamp(event.occurredAt().atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        Message<String> message = Message.of(event.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.aggregateId().toString()).build())
                .addMetadata(cloudEvent)
                // the producer span, and the traceparent header it writes, continue the trace the change was made in
                .addMetadata(TracingMetadata.withCurrent(event.trace().context()))
                .withAck(() -> {
                    outcome.complete(SendOutcome.sent());
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    outcome.complete(SendOutcome.of(failure));
                    return CompletableFuture.completedFuture(null);
                });
        try {
            channel.send(message);
        } catch (RuntimeException e) {
            outcome.complete(SendOutcome.of(e));
        }
        return outcome;
    }
}
