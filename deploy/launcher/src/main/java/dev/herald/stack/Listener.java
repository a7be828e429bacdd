package dev.herald.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

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
            WebSubVerification verification = WebSubVerification.of(exchange);
            System.out.printf("%s  WebSub %s of %s%s%n", path, verification.mode(), verification.topic(),
                    verification.reason() != null ? ": " + verification.reason() : "");
            verification.confirm(exchange);
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
}
