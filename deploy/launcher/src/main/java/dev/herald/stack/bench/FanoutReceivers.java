package dev.herald.stack.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.stack.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Webhook receivers on loopback, one port each: feed-service bounds attempts per {@code host:port}, and the subscribers
 * of a real fan-out are as many hosts. Each checks the signature with its subscription's secret, as a receiver does,
 * and counts what it gets. One Vert.x instance serves every port on its event loops, so the receivers take little of
 * the CPU the fan-out is measured on.
 */
final class FanoutReceivers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
    private volatile String expectedReport;

    private FanoutReceivers() {
    }

    static FanoutReceivers start(int count) {
        FanoutReceivers fanout = new FanoutReceivers();
        try {
            for (int i = 0; i < count; i++) {
                Receiver receiver = new Receiver();
                HttpServer server = fanout.vertx.createHttpServer().requestHandler(request -> request.body()
                        .onSuccess(body -> fanout.receive(receiver, request, body)));
                fanout.servers.add(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join());
                fanout.receivers.add(receiver);
            }
            return fanout;
        } catch (RuntimeException e) {
            fanout.close();
            throw e;
        }
    }

    int size() {
        return receivers.size();
    }

    String url(int receiver) {
        return "http://127.0.0.1:" + servers.get(receiver).actualPort() + "/hook";
    }

    /** The secret the subscription of this receiver was given. */
    void secret(int receiver, String secret) {
        receivers.get(receiver).secret = secret;
    }

    /** Deliveries about any other report count as unexpected. */
    void expect(String reportId) {
        expectedReport = reportId;
    }

    /** When each receiver got its first signed delivery of the expected report, as {@link System#nanoTime()}; 0 if not yet. */
    long[] arrivals() {
        return receivers.stream().mapToLong(receiver -> receiver.firstAt.get()).toArray();
    }

    long received() {
        return receivers.stream().filter(receiver -> receiver.firstAt.get() != 0).count();
    }

    /** Receivers that got the expected report more than once. */
    long duplicated() {
        return receivers.stream().filter(receiver -> receiver.deliveries.get() > 1).count();
    }

    /** Deliveries that were not a correctly signed {@code report.published} of the expected report. */
    long unexpected() {
        return receivers.stream().mapToLong(receiver -> receiver.unexpected.get()).sum();
    }

    int messageIds() {
        return messageIds.size();
    }

    private void receive(Receiver receiver, HttpServerRequest request, Buffer body) {
        String id = request.getHeader("webhook-id");
        byte[] bytes = body.getBytes();
        JsonNode event = receiver.secret != null && id != null && WebhookSignature.valid(receiver.secret, id,
                request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), bytes) ? json(bytes) : null;
        if (event != null && event.path("type").asText().equals("report.published")
                && event.path("data").path("id").asText().equals(expectedReport)) {
            receiver.firstAt.compareAndSet(0, System.nanoTime());
            receiver.deliveries.incrementAndGet();
            messageIds.add(id);
        } else {
            receiver.unexpected.incrementAndGet();
        }
        request.response().setStatusCode(204).end();
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static final class Receiver {
        private volatile String secret;
        private final AtomicLong firstAt = new AtomicLong();
        private final AtomicInteger deliveries = new AtomicInteger();
        private final AtomicInteger unexpected = new AtomicInteger();
    }
}
