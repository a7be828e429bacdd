package dev.herald.feed.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Calls URLs others gave Herald (subscribers' callbacks, people's avatars), and only allowed ones: http or https, no user info, and every address the host resolves
 * to public or in {@code herald.deliveries.allow}. The connection goes to the address that was checked, so a name
 * that resolves differently a moment later (DNS rebinding) cannot reach anything else. Redirects are not followed.
 */
@ApplicationScoped
public class CallbackClient {

    private static final int MAX_URL_LENGTH = 2000;
    // enough for a WebSub challenge and an error message; the rest of a large answer is not read
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final AddressPolicy policy;
    private final Duration timeout;
    private final HttpClient http;

    CallbackClient(Vertx vertx, AddressPolicy policy, DeliveryConfig config) {
        this.policy = policy;
        this.timeout = config.attemptTimeout();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) timeout.toMillis())
                        .setKeepAlive(true)
                        .setVerifyHost(true)
                        .setForceSni(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxPerHost()).setMaxWaitQueueSize(config.maxInFlight()));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Fails with {@link RefusedAddressException} naming why when the URL may not be called. */
    public Uni<Void> check(String url) {
        return target(url).replaceWithVoid();
    }

    /** A GET (WebSub intent verification), with the attempt timeout; fails with RefusedAddressException. */
    public Uni<CallbackResponse> get(String url) {
        return target(url).flatMap(target -> exchange(target, HttpMethod.GET, Map.of(), null, MAX_BODY_BYTES))
                .map(Answer::response);
    }

    /** A POST, with the attempt timeout; fails with RefusedAddressException. */
    public Uni<CallbackResponse> post(OutgoingRequest request) {
        return target(request.url())
                .flatMap(target -> exchange(target, HttpMethod.POST, request.headers(), request.body(), MAX_BODY_BYTES))
                .map(Answer::response);
    }

    /** A GET of a whole resource of at most {@code maxBytes}; a larger one fails with ResourceTooLargeException. */
    public Uni<FetchedResource> fetch(String url, int maxBytes) {
        return target(url).flatMap(target -> exchange(target, HttpMethod.GET, Map.of(), null, maxBytes + 1))
                .map(answer -> {
                    if (answer.body().length() > maxBytes) {
                        throw new ResourceTooLargeException(maxBytes);
                    }
                    return new FetchedResource(answer.status(), answer.body().getBytes());
                });
    }

    /** The URL checked, resolved, and pinned to an allowed address. */
    private Uni<Target> target(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (RefusedAddressException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().item(() -> resolve(uri.getHost()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(addresses -> {
                    for (InetAddress address : addresses) {
                        String refusal = policy.refusal(address);
                        if (refusal != null) {
                            String literal = address.getHostAddress();
                            throw new RefusedAddressException(uri.getHost().replaceAll("^\\[|]$", "").equalsIgnoreCase(literal)
                                    ? literal + " is " + refusal
                                    : uri.getHost() + " resolves to " + literal + ", " + refusal);
                        }
                    }
                    return new Target(uri, addresses[0]);
                });
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedAddressException("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new RefusedAddressException("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedAddressException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException("only http and https URLs can be called");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedAddressException("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedAddressException("the URL must not carry user info");
        }
        if (uri.getFragment() != null) {
            throw new RefusedAddressException("the URL must not have a fragment");
        }
        return uri;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException(host + " does not resolve");
        }
    }

    /** The answer with at most {@code limit} bytes of its body: the rest is not kept. */
    private Uni<Answer> exchange(Target target, HttpMethod method, Map<String, String> headers, byte[] body, int limit) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.uri().getHost())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        return Uni.createFrom().<Answer>emitter(emitter -> http.request(options).onComplete(opened -> {
                    if (opened.failed()) {
                        emitter.fail(opened.cause());
                        return;
                    }
                    HttpClientRequest request = opened.result();
                    AtomicBoolean ended = new AtomicBoolean();
                    // a timed-out exchange gives its connection up rather than leave it to a slow receiver
                    emitter.onTermination(() -> {
                        if (!ended.get()) {
                            request.reset();
                        }
                    });
                    (body == null ? request.send() : request.send(Buffer.buffer(body))).onComplete(answered -> {
                        if (answered.failed()) {
                            emitter.fail(answered.cause());
                            return;
                        }
                        var response = answered.result();
                        Buffer received = Buffer.buffer();
                        response.handler(chunk -> {
                            int room = limit - received.length();
                            if (room <= 0) {
                                return;
                            }
                            received.appendBuffer(chunk, 0, Math.min(chunk.length(), room));
                            if (chunk.length() > room) {
                                // the rest is not wanted: the connection is reset rather than read to its end
                                emitter.complete(new Answer(response.statusCode(), received));
                            }
                        });
                        response.exceptionHandler(emitter::fail);
                        response.endHandler(end -> {
                            ended.set(true);
                            emitter.complete(new Answer(response.statusCode(), received));
                        });
                    });
                }))
                .ifNoItem().after(timeout).failWith(() -> new CallbackTimeoutException(timeout));
    }

    private record Answer(int status, Buffer body) {

        CallbackResponse response() {
            return new CallbackResponse(status, body.toString(StandardCharsets.UTF_8));
        }
    }

    private record Target(URI uri, InetAddress address) {

        boolean https() {
            return uri.getScheme().equalsIgnoreCase("https");
        }

        int port() {
            return uri.getPort() > 0 ? uri.getPort() : https() ? 443 : 80;
        }

        String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** A fetched resource was larger than the caller accepts. */
    public static class ResourceTooLargeException extends RuntimeException {

        ResourceTooLargeException(int maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }

    /** No complete answer within the attempt timeout. */
    static class CallbackTimeoutException extends RuntimeException {

        CallbackTimeoutException(Duration timeout) {
            super("no answer within " + timeout.toMillis() + " ms");
        }
    }
}
