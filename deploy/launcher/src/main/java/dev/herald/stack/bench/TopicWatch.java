package dev.herald.stack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each report's event first appears on {@code reports.events}, seen by a plain consumer from the end of the
 * topic: it splits publish-to-feed latency into content-service's part (to the topic) and feed-service's.
 */
final class TopicWatch implements AutoCloseable {

    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    private TopicWatch(String bootstrapServers, String topic) {
        thread = new Thread(() -> consume(bootstrapServers, topic), "bench-topic-watch");
        thread.setDaemon(true);
        thread.start();
    }

    static TopicWatch from(String bootstrapServers, String topic) {
        TopicWatch watch = new TopicWatch(bootstrapServers, topic);
        try {
            watch.assigned.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return watch;
    }

    /** When the first record with this key arrived, as {@link System#nanoTime()}; null if none yet. */
    Long seenAt(String key) {
        return seenAt.get(key);
    }

    private void consume(String bootstrapServers, String topic) {
        try (var kafka = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "herald-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of(topic));
            while (kafka.assignment().isEmpty()) {
                kafka.poll(Duration.ofMillis(50));
            }
            kafka.seekToEnd(kafka.assignment());
            kafka.assignment().forEach(kafka::position);
            assigned.countDown();
            while (running) {
                kafka.poll(Duration.ofMillis(20)).forEach(record -> seenAt.putIfAbsent(record.key(), System.nanoTime()));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
