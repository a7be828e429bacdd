package dev.herald.stack.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.herald.infra.RawRecords;

/**
 * Records no Herald producer would write, sent with plain kafka-clients as any other producer could: no CloudEvents
 * headers, a value that is not JSON, data against the schema. Each must end on its topic's dead-letter topic, set aside
 * by every service that consumes the topic.
 */
final class BadRecords {

    /** The consumers of each topic, as {@code dead-letter-service} names them. */
    private static final Map<String, Set<String>> CONSUMERS = Map.of(
            "reports.events", Set.of("feed-service"),
            "attendees.events", Set.of("feed-service", "content-service"));

    private final String bootstrapServers;
    private final List<ProducerRecord<String, String>> sent = new CopyOnWriteArrayList<>();

    BadRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends one of each kind to both topics and returns how many; they are acknowledged by the broker (acks=all). */
    int send() {
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (String topic : CONSUMERS.keySet()) {
            String source = topic.startsWith("reports") ? "/herald/content-service" : "/herald/attendees-service";
            String type = topic.startsWith("reports") ? "dev.herald.report.published" : "dev.herald.person.updated";
            String key = UUID.randomUUID().toString();
            batch.add(new ProducerRecord<>(topic, key, "{\"id\":\"" + key + "\"}"));
            batch.add(withHeaders(new ProducerRecord<>(topic, key, "not json at all {"), source, type));
            batch.add(withHeaders(new ProducerRecord<>(topic, key, "{\"id\":\"" + key + "\",\"title\":42}"), source, type));
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (var record : batch) {
                producer.send(record).get();
                sent.add(record);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a bad record", e.getCause());
        }
        return batch.size();
    }

    private static ProducerRecord<String, String> withHeaders(ProducerRecord<String, String> record, String source, String type) {
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", source, "ce_type", type,
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The keys the bad records were sent under: no Herald producer's events. */
    Set<String> keys() {
        return sent.stream().map(ProducerRecord::key).collect(Collectors.toSet());
    }

    int sent() {
        return sent.size();
    }

    /** The bad records some consumer of their topic has not put on the dead-letter topic, as "topic value". */
    List<String> missingFromDeadLetters() {
        List<String> missing = new ArrayList<>();
        for (String topic : CONSUMERS.keySet()) {
            List<ConsumerRecord<String, String>> dead = RawRecords.readAll(bootstrapServers, topic + ".dlq");
            for (var record : sent.stream().filter(r -> r.topic().equals(topic)).toList()) {
                Set<String> by = dead.stream().filter(d -> record.key().equals(d.key()) && record.value().equals(d.value()))
                        .map(d -> RawRecords.header(d, "dead-letter-service").orElse("?")).collect(Collectors.toSet());
                if (!by.containsAll(CONSUMERS.get(topic))) {
                    missing.add(topic + " " + record.value() + " (set aside by " + by + ")");
                }
            }
        }
        return missing;
    }
}
