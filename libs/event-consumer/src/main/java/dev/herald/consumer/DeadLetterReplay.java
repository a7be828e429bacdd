package dev.herald.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Runs a stored dead letter through its topic's handler again, once; a letter that is now applied is marked replayed. */
@ApplicationScoped
public class DeadLetterReplay {

    /** How a replay ended: the letter as it is now, or why it still cannot be applied. */
    public record Outcome(DeadLetter letter, UnprocessableEvent unprocessable, Throwable unavailable) {
    }

    private final DeadLetterStore store;
    private final ConsumerPolicy policy;
    private final Instance<EventHandler<?>> handlers;

    public DeadLetterReplay(DeadLetterStore store, ConsumerPolicy policy, @Any Instance<EventHandler<?>> handlers) {
        this.store = store;
        this.policy = policy;
        this.handlers = handlers;
    }

    public Uni<Outcome> replay(DeadLetter letter) {
        EventHandler<?> handler = handlers.stream().filter(h -> h.topic().kafkaTopic().equals(letter.topic())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no handler consumes " + letter.topic()));
        return Uni.createFrom().deferred(() -> policy.applyOnce(message(letter), handler))
                .invoke(applied -> {
                    if (!applied) {
                        throw new UnprocessableEvent(DeadLetterReason.REJECTED,
                                "the record is a tombstone or of a type this release does not know");
                    }
                })
                .chain(() -> store.markReplayed(letter.id()))
                .map(replayed -> new Outcome(replayed, null, null))
                .onFailure().recoverWithItem(failure -> Failures.unprocessable(failure)
                        .map(unprocessable -> new Outcome(letter, unprocessable, null))
                        .orElseGet(() -> new Outcome(letter, null, failure)));
    }

    /**
     * The stored record as the Kafka connector would have delivered it, CloudEvents metadata included: no consumer
     * polls it, so SmallRye's own message type wraps it (no commit or failure handler: it is never acknowledged).
     */
    private static Message<String> message(DeadLetter letter) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(),
                letter.key(), letter.value());
        letter.headers().forEach(h -> record.headers().add(h.name(), h.value() == null ? null : h.value().getBytes(StandardCharsets.UTF_8)));
        return new IncomingKafkaRecord<>(record, "dead-letter-replay", -1, null, null, true, false);
    }
}
