package dev.herald.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.herald.stack.LocalStack;
import dev.herald.stack.Replica;
import dev.herald.stack.ServiceSpec;
import dev.herald.stack.StackConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Notifications as subscribers see them, with feed-service as two replicas like on Kubernetes: a webhook receiver
 * and a WebSub subscriber get the sprint report's publication, signed; and a replica killed while it is delivering
 * leaves the delivery to the other, which sends it once more with the same webhook-id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsIT {

    private static final String SPRINT = "cpython-core-developer-sprint-2019";
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static StackConfig config;
    private static LocalStack stack;
    private static Replica first;
    private static Replica second;

    @BeforeAll
    static void startStack() throws IOException {
        config = StackConfig.randomPorts(Path.of(System.getProperty("herald.home")),
                Files.createTempDirectory("herald-notifications-")).without(ServiceSpec.FEED.name());
        stack = LocalStack.start(config);
        // a short attempt timeout, so that a dead replica's lease lapses within seconds
        Map<String, String> quick = Map.of("HERALD_DELIVERIES_ATTEMPT_TIMEOUT", "4s",
                "HERALD_DELIVERIES_RETRY_SCHEDULE", "1s,2s,4s");
        first = stack.startReplica(ServiceSpec.FEED, "feed-service-1", quick);
        second = stack.startReplica(ServiceSpec.FEED, "feed-service-2", quick);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theSprintReportsPublicationReachesAWebhookReceiverAndAWebSubSubscriber() throws Exception {
        try (Subscriber subscriber = new Subscriber(exchange -> 204)) {
            String secret = admin(first).contentType(ContentType.JSON)
                    .body(Map.of("url", subscriber.url("/webhook"), "filters", Map.of("events", List.of(SPRINT),
                            "types", List.of("published"))))
                    .post("/api/subscriptions").then().statusCode(201).extract().path("secret");
            String topic = config.baseUrl(ServiceSpec.FEED) + "/events/" + SPRINT + "/atom.xml";
            given().baseUri(second.baseUrl()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("hub.mode", "subscribe").formParam("hub.topic", topic)
                    .formParam("hub.callback", subscriber.url("/websub")).formParam("hub.secret", "websub-secret")
                    .post("/websub").then().statusCode(202);
            await().atMost(DELIVERY).until(() -> subscriber.verified.get());

            republishTheSprintReport();

            Subscriber.Request webhook = await().atMost(DELIVERY).until(() -> subscriber.posted("/webhook"), r -> r != null);
            assertThat(webhook.body()).contains("\"report.published\"").contains("CPython Core Developer Sprint 2019");
            assertThat(standardWebhooksSignatures(secret, webhook)).as("a signature the receiver can check").isTrue();
            Subscriber.Request distribution = await().atMost(DELIVERY).until(() -> subscriber.posted("/websub"), r -> r != null);
            assertThat(distribution.body()).contains("CPython Core Developer Sprint 2019");
            assertThat(distribution.headers().get("x-hub-signature"))
                    .isEqualTo("sha256=" + hex(hmac("websub-secret".getBytes(StandardCharsets.UTF_8), distribution.body())));
        }
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void aReplicaKilledMidDeliveryLeavesItToTheOtherWhichSendsItOnce() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        AtomicBoolean holding = new AtomicBoolean(true);
        // the first request is held open until the replica sending it is dead; the next is answered at once
        try (Subscriber subscriber = new Subscriber(exchange -> {
            if (holding.getAndSet(false)) {
                held.countDown();
                return null;
            }
            return 200;
        })) {
            String id = admin(first).contentType(ContentType.JSON)
                    .body(Map.of("url", subscriber.url("/held"), "filters", Map.of("events", List.of(SPRINT))))
                    .post("/api/subscriptions").then().statusCode(201).extract().path("id");

            republishTheSprintReport();
            assertThat(held.await(60, TimeUnit.SECONDS)).as("a delivery arrived").isTrue();
            long sender = sendingReplica();
            Replica dead = sender == first.pid() ? first : second;
            Replica alive = dead == first ? second : first;
            dead.kill();

            // every event (unpublished, published) delivered; each answered 2xx once, under one id however often sent.
            // If the dead replica also consumed the report's partition, the group gives it to the survivor only after
            // the consumer session timeout (10 s, feed-service application.properties)
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(admin(alive)
                    .get("/api/subscriptions/" + id + "/deliveries").then().statusCode(200).extract()
                    .<List<String>>path("items.state")).containsExactly("delivered", "delivered"));
            List<Map<String, Object>> deliveries = admin(alive).get("/api/subscriptions/" + id + "/deliveries")
                    .then().extract().path("items");
            assertThat(deliveries).hasSize(2).allSatisfy(delivery -> {
                List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("attemptLog");
                assertThat(log).filteredOn(attempt -> attempt.get("status") != null && (Integer) attempt.get("status") / 100 == 2)
                        .hasSize(1);
                assertThat(subscriber.requests).filteredOn(r -> delivery.get("messageId").equals(r.headers().get("webhook-id")))
                        .hasSize(log.size());
            });
            // the attempt the dead replica started is in the log without an outcome; the survivor made the next one
            Map<String, Object> interrupted = deliveries.stream().filter(delivery -> ((List<?>) delivery.get("attemptLog")).size() == 2)
                    .findFirst().orElseThrow();
            List<Map<String, Object>> log = (List<Map<String, Object>>) interrupted.get("attemptLog");
            assertThat((String) log.get(0).get("error")).contains("replica");
            assertThat((String) log.get(0).get("replica")).startsWith(sender + "@");
            assertThat((String) log.get(1).get("replica")).startsWith(alive.pid() + "@");
        }
    }

    private static void republishTheSprintReport() {
        RequestSpecification editor = given().baseUri(config.baseUrl(ServiceSpec.CONTENT))
                .auth().oauth2(stack.token("editor", Duration.ofMinutes(10)));
        String id = editor.queryParam("event", SPRINT).get("/api/reports").then().statusCode(200).extract().path("items[0].id");
        editor.post("/api/reports/" + id + "/unpublish").then().statusCode(200);
        editor.post("/api/reports/" + id + "/publish").then().statusCode(200);
    }

    /** The process (pid@host) holding the lease of the attempt in flight, from feed-service's database. */
    private static long sendingReplica() throws SQLException {
        String db = ServiceSpec.FEED.database();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(ServiceSpec.FEED), db, db);
                Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("select claimed_by from delivery where state = 'sending'");
            assertThat(rows.next()).as("an attempt in flight").isTrue();
            return Long.parseLong(rows.getString(1).substring(0, rows.getString(1).indexOf('@')));
        }
    }

    /** Standard Webhooks, checked here from the convention: v1,base64(HMAC-SHA256(key, id.timestamp.body)). */
    private static boolean standardWebhooksSignatures(String secret, Subscriber.Request request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String signed = request.headers().get("webhook-id") + "." + request.headers().get("webhook-timestamp") + "." + request.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(hmac(key, signed));
        return List.of(request.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    private static RequestSpecification admin(Replica replica) {
        return given().baseUri(replica.baseUrl()).auth().oauth2(stack.token("admin", Duration.ofMinutes(10)));
    }

    /**
     * A webhook receiver and WebSub subscriber on loopback: echoes WebSub challenges, records every POST and answers
     * it with the status {@code answer} gives (null: hold the request open until the test ends).
     */
    private static final class Subscriber implements AutoCloseable {

        record Request(String path, Map<String, String> headers, String body) {
        }

        interface Answer {
            Integer status(HttpExchange exchange);
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicBoolean verified = new AtomicBoolean();
        private final CountDownLatch closing = new CountDownLatch(1);
        private final HttpServer server;

        Subscriber(Answer answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (exchange.getRequestMethod().equals("GET")) {
                        String challenge = query(exchange).get("hub.challenge");
                        byte[] body = challenge == null ? new byte[0] : challenge.getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                        exchange.getResponseBody().write(body);
                        verified.set(challenge != null);
                        return;
                    }
                    Map<String, String> headers = new HashMap<>();
                    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                    requests.add(new Request(exchange.getRequestURI().getPath(), headers,
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    Integer status = answer.status(exchange);
                    if (status == null) {
                        closing.await();
                        return;
                    }
                    exchange.sendResponseHeaders(status, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        Request posted(String path) {
            return requests.stream().filter(r -> r.path().equals(path)).findFirst().orElse(null);
        }

        private static Map<String, String> query(HttpExchange exchange) {
            Map<String, String> parameters = new HashMap<>();
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }

        @Override
        public void close() {
            closing.countDown();
            server.stop(0);
        }
    }
}
