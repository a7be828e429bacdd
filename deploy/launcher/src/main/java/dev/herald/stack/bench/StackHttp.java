package dev.herald.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.stack.LocalStack;
import dev.herald.stack.ServiceSpec;

/** The benchmark's HTTP calls to the stack's services, as a user or an editor or admin with a token makes them. */
final class StackHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final LocalStack stack;

    StackHttp(LocalStack stack) {
        this.stack = stack;
    }

    URI url(ServiceSpec service, String path) {
        return URI.create(stack.config().baseUrl(service) + path);
    }

    /** A write with a token of {@code role}; any other status than {@code expected} fails the benchmark. */
    JsonNode post(ServiceSpec service, String path, String role, String contentType, HttpRequest.BodyPublisher body,
            int expected) {
        HttpRequest request = HttpRequest.newBuilder(url(service, path))
                .header("Authorization", "Bearer " + stack.token(role, Duration.ofHours(1)))
                .header("Content-Type", contentType).POST(body).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
