package dev.herald.content.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/** A plain kafka-clients consumer of reports.events reading CloudEvents with the SDK, as any consumer would. */
public final class ReportEventsOnTopic implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    public ReportEventsOnTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of("reports.events"));
    }

    /** Every event about the report, in topic order, once {@code done} holds for them (or the timeout passes). */
    public List<ConsumerRecord<String, CloudEvent>> about(UUID reportId, Predicate<List<ConsumerRecord<String, CloudEvent>>> done,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, CloudEvent>> about = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            about = seen.stream().filter(record -> reportId.toString().equals(record.key())).toList();
            if (done.test(about)) {
                return about;
            }
        }
        return about;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
