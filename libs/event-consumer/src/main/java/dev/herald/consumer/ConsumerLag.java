package dev.herald.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code herald_consumer_lag{channel}}: records of each incoming Kafka channel's partitions on this replica that are
 * not committed yet (log end offset less committed offset), counted every few seconds on the channel's polling
 * thread. Kafka's own {@code records-lag} counts from the fetch position, so it reads 0 while fetched records still
 * wait for a database that is away; this does not.
 */
@ApplicationScoped
class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final String NAME = "herald_consumer_lag";
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(2);

    private final MeterRegistry registry;
    private final KafkaClientService kafka;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    ConsumerLag(MeterRegistry registry, KafkaClientService kafka) {
        this.registry = registry;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        // a registry that outlives an application (Quarkus tests restart it) would keep the old instance's gauges
        registry.find(NAME).gauges().forEach(registry::remove);
        vertx.setPeriodic(REFRESH.toMillis(), tick -> kafka.getConsumerChannels().forEach(this::count));
    }

    private void count(String channel) {
        AtomicLong lag = lags.computeIfAbsent(channel, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(NAME, value, AtomicLong::get).tag("channel", name)
                    .description("Records on the channel's partitions not yet processed and committed by this replica")
                    .register(registry);
            return value;
        });
        Multi.createFrom().iterable(kafka.<Object, Object>getConsumers(channel))
                .onItem().transformToUniAndConcatenate(consumer -> consumer.runOnPollingThread(
                        (Consumer<Object, Object> client) -> uncommitted(client)))
                .collect().with(Collectors.summingLong(Long::longValue))
                .subscribe().with(lag::set, failure -> LOG.debugf("Cannot count the lag of channel %s: %s", channel, failure));
    }

    private static long uncommitted(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, BROKER_TIMEOUT);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, BROKER_TIMEOUT);
        // a partition this group never committed is read from its beginning (auto.offset.reset=earliest); only those
        // cost the broker a third request
        Set<TopicPartition> neverCommitted = assigned.stream().filter(partition -> committed.get(partition) == null)
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> starts = neverCommitted.isEmpty() ? Map.of()
                : consumer.beginningOffsets(neverCommitted, BROKER_TIMEOUT);
        long lag = 0;
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata done = committed.get(partition);
            lag += Math.max(0, ends.get(partition) - (done == null ? starts.get(partition) : done.offset()));
        }
        return lag;
    }
}
