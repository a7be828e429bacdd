package dev.herald.consumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sets a record aside that can never be processed: kept in the service's database (for an admin to list and
 * replay), sent to {@code <topic>.dlq} with the original key, value and headers plus the {@code dead-letter-*} headers,
 * and counted as {@code herald_events_dead_lettered_total{topic,reason}}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** the consuming service: every consumer of a topic sets its own letters aside on the same .dlq topic */
    public static final String SERVICE = "dead-letter-service";
    public static final String METRIC = "herald.events.dead.lettered";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_CAUSE_LENGTH = 2000;

    private final DeadLetterStore store;
    private final MutinyEmitter<String> topics;
    private final MeterRegistry metrics;
    private final String service;

    public DeadLetters(DeadLetterStore store, @Channel("dead-letters") MutinyEmitter<String> topics, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.store = store;
        this.topics = topics;
        this.metrics = metrics;
        this.service = service;
    }

    /** Completes once the letter is stored and on the dead-letter topic, so the record's offset may be committed. */
    public Uni<Void> add(ConsumerRecord<String, String> record, UnprocessableEvent failure) {
        String cause = failure.getMessage() == null ? failure.reason().code
                : failure.getMessage().length() > MAX_CAUSE_LENGTH ? failure.getMessage().substring(0, MAX_CAUSE_LENGTH) : failure.getMessage();
        List<DeadLetter.RecordHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new DeadLetter.RecordHeader(header.key(),
                    header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
        }
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), List.copyOf(headers), failure.reason().code, cause, null, null);
        return store.add(letter)
                .invoke(added -> {
                    if (added) {
                        LOG.warnf("Dead-lettered record %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(),
                                failure.reason().code, cause);
                        metrics.counter(METRIC, "topic", record.topic(), "reason", failure.reason().code).increment();
                    }
                })
                // sent again on a redelivery: the topic may hold a letter twice, never zero times
                .chain(() -> topics.sendMessage(message(record, failure.reason(), cause)));
    }

    private Message<String> message(ConsumerRecord<String, String> record, DeadLetterReason reason, String cause) {
        List<RecordHeader> headers = new ArrayList<>();
        record.headers().forEach(header -> headers.add(new RecordHeader(header.key(), header.value())));
        headers.add(header(REASON, reason.code));
        headers.add(header(CAUSE, cause));
        headers.add(header(TOPIC, record.topic()));
        headers.add(header(PARTITION, Integer.toString(record.partition())));
        headers.add(header(OFFSET, Long.toString(record.offset())));
        headers.add(header(SERVICE, service));
        return Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic() + ".dlq").withKey(record.key()).withHeaders(headers).build());
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
