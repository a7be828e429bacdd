package dev.herald.feed.websub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A WebSub subscriber's callback on loopback, as a real one behaves: answers the hub's verification GET by echoing
 * hub.challenge (or what {@code echo} makes of it), records every GET's query and every distribution POST.
 */
final class Subscriber implements AutoCloseable {

    record Distribution(Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    final List<Map<String, String>> verifications = new CopyOnWriteArrayList<>();
    final List<Distribution> distributions = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile UnaryOperator<String> echo = UnaryOperator.identity();
    private volatile int verificationStatus = 200;
    private volatile int distributionStatus = 204;

    Subscriber() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestMethod().equals("GET")) {
                    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                    verifications.add(query);
                    String challenge = query.get("hub.challenge");
                    byte[] answer = challenge == null ? new byte[0] : echo.apply(challenge).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(verificationStatus, answer.length == 0 ? -1 : answer.length);
                    exchange.getResponseBody().write(answer);
                } else {
                    distributions.add(new Distribution(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(distributionStatus, -1);
                }
            }
        });
        server.start();
    }

    /** The callback URL, with a query of its own that the hub must keep. */
    String callback() {
        return "http://127.0.0.1:" + port() + "/callback?subscriber=" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    Subscriber echoing(UnaryOperator<String> echo) {
        this.echo = echo;
        return this;
    }

    Subscriber verifyingWith(int status) {
        this.verificationStatus = status;
        return this;
    }

    Subscriber distributionsAnswering(int status) {
        this.distributionStatus = status;
        return this;
    }

    /** The GETs whose hub.mode is {@code mode}. */
    List<Map<String, String>> verifications(String mode) {
        return verifications.stream().filter(query -> mode.equals(query.get("hub.mode"))).toList();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
