package dev.herald.feed.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * Webhook fan-out, a command rather than a test (surefire's default run leaves it out):
 * {@code ./mvnw -pl feed-service -am verify -Dtest=WebhookFanoutBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Subscribes {@code bench.receivers} (1,000) webhook receivers, each an HTTP server of its own on loopback, publishes
 * one report and prints the seconds from the event on Kafka to the last signed delivery, and deliveries per second.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class WebhookFanoutBenchmark {

    @Inject
    Pool pool;

    private static final int RECEIVERS = Integer.getInteger("bench.receivers", 1000);

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    @Test
    void oneReportToAThousandReceivers() throws Exception {
        Vertx vertx = Vertx.vertx();
        Map<Integer, Instant> arrivals = new ConcurrentHashMap<>();
        Set<String> messageIds = ConcurrentHashMap.newKeySet();
        List<HttpServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < RECEIVERS; i++) {
                int receiver = i;
                HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                    arrivals.putIfAbsent(receiver, Instant.now());
                    messageIds.add(request.getHeader("webhook-id"));
                    request.response().setStatusCode(204).end();
                }));
                servers.add(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join());
            }
            for (HttpServer server : servers) {
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("url", "http://127.0.0.1:" + server.actualPort() + "/hook"))
                        .post("/api/subscriptions").then().statusCode(201);
            }

            List<String> lines = new ArrayList<>();
            lines.add(String.format("Webhook fan-out: 1 publication to %d receivers on loopback, each an HTTP server of its own",
                    RECEIVERS));
            // the first round runs the code paths cold (consumer, schema checks, HTTP client); the second is steady state
            for (String round : List.of("cold", "warm")) {
                arrivals.clear();
                messageIds.clear();
                Instant sent = Instant.now();
                try (ReportEvents events = new ReportEvents()) {
                    events.send(ReportEvents.PUBLISHED, ReportEvents.report(UUID.randomUUID(), 1, "fan-out-" + round,
                            "Fan-out benchmark, " + round, "2030-01-01T00:00:00Z"));
                }
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> arrivals.size() == RECEIVERS);
                Instant first = arrivals.values().stream().min(Instant::compareTo).orElseThrow();
                Instant last = arrivals.values().stream().max(Instant::compareTo).orElseThrow();
                Instant queued = pool.query("select max(created_at) from delivery where kind = 'webhook'").execute()
                        .await().atMost(Duration.ofSeconds(10)).iterator().next().getOffsetDateTime(0).toInstant();
                lines.add(String.format("%s: event sent -> queued %5.2f s, -> first delivery %5.2f s, -> last delivery %5.2f s"
                                + " (goal <= 5 s); %4.0f deliveries/s (first to last); %d webhook-id", round,
                        seconds(sent, queued), seconds(sent, first), seconds(sent, last),
                        RECEIVERS / seconds(first, last), messageIds.size()));
            }
            System.out.println(String.join(System.lineSeparator(), lines));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
