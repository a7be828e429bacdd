package dev.herald.content.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.outbox.CloudEventSender;
import dev.herald.outbox.OutboxConfig;
import dev.herald.outbox.OutboxRelay;
import dev.herald.outbox.OutboxBacklog;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Relays racing over one database (two replicas, say) and the purge of sent rows. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class OutboxRelayTest {

    private static final int EVENTS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;
    @Inject
    OutboxRelay relay;
    @Inject
    CloudEventSender sender;
    @Inject
    OutboxConfig config;
    @Inject
    OutboxBacklog parked;

    /** The rows are written by hand, as any earlier release wrote them: the type by name. */
    @Test
    void twoRelaysAtOnceSendEachEventOnceInOrder() throws Exception {
        // the application's own relay, woken by the commit, races these two as well
        OutboxRelay second = new OutboxRelay(pool, sender, config, parked);
        UUID aggregate = UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> relays = new ArrayList<>();
        for (OutboxRelay each : List.of(relay, second)) {
            relays.add(CompletableFuture.runAsync(() -> drain(each, aggregate, go)));
        }
        pool.preparedQuery("insert into outbox (id, aggregate_id, type, subject, payload, occurred_at)"
                        + " select gen_random_uuid(), $1, 'dev.herald.report.updated', 'race', '{\"n\": ' || n || '}', now()"
                        + " from generate_series(1, " + EVENTS + ") n")
                .execute(Tuple.of(aggregate)).await().atMost(Duration.ofSeconds(10));
        go.countDown();
        CompletableFuture.allOf(relays.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        List<ConsumerRecord<String, CloudEvent>> records = recordsAbout(aggregate);
        Set<String> ids = new HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            ids.add(record.value().getId());
            assertEquals(URI.create("/herald/content-service"), record.value().getSource());
            assertEquals(URI.create("https://herald.dev/schemas/events/reports/dev.herald.report.updated.json"),
                    record.value().getDataSchema(), "the dataschema of the row's type");
            order.add(JSON.readTree(record.value().getData().toBytes()).get("n").asInt());
        }
        assertEquals(EVENTS, records.size(), "each event sent once");
        assertEquals(EVENTS, ids.size());
        for (int i = 0; i < EVENTS; i++) {
            assertEquals(i + 1, order.get(i), "in the order recorded");
        }
    }

    @Test
    void sentRowsArePurgedAfterTheRetentionAndNothingElseIs() {
        UUID oldSent = insert("now() - interval '8 days'", "null");
        UUID recentSent = insert("now() - interval '1 hour'", "null");
        UUID oldParked = insert("null", "now() - interval '30 days'");

        int purged = relay.purgeSent().await().atMost(Duration.ofSeconds(10));

        assertTrue(purged >= 1);
        assertFalse(exists(oldSent), "sent longer ago than herald.outbox.retention (7 days)");
        assertTrue(exists(recentSent), "sent within the retention");
        assertTrue(exists(oldParked), "never sent: kept for an admin whatever its age");
    }

    private void drain(OutboxRelay each, UUID aggregate, CountDownLatch go) {
        try {
            go.await();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
                each.relayOnce().await().atMost(Duration.ofSeconds(60));
                return unsent(aggregate) == 0;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long unsent(UUID aggregate) {
        Row row = pool.preparedQuery("select count(*) from outbox where aggregate_id = $1 and sent_at is null")
                .execute(Tuple.of(aggregate)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getLong(0);
    }

    private UUID insert(String sentAt, String parkedAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into outbox (id, aggregate_id, type, subject, payload, occurred_at, sent_at, parked_at)"
                        + " values ($1, $2, 'dev.herald.test.purged', 'purge', '{}', now() - interval '30 days', "
                        + sentAt + ", " + parkedAt + ")")
                .execute(Tuple.of(id, UUID.randomUUID())).await().atMost(Duration.ofSeconds(10));
        return id;
    }

    private boolean exists(UUID id) {
        return pool.preparedQuery("select 1 from outbox where id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).size() == 1;
    }

    /** Every record about the aggregate: read until all have come, then a while longer to catch any duplicate. */
    private static List<ConsumerRecord<String, CloudEvent>> recordsAbout(UUID aggregate) {
        List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-race-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of("reports.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (aggregate.toString().equals(record.key())) {
                        found.add(record);
                    }
                }
                if (found.size() >= EVENTS && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return found;
    }
}
