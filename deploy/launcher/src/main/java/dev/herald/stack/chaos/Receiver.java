package dev.herald.stack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.herald.infra.FreePorts;
import dev.herald.stack.WebSubVerification;
import dev.herald.stack.WebhookSignature;

/**
 * The run's webhook receiver and WebSub subscriber on loopback: keeps every webhook it is sent and the last document
 * of each WebSub topic, answers verifications with their challenge, and can be taken down and brought back on the
 * same port.
 */
final class Receiver {

    static final String WEBHOOK_PATH = "/webhook";
    static final String WEBSUB_PATH = "/websub";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One webhook as it arrived: its headers' id, what it says happened, and whether its signature was right. */
    record Webhook(String id, String type, String reportId, String timestamp, boolean signed) {
    }

    private final int port = FreePorts.pick();
    private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> lastDistribution = new ConcurrentHashMap<>();
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();
    private volatile String webhookSecret;
    private HttpServer server;

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void webhookSecret(String secret) {
        this.webhookSecret = secret;
    }

    synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            }
        });
        server.start();
    }

    /** Refuses connections until {@link #up()}, as a subscriber's outage does. */
    synchronized void down() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET")) {
            WebSubVerification verification = WebSubVerification.of(exchange);
            verified.put(Objects.requireNonNullElse(verification.topic(), ""), verification.subscribes());
            verification.confirm(exchange);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        var headers = exchange.getRequestHeaders();
        if (path.equals(WEBHOOK_PATH)) {
            JsonNode event = JSON.readTree(body);
            String id = headers.getFirst("webhook-id");
            webhooks.add(new Webhook(id, event.path("type").asText(), event.path("data").path("id").asText(),
                    event.path("timestamp").asText(), WebhookSignature.valid(webhookSecret, id,
                            headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body)));
        } else {
            lastDistribution.put(path, body);
        }
        exchange.sendResponseHeaders(204, -1);
    }

    List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    boolean verified(String topic) {
        return verified.getOrDefault(topic, false);
    }

    /** The body of the last WebSub distribution to a callback path, or null. */
    byte[] lastDistribution(String callbackPath) {
        return lastDistribution.get(callbackPath);
    }
}
