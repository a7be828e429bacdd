package dev.herald.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's endpoint on loopback, as a webhook receiver runs one: records every request (path, headers, body)
 * and answers with the status {@code answer} gives for the request's number (from 1), after an optional delay; it
 * also counts how many requests were open at once.
 */
public final class LoopbackReceiver implements AutoCloseable {

    /** One request; header names are lower case. */
    public record Received(String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String id() {
            return header("webhook-id");
        }

        public String timestamp() {
            return header("webhook-timestamp");
        }

        public String signature() {
            return header("webhook-signature");
        }

        public String contentType() {
            return header("content-type");
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final HttpServer server;

    public LoopbackReceiver(IntUnaryOperator answer) {
        this(answer, 0);
    }

    public LoopbackReceiver(IntUnaryOperator answer, long delayMillis) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger count = new AtomicInteger();
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try (exchange) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
                received.add(new Received(exchange.getRequestURI().getPath(), headers,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Thread.sleep(delayMillis);
                exchange.sendResponseHeaders(answer.applyAsInt(count.incrementAndGet()), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.decrementAndGet();
            }
        });
        server.start();
    }

    public static LoopbackReceiver answering(int status) {
        return new LoopbackReceiver(n -> status);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
