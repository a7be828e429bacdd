package dev.herald.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code ./herald listen [--port 9999] [--secret whsec_...]}: a webhook receiver and WebSub subscriber on loopback that
 * prints what arrives, answers WebSub verifications with their challenge and, given the subscription's secret, checks
 * Standard Webhooks signatures as a receiver would.
 */
final class Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;

    private Listener(String secret) {
        this.secret = secret;
    }

    static HttpServer start(int port, String secret) {
        Listener listener = new Listener(secret);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    listener.handle(exchange);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET")) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String challenge = query.getOrDefault("hub.challenge", "");
            System.out.printf("%s  WebSub %s of %s%s%n", path, query.get("hub.mode"), query.get("hub.topic"),
                    query.containsKey("hub.reason") ? ": " + query.get("hub.reason") : "");
            byte[] answer = challenge.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        var headers = exchange.getRequestHeaders();
        String id = headers.getFirst("webhook-id");
        if (id != null) {
            JsonNode event = JSON.readTree(body);
            System.out.printf("%s  webhook %s %s \"%s\", signature %s%n", path, id, event.path("type").asText(),
                    event.path("data").path("title").asText(), signature(id, headers.getFirst("webhook-timestamp"),
                            headers.getFirst("webhook-signature"), body));
        } else {
            System.out.printf("%s  WebSub distribution, %s, %d bytes, %s%n", path, headers.getFirst("Content-Type"),
                    body.length, headers.getFirst("X-Hub-Signature") == null ? "unsigned" : headers.getFirst("X-Hub-Signature"));
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private String signature(String id, String timestamp, String signatures, byte[] body) {
        if (secret == null) {
            return "not checked (no --secret)";
        }
        try {
            return WebhookSignature.valid(secret, id, timestamp, signatures, body) ? "valid" : "INVALID";
        } catch (IllegalArgumentException e) {
            return "not checked (" + e.getMessage() + ")";
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }
}
