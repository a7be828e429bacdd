package dev.herald.stack.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.stack.LocalStack;
import dev.herald.stack.ServiceSpec;

/**
 * One publication fanned out to {@code receivers} webhook subscribers on loopback: subscribed through feed-service's
 * admin API, each on a port of its own, timed from the publish request to each receiver holding its signed delivery.
 * Every receiver must get exactly one; a miss, a duplicate or a bad signature fails the benchmark.
 */
final class WebhookFanout {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private final LocalStack stack;
    private final StackHttp http;
    private final ObjectMapper json = new ObjectMapper();

    WebhookFanout(LocalStack stack, StackHttp http) {
        this.stack = stack;
        this.http = http;
    }

    /** How the fan-out is set up and checked, for the page next to its figures. */
    static String setting(int receivers) {
        return """
                One publication to %,d webhook subscribers, each a receiver on a loopback port of its own: feed-service
                bounds attempts to one `host:port` (`herald.deliveries.max-per-host`, 8), and the subscribers of a real
                fan-out are as many hosts, so what bounds this one is a replica's `herald.deliveries.max-in-flight` (256).
                Each receiver checks the Standard Webhooks signature with its subscription's secret; a miss, a duplicate
                or a bad signature fails the run. Subscribed after the other figures: the delivery path is as cold as
                on a service's first publication to its subscribers.""".formatted(receivers);
    }

    void measure(int receivers, Table table) {
        try (FanoutReceivers fanout = FanoutReceivers.start(receivers)) {
            System.out.printf("Webhook fan-out: subscribing %,d receivers ...%n", receivers);
            long subscribing = System.nanoTime();
            for (int i = 0; i < fanout.size(); i++) {
                String body = json.valueToTree(Map.of("url", fanout.url(i), "description", "bench receiver " + i)).toString();
                fanout.secret(i, http.post(ServiceSpec.FEED, "/api/subscriptions", "admin", "application/json",
                        HttpRequest.BodyPublishers.ofString(body), 201).path("secret").asText());
            }
            table.row("%,d webhook subscriptions made through the admin API, one after another".formatted(receivers),
                    Bench.seconds(Bench.since(subscribing)), "");
            String id = http.post(ServiceSpec.CONTENT, "/api/reports/import?slug=fan-out-" + UUID.randomUUID(), "editor",
                    "text/markdown; charset=UTF-8", HttpRequest.BodyPublishers.ofString(
                            "---\ntitle: Fan-out benchmark\nauthor: Bench\npublished: false\n---\nTo every subscriber.\n"), 200)
                    .path("id").asText();
            fanout.expect(id);
            System.out.println("Webhook fan-out: publishing ...");
            CpuTime cpuBefore = cpu();
            Instant publishedAt = Instant.now();
            long requested = System.nanoTime();
            http.post(ServiceSpec.CONTENT, "/api/reports/" + id + "/publish", "editor", "application/json",
                    HttpRequest.BodyPublishers.noBody(), 200);
            long deadline = requested + DELIVERY_TIMEOUT.toNanos();
            while (fanout.received() < receivers && System.nanoTime() < deadline) {
                Bench.pause(Duration.ofMillis(10));
            }
            CpuTime cpu = cpu().since(cpuBefore);
            Duration wall = Bench.since(requested);
            check(fanout, receivers);
            // what is still queued or being sent could yet arrive twice: count again once feed-service has settled all
            awaitSettled(deadline);
            check(fanout, receivers);
            long[] arrivals = Arrays.stream(fanout.arrivals()).map(at -> at - requested).sorted().toArray();
            table.row("publish request -> every delivery queued (feed-service's transaction began)",
                    "%.2f s".formatted(Duration.between(publishedAt, lastQueued()).toMillis() / 1000.0), "");
            for (int percent : new int[] {0, 50, 99, 100}) {
                table.row("publish request -> %s signed delivery".formatted(percent == 0 ? "the first receiver has its"
                        : percent == 100 ? "every receiver has its" : percent + " % of the receivers have their"),
                        "%.2f s".formatted(nanosAt(arrivals, percent) / 1e9), percent == 100 ? "<= 5 s" : "");
            }
            double firstToLast = (arrivals[arrivals.length - 1] - arrivals[0]) / 1e9;
            table.row("deliveries/s, first to last receiver", "%,.0f".formatted((receivers - 1) / firstToLast), "");
            table.row("CPU used meanwhile: feed-service / PostgreSQL / the bench's JVM (receivers, Kafka broker)",
                    "%s / %s / %s of %.1f core-s".formatted(Bench.seconds(cpu.feed()), Bench.seconds(cpu.postgres()),
                            Bench.seconds(cpu.launcher()),
                            wall.toMillis() / 1000.0 * Runtime.getRuntime().availableProcessors()), "");
            table.row("receivers with exactly one signed delivery", "%,d of %,d (%d webhook-id)"
                    .formatted(receivers - fanout.duplicated(), receivers, fanout.messageIds()), "all");
        }
    }

    private CpuTime cpu() {
        return CpuTime.now(stack.pid(ServiceSpec.FEED), stack.config().dataDirectory().resolve("postgres"));
    }

    private void check(FanoutReceivers fanout, int receivers) {
        if (fanout.received() < receivers || fanout.duplicated() > 0 || fanout.unexpected() > 0 || fanout.messageIds() != 1) {
            throw new IllegalStateException(("webhook fan-out: %d of %d receivers got the report, %d more than once, "
                    + "%d deliveries unexpected or badly signed, %d webhook-ids").formatted(fanout.received(), receivers,
                            fanout.duplicated(), fanout.unexpected(), fanout.messageIds()));
        }
    }

    /** Nanoseconds after the publish request at which {@code percent} % of the receivers had their delivery. */
    private static long nanosAt(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private void awaitSettled(long deadline) {
        while (count("select count(*) from delivery where kind = 'webhook' and state in ('pending', 'sending')") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("webhook deliveries still open " + DELIVERY_TIMEOUT + " after publishing");
            }
            Bench.pause(Duration.ofMillis(50));
        }
    }

    private Instant lastQueued() {
        try (Connection db = feedDatabase(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("select max(created_at) from delivery where kind = 'webhook'")) {
            row.next();
            return row.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection db = feedDatabase(); Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection feedDatabase() throws SQLException {
        String user = ServiceSpec.FEED.database();
        return DriverManager.getConnection(stack.jdbcUrl(ServiceSpec.FEED), user, user);
    }
}
