package dev.herald.consumer;

import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.herald.events.HeraldEvent;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.opentelemetry.runtime.tracing.mutiny.MutinyTracingHelper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The failure policy of every channel: a record that can never be processed is dead-lettered and the channel moves
 * on; a failure that can heal is retried with back-off, never skipped, so the offset is committed only after the
 * change (or the dead letter) is stored. Tombstones and unknown types are passed over. Each record is processed in a
 * span that continues the producer's trace ({@code traceparent} header), so one trace runs from the change to here.
 * The message is acknowledged (its offset becomes committable) once the record is done with.
 */
@ApplicationScoped
public class ConsumerPolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerPolicy.class);

    private final CloudEventReader reader;
    private final DeadLetters deadLetters;
    private final ConsumerPolicyConfig config;
    private final Tracer tracer;

    public ConsumerPolicy(CloudEventReader reader, DeadLetters deadLetters, ConsumerPolicyConfig config, Tracer tracer) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.config = config;
        this.tracer = tracer;
    }

    /** Completes when the record is done with (applied, passed over or dead-lettered) and its message acknowledged. */
    public Uni<Void> consume(Message<String> message, EventHandler<?> handler) {
        ConsumerRecord<String, String> record = CloudEventReader.record(message);
        return MutinyTracingHelper.wrapWithSpan(tracer, Optional.of(RecordTraceContext.of(record)),
                        "process " + record.topic(), apply(message, record, handler))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    /**
     * Reads the message and hands its event to the handler, once: every attempt here, and an admin's replay. True when
     * the handler applied it, false for a record passed over.
     */
    Uni<Boolean> applyOnce(Message<String> message, EventHandler<?> handler) {
        return reader.read(message).map(event -> handle(handler, event).replaceWith(true))
                .orElseGet(() -> Uni.createFrom().item(false));
    }

    // the reader only gives events of a type of the handler's topic, all of which implement its sealed interface
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Uni<Void> handle(EventHandler handler, InboundEvent<HeraldEvent> event) {
        return handler.handle(event);
    }

    private Uni<Void> apply(Message<String> message, ConsumerRecord<String, String> record, EventHandler<?> handler) {
        Context context = Vertx.currentContext();
        return onContext(context, () -> applyOnce(message, handler).replaceWithVoid())
                .onFailure(Failures::canHeal).invoke(failure -> LOG.warnf("Will retry record %s-%d@%d: %s",
                        record.topic(), record.partition(), record.offset(), failure.toString()))
                .onFailure(Failures::canHeal).retry().withBackOff(config.retry().initialBackoff(), config.retry().maxBackoff())
                .indefinitely()
                .onFailure().recoverWithUni(failure -> onContext(context,
                                () -> deadLetters.add(record, Failures.unprocessable(failure).orElseThrow()))
                        .onFailure().invoke(e -> LOG.warnf("Will retry dead-lettering record %s-%d@%d: %s",
                                record.topic(), record.partition(), record.offset(), e.toString()))
                        .onFailure().retry().withBackOff(config.retry().initialBackoff(), config.retry().maxBackoff())
                        .indefinitely());
    }

    // every attempt runs on the record's Vert.x context, where reactive database sessions live, not on a timer thread
    private static Uni<Void> onContext(Context context, Supplier<Uni<? extends Void>> attempt) {
        Uni<Void> deferred = Uni.createFrom().<Void>deferred(attempt);
        return context == null ? deferred : deferred.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
