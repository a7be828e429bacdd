package dev.herald.feed.delivery;

import static dev.herald.infra.Management.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.herald.feed.LoopbackReceiver;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** The durable queue and its dispatcher, with real receivers on loopback and a channel of the test's own. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class DeliveryQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @Inject
    DeliveryQueue queue;

    @Test
    void aDeliveryIsSentOnceAndLogged() {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(204)) {
            UUID subscription = UUID.randomUUID();
            enqueue(subscription, "msg_once", receiver.url("/hook"));

            await().atMost(WAIT).until(() -> state(subscription).equals("delivered"));
            assertEquals(1, receiver.received.size());
            DeliveryView view = queue.log(EchoChannel.KIND, subscription, 0, 10).await().atMost(WAIT).get(0);
            assertEquals("msg_once", view.messageId());
            assertEquals(1, view.attemptLog().size());
            assertEquals(204, view.attemptLog().get(0).status());
            assertNull(view.nextAttemptAt());
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheSameMessageOnTheFourthAttempt() {
        try (LoopbackReceiver receiver = new LoopbackReceiver(n -> n <= 3 ? 503 : 200)) {
            UUID subscription = UUID.randomUUID();
            enqueue(subscription, "msg_retried", receiver.url("/flaky"));

            await().atMost(WAIT).until(() -> state(subscription).equals("delivered"));
            assertEquals(List.of("msg_retried"), receiver.received.stream().map(LoopbackReceiver.Received::id).distinct().toList());
            assertEquals(List.of("1", "2", "3", "4"), receiver.received.stream().map(r -> r.header("attempt")).toList());
            List<DeliveryView.AttemptView> log = queue.log(EchoChannel.KIND, subscription, 0, 10).await().atMost(WAIT)
                    .get(0).attemptLog();
            assertEquals(List.of(503, 503, 503, 200), log.stream().map(DeliveryView.AttemptView::status).toList());
            // the retries wait longer each time (200, 400, 800 ms, less up to 20 % jitter)
            for (int i = 1; i < 3; i++) {
                Duration gap = Duration.between(log.get(i).at(), log.get(i + 1).at());
                assertTrue(gap.toMillis() >= 200 * (1 << i) * 8 / 10, "retry " + i + " waited only " + gap);
            }
        }
    }

    @Test
    void aDeliveryWhoseReplicaDiedMidAttemptIsSentByAnotherOnce() {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(200)) {
            UUID subscription = UUID.randomUUID();
            // what a replica killed while sending leaves behind: a claimed attempt whose lease has lapsed
            pool.preparedQuery("insert into delivery (kind, subscription_id, message_id, host, payload, state, attempts,"
                            + " claimed_at, lease_until) values ($1, $2, 'msg_orphan', 'h', $3, 'sending', 1,"
                            + " now() - interval '40 seconds', now() - interval '1 second')")
                    .execute(Tuple.of(EchoChannel.KIND, subscription, payload(receiver.url("/orphan"))))
                    .await().atMost(WAIT);

            await().atMost(WAIT).until(() -> state(subscription).equals("delivered"));
            assertEquals(1, receiver.received.size());
            assertEquals("2", receiver.received.get(0).header("attempt"));
            List<DeliveryView.AttemptView> log = queue.log(EchoChannel.KIND, subscription, 0, 10).await().atMost(WAIT)
                    .get(0).attemptLog();
            assertEquals(2, log.size());
            assertTrue(log.get(0).error().contains("replica"), log.get(0).error());
            assertEquals(200, log.get(1).status());
        }
    }

    @Test
    void aSlowHostGetsAtMostTheBoundAtOnceAndDelaysNoOtherReceiver() {
        try (LoopbackReceiver slowest = new LoopbackReceiver(n -> 200, 1500); LoopbackReceiver fast = LoopbackReceiver.answering(200)) {
            List<UUID> slowSubscriptions = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
            slowSubscriptions.forEach(s -> enqueue(s, "msg_slow", slowest.url("/slow")));
            UUID quick = UUID.randomUUID();
            Instant queued = Instant.now();
            enqueue(quick, "msg_fast", fast.url("/fast"));

            await().atMost(WAIT).until(() -> state(quick).equals("delivered"));
            assertTrue(Duration.between(queued, Instant.now()).toMillis() < 1500,
                    "the fast receiver waited for the slow one");
            await().atMost(WAIT).until(() -> slowest.received.size() == 20);
            assertTrue(slowest.mostOpen.get() <= 8, slowest.mostOpen.get() + " requests at once to one host");
            assertTrue(slowest.mostOpen.get() >= 2, "attempts to one host were not concurrent at all");
        }
    }

    @Test
    void anAdminRedeliversWithTheSameMessageId() {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(200)) {
            UUID subscription = UUID.randomUUID();
            enqueue(subscription, "msg_again", receiver.url("/again"));
            await().atMost(WAIT).until(() -> state(subscription).equals("delivered"));
            long id = queue.log(EchoChannel.KIND, subscription, 0, 1).await().atMost(WAIT).get(0).id();

            assertTrue(queue.redeliver(EchoChannel.KIND, subscription, id).await().atMost(WAIT));

            await().atMost(WAIT).until(() -> receiver.received.size() == 2);
            assertEquals(List.of("msg_again", "msg_again"), receiver.received.stream().map(LoopbackReceiver.Received::id).toList());
            assertEquals(false, queue.redeliver(EchoChannel.KIND, UUID.randomUUID(), id).await().atMost(WAIT));
        }
    }

    @Test
    void aDeliveryTheChannelNoLongerWantsIsDroppedUnsent() {
        UUID subscription = UUID.randomUUID();
        pool.preparedQuery("insert into delivery (kind, subscription_id, message_id, host, payload) values ($1, $2, 'msg_x', 'h', $3)")
                .execute(Tuple.of(EchoChannel.KIND, subscription, Buffer.buffer("{}"))).await().atMost(WAIT);

        await().atMost(WAIT).until(() -> state(subscription).equals("dropped"));
        assertEquals(0, queue.log(EchoChannel.KIND, subscription, 0, 1).await().atMost(WAIT).get(0).attempts());
    }

    @Test
    void theBacklogIsOnTheMetricsPage() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("herald_deliveries_pending"), "no backlog gauge");
        assertTrue(metrics.contains("herald_deliveries_oldest_pending_age_seconds"), "no age gauge");
    }

    private void enqueue(UUID subscription, String messageId, String url) {
        pool.preparedQuery("insert into delivery (kind, subscription_id, message_id, host, payload) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(EchoChannel.KIND, subscription, messageId, url.replaceAll("^http://([^/]+).*$", "$1"),
                        payload(url)))
                .await().atMost(WAIT);
    }

    private static Buffer payload(String url) {
        return Buffer.buffer(new JsonObject().put("url", url).encode().getBytes(StandardCharsets.UTF_8));
    }

    private String state(UUID subscription) {
        return pool.preparedQuery("select state from delivery where subscription_id = $1").execute(Tuple.of(subscription))
                .await().atMost(WAIT).iterator().next().getString(0);
    }
}
