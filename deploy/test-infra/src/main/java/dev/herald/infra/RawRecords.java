package dev.herald.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain kafka-clients access to the broker of {@link HeraldTestInfra}, as any producer or operator has it: records
 * sent exactly as given (no key, no headers, anything as the value) and a topic read from its start.
 */
public final class RawRecords implements AutoCloseable {

    private final String bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    /** Binary-mode CloudEvents headers, as attendees-service and content-service send them. */
    public static Map<String, String> cloudEvent(String source, String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", source,
                "ce_type", type, "content-type", "application/json");
    }

    /** Sends one record and waits for the broker's acknowledgement: where it landed. */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        var record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, content) -> record.headers().add(name, content.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Every record on the topic now, read from its start by a consumer of no group. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(bootstrapServers, topic);
    }

    /** The same from any broker, for callers outside a Quarkus test (the system tests). */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
