package dev.herald.content.bench;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.herald.content.Corpus;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A benchmark, not a test (surefire does not pick it up by name). Run it on its own:
 * {@code ./mvnw -pl deploy/test-infra,content-service verify -Dtest=CorpusBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints corpus import + publish throughput (until every published event is on reports.events) and the latency from
 * a publish request to its event on the topic (p50, p99), over real PostgreSQL and Kafka.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class CorpusBenchmark {

    private static final int LATENCY_SAMPLES = 100;

    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch assigned = new CountDownLatch(1);

    @Test
    void importPublishAndLatency() throws Exception {
        Thread consumer = new Thread(this::consume, "benchmark-consumer");
        consumer.start();
        try {
            // only events after this point count: the consumer starts at the end of the topic
            assigned.await();
            byte[] zip = Corpus.zip(Corpus.slugs());
            long start = System.nanoTime();
            List<String> ids = given().auth().oauth2(TestTokens.editor()).contentType("application/zip").body(zip)
                    .post("/api/reports/import").then().statusCode(200).extract().path("reports.id");
            long imported = System.nanoTime();
            awaitAll(Set.copyOf(ids), Duration.ofMinutes(5));
            long onTopic = System.nanoTime();
            System.out.printf("BENCHMARK import of %d corpus reports: %.1f s (%.1f reports/s); "
                    + "import + publish until every event is on the topic: %.1f s (%.1f reports/s)%n",
                    ids.size(), seconds(imported - start), ids.size() / seconds(imported - start),
                    seconds(onTopic - start), ids.size() / seconds(onTopic - start));

            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                String id = given().auth().oauth2(TestTokens.editor()).contentType("text/markdown")
                        .queryParam("slug", "bench-" + UUID.randomUUID())
                        .body("---\ntitle: Benchmark " + i + "\nauthor: Bench\npublished: false\n---\nBody " + i + "\n")
                        .post("/api/reports/import").then().statusCode(200).extract().path("id");
                long requested = System.nanoTime();
                given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200);
                awaitAll(Set.of(id), Duration.ofSeconds(30));
                latencies.add((seenAt.get(id) - requested) / 1e6);
            }
            latencies.sort(Double::compare);
            System.out.printf("BENCHMARK publish request -> event on topic over %d reports: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    LATENCY_SAMPLES, percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
        } finally {
            running.set(false);
            consumer.join();
        }
    }

    private void consume() {
        try (var kafka = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of("reports.events"));
            while (kafka.assignment().isEmpty()) {
                kafka.poll(Duration.ofMillis(50));
            }
            kafka.seekToEnd(kafka.assignment());
            kafka.assignment().forEach(kafka::position);
            assigned.countDown();
            while (running.get()) {
                kafka.poll(Duration.ofMillis(50)).forEach(record -> seenAt.putIfAbsent(record.key(), System.nanoTime()));
            }
        }
    }

    private void awaitAll(Set<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seenAt.keySet().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events missing after " + timeout);
            }
            Thread.sleep(5);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
