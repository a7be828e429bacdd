package dev.herald.feed.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's endpoint on loopback: answers each request with the status {@code answer} gives for the request's
 * number (from 1), after an optional delay, and records what it received and how many were open at once.
 */
final class Receiver implements AutoCloseable {

    record Received(String messageId, String attempt, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();

    Receiver(IntUnaryOperator answer, long delayMillis) {
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
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestHeaders().getFirst("message-id"),
                        exchange.getRequestHeaders().getFirst("attempt"), new String(body)));
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

    static Receiver answering(int status) {
        return new Receiver(n -> status, 0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
