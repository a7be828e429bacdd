package dev.herald.stack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.infra.Directories;
import dev.herald.stack.LocalStack;
import dev.herald.stack.ServiceSpec;
import dev.herald.stack.StackConfig;

/**
 * {@code ./herald bench}: the figures of issue 13 in one run on the local stack, from outside the services as a user
 * sees them, and nginx serving the same feed bytes next to feed-service, then one publication fanned out to 1,000
 * webhook receivers. Starts its own stack on free ports and an empty data directory, so it runs beside
 * {@code ./herald up}; prints the figures and writes them to their sections of {@link BenchmarksPage}.
 */
public final class Bench {

    private static final Pattern ENTRY_ID = Pattern.compile("<id>urn:uuid:([0-9a-f-]{36})</id>");
    private static final int LATENCY_WARM_UP = 10;
    private static final int LATENCY_SAMPLES = 100;
    private static final int LATENCY_STEADY_AFTER = 100;
    private static final Duration CORPUS_TIMEOUT = Duration.ofMinutes(5);
    private static final int WEBHOOK_RECEIVERS = 1000;
    private static final int SERVING_ROUNDS = 3;

    private final Table table = new Table();
    private final Table fanout = new Table();
    private final Wrk wrk;
    private LocalStack stack;
    private StackHttp http;

    private Bench(Wrk wrk) {
        this.wrk = wrk;
    }

    public static void run(Path home, String duration) throws IOException {
        new Bench(new Wrk(duration)).measure(home, "./herald bench --duration " + duration);
    }

    private void measure(Path home, String command) throws IOException {
        double loadBefore = Machine.loadAverage();
        StackConfig config = StackConfig.randomPorts(home, Files.createTempDirectory("herald-bench-"));
        System.out.println("Starting a stack on free ports in " + config.dataDirectory() + " ...");
        long start = System.nanoTime();
        stack = LocalStack.start(config);
        Machine machine;
        try {
            http = new StackHttp(stack);
            table.row("`./herald up` on empty data, to ready (demo data loaded)", seconds(since(start)), "<= 15 s");
            stack.phases().forEach((phase, after) -> table.row("  " + phase, "after " + seconds(after), ""));
            for (ServiceSpec service : ServiceSpec.ALL) {
                table.row(service.name() + ": JVM start to ready (" + stack.jvmDescription(service) + ")",
                        seconds(stack.readyAfter(service)), "<= 5 s");
            }
            // in the stack each starts while the one before loads its demo data; a restarted pod starts by itself
            for (ServiceSpec service : ServiceSpec.ALL) {
                Duration alone = stack.restart(service);
                table.row(service.name() + ": JVM start to ready, restarted alone (" + stack.jvmDescription(service) + ")",
                        seconds(alone), "<= 5 s");
            }
            corpus(home.resolve("content-service/src/test/resources/corpus/posts"));
            memory("after the corpus import");
            publishLatency();
            serving();
            memory("after the benchmarks");
            new WebhookFanout(stack, http).measure(WEBHOOK_RECEIVERS, fanout);
            machine = Machine.of(stack, loadBefore);
        } finally {
            stack.close();
            Directories.delete(config.dataDirectory());
        }
        publish(home, machine, command);
    }

    /** Prints each section and writes it to the benchmarks page. */
    private void publish(Path home, Machine machine, String command) {
        String provenance = BenchmarksPage.provenance(machine, command);
        String performance = provenance + "\nServing: `" + wrk.settings()
                + "` on loopback, nginx (Debian) serving the same bytes; " + SERVING_ROUNDS
                + " rounds of Herald then nginx, each figure the median of its rounds.\n\n" + table.render();
        String webhooks = provenance + "\n" + WebhookFanout.setting(WEBHOOK_RECEIVERS) + "\n\n" + fanout.render();
        System.out.printf("%n%s%n%s", performance, webhooks);
        BenchmarksPage.write(home, "performance", performance);
        BenchmarksPage.write(home, "webhook-fan-out", webhooks);
        System.out.printf("%nWritten to %s%n", home.resolve(BenchmarksPage.FILE));
    }

    /** The 254 reports as one zip; their front matter says published, so the import publishes them. */
    private void corpus(Path posts) {
        byte[] zip = CorpusZip.of(posts);
        long start = System.nanoTime();
        JsonNode summary = http.post(ServiceSpec.CONTENT, "/api/reports/import", "editor", "application/zip",
                HttpRequest.BodyPublishers.ofByteArray(zip), 200);
        Set<String> ids = new HashSet<>();
        summary.path("reports").forEach(report -> ids.add(report.path("id").asText()));
        long deadline = System.nanoTime() + CORPUS_TIMEOUT.toNanos();
        while (!atomFeedIds().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the corpus was not all in the Atom feed after " + CORPUS_TIMEOUT);
            }
            pause(Duration.ofMillis(100));
        }
        table.row(ids.size() + "-report corpus import + publish, until all in the Atom feed", seconds(since(start)), "<= 10 s");
    }

    private void memory(String when) {
        for (ServiceSpec service : ServiceSpec.ALL) {
            Memory memory = Memory.of(stack.pid(service));
            table.row(service.name() + ": RSS " + when, "%d MB (peak %d MB; files %d MB)"
                    .formatted(memory.residentMb(), memory.peakMb(), memory.filesMb()), "<= 256 MB");
        }
    }

    /**
     * The first publications after start run code the JVMs are still compiling (content-service on C1 only,
     * feed-service's C2 late): both they and the steady state after {@link #LATENCY_STEADY_AFTER} more are shown.
     */
    private void publishLatency() {
        try (TopicWatch topic = TopicWatch.from(stack.kafkaBootstrapServers(), "reports.events")) {
            Latencies early = publishLatency(topic, LATENCY_WARM_UP);
            Latencies steady = publishLatency(topic, LATENCY_STEADY_AFTER);
            table.row("publish request -> report on the Atom feed's first page (" + LATENCY_SAMPLES + " reports, after "
                    + (LATENCY_WARM_UP + LATENCY_SAMPLES + LATENCY_STEADY_AFTER) + " publications)",
                    percentiles(steady.toFeed()), "p50 <= 50 ms, p99 <= 250 ms");
            table.row("  of which publish request -> event on reports.events (content-service)",
                    percentiles(steady.toTopic()), "");
            table.row("  the first " + LATENCY_SAMPLES + " after start (" + LATENCY_WARM_UP + " before them), JIT still warming",
                    percentiles(early.toFeed()), "");
        }
    }

    /** Milliseconds from each publish request until the Atom feed shows the report, and until its event is on the topic. */
    private record Latencies(List<Double> toFeed, List<Double> toTopic) {
    }

    /** {@link #LATENCY_SAMPLES} publications measured after {@code warmUp} unmeasured. */
    private Latencies publishLatency(TopicWatch topic, int warmUp) {
        List<Double> millis = new ArrayList<>();
        List<Double> toTopic = new ArrayList<>();
        for (int i = 0; i < warmUp + LATENCY_SAMPLES; i++) {
            String id = http.post(ServiceSpec.CONTENT, "/api/reports/import?slug=bench-" + UUID.randomUUID(), "editor",
                    "text/markdown; charset=UTF-8", HttpRequest.BodyPublishers.ofString(
                            "---\ntitle: Benchmark " + i + "\nauthor: Bench\npublished: false\n---\nBody " + i + "\n"), 200)
                    .path("id").asText();
            String etag = null;
            long requested = System.nanoTime();
            http.post(ServiceSpec.CONTENT, "/api/reports/" + id + "/publish", "editor", "application/json",
                    HttpRequest.BodyPublishers.noBody(), 200);
            while (true) {
                HttpRequest.Builder poll = HttpRequest.newBuilder(feedUrl("/feeds/atom.xml"));
                if (etag != null) {
                    poll.header("If-None-Match", etag);
                }
                HttpResponse<String> page = http.send(poll.build());
                if (page.statusCode() == 200 && page.body().contains("urn:uuid:" + id)) {
                    break;
                }
                etag = page.headers().firstValue("ETag").orElse(null);
                if (since(requested).toSeconds() > 30) {
                    throw new IllegalStateException("report " + id + " not on the Atom feed 30 s after publishing");
                }
            }
            if (i >= warmUp) {
                millis.add(since(requested).toNanos() / 1e6);
                Long onTopic = topic.seenAt(id);
                if (onTopic != null) {
                    toTopic.add((onTopic - requested) / 1e6);
                }
            }
        }
        return new Latencies(millis, toTopic);
    }

    private static String percentiles(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return "p50 %.0f ms, p99 %.0f ms".formatted(percentile(sorted, 50), percentile(sorted, 99));
    }

    /** The Atom feed's first page from feed-service and from nginx: full answers, gzip, and revalidations. */
    private void serving() {
        URI feed = feedUrl("/feeds/atom.xml");
        HttpResponse<byte[]> ours = http.sendBytes(HttpRequest.newBuilder(feed).build());
        String ourTag = ours.headers().firstValue("ETag").orElseThrow();
        String type = ours.headers().firstValue("Content-Type").orElseThrow();
        try (Nginx nginx = Nginx.serving("atom.xml", ours.body(), type)) {
            String theirs = nginx.url("atom.xml");
            HttpResponse<byte[]> reference = http.sendBytes(HttpRequest.newBuilder(URI.create(theirs)).build());
            if (reference.body().length != ours.body().length) {
                throw new IllegalStateException("nginx does not serve the same bytes");
            }
            String theirTag = reference.headers().firstValue("ETag").orElseThrow();
            String gzip = "Accept-Encoding: gzip";
            // feed-service's hot paths compiled first; nginx has nothing to warm up
            wrk.requestsPerSecond(feed.toString());
            wrk.requestsPerSecond(feed.toString(), gzip);
            wrk.requestsPerSecond(feed.toString(), "If-None-Match: " + ourTag);
            String page = "Atom feed GET 200 (%.1f KB)".formatted(ours.body().length / 1024.0);
            compare(page, "nginx", () -> wrk.requestsPerSecond(feed.toString()), () -> wrk.requestsPerSecond(theirs));
            compare(page + ", Accept-Encoding: gzip", "nginx gzip_static", () -> wrk.requestsPerSecond(feed.toString(), gzip),
                    () -> wrk.requestsPerSecond(theirs, gzip));
            compare("304 on If-None-Match", "nginx's own 304",
                    () -> wrk.requestsPerSecond(feed.toString(), "If-None-Match: " + ourTag),
                    () -> wrk.requestsPerSecond(theirs, "If-None-Match: " + theirTag));
        }
    }

    /**
     * Rounds of ours then theirs, each figure the median of its rounds: a shared machine's speed drifts by a third
     * within minutes (nginx alone went from 49k to 34k req/s between two runs), which one pair of runs took as a ratio.
     */
    private void compare(String what, String reference, DoubleSupplier ours, DoubleSupplier theirs) {
        double[] our = new double[SERVING_ROUNDS];
        double[] their = new double[SERVING_ROUNDS];
        for (int round = 0; round < SERVING_ROUNDS; round++) {
            our[round] = ours.getAsDouble();
            their[round] = theirs.getAsDouble();
        }
        double median = median(our);
        double referenceMedian = median(their);
        table.row(what, "%,.0f req/s".formatted(median), "%s %,.0f req/s: %.2fx (goal >= 0.9x)".formatted(reference,
                referenceMedian, median / referenceMedian));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Every report id on every page of the Atom feed. */
    private Set<String> atomFeedIds() {
        Set<String> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(feedUrl("/feeds/atom.xml?page=" + page)).build());
            Matcher entry = ENTRY_ID.matcher(response.statusCode() == 200 ? response.body() : "");
            boolean any = false;
            while (entry.find()) {
                ids.add(entry.group(1));
                any = true;
            }
            if (!any) {
                return ids;
            }
        }
    }

    private URI feedUrl(String path) {
        return http.url(ServiceSpec.FEED, path);
    }

    static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
