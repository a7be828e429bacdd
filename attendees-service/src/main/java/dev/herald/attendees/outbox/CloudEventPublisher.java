package dev.herald.attendees.outbox;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows as CloudEvents 1.0 in Kafka binary mode: attributes in {@code ce_*} headers, the JSON data as
 * the value, the aggregate id as the key so that all events of one aggregate stay in order on one partition.
 */
@ApplicationScoped
public class CloudEventPublisher {

    private static final Logger LOG = Logger.getLogger(CloudEventPublisher.class);

    private final OutboxConfig config;
    private final KafkaProducer<String, byte[]> producer;

    public CloudEventPublisher(OutboxConfig config) {
        this.config = config;
        int timeoutMs = (int) config.deliveryTimeout().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "attendees-outbox-relay",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5000 + 5),
                // a down broker must not hold the relay's thread for the default minute
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5000)),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends the messages in order and blocks until the broker acknowledges them; answers the ids of the leading
     * messages that were acknowledged, stopping at the first failure so that nothing overtakes an unsent event.
     */
    List<UUID> sendInOrder(List<OutboxMessage> messages) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (OutboxMessage message : messages) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            try {
                producer.send(record(message), (metadata, failure) -> {
                    if (failure == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        List<UUID> acknowledged = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.deliveryTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
                acknowledged.add(messages.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Kafka did not take outbox event %s (%s); %d left for the next round", messages.get(i).id(),
                        e.getCause() == null ? e : e.getCause(), messages.size() - i);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    private ProducerRecord<String, byte[]> record(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.topic(), message.aggregateId().toString(),
                message.payload().getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", message.id().toString());
        header(record, "ce_source", config.source());
        header(record, "ce_type", message.type());
        header(record, "ce_time",
                message.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (message.subject() != null) {
            header(record, "ce_subject", message.subject());
        }
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
