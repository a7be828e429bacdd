package dev.herald.stack.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.infra.Directories;
import dev.herald.stack.Pause;

/**
 * {@code ./herald chaos [--minutes N] [--seed S]}: Herald on a data directory of its own, worked by an editor and an
 * admin while its processes are killed and started again, then checked for anything lost or duplicated. The seed
 * decides the work and the faults, so a failing run can be run again.
 */
public final class Chaos {

    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(5);
    /** A replica notices another's change of the read model within herald.feed-cache.check-interval (2 s). */
    private static final Duration CACHE_CHECK = Duration.ofSeconds(3);

    private final Path home;
    private final long seed;
    private final PrintStream out;

    private Chaos(Path home, long seed, PrintStream out) {
        this.home = home;
        this.seed = seed;
        this.out = out;
    }

    /**
     * How a run ended: whether every check held, how often each kind of fault was dealt, and the summary printed
     * (Markdown: what was done, then one row per check).
     */
    public record Outcome(boolean passed, Map<String, Integer> faults, String summary, String servicesJava) {
    }

    /** Runs for {@code duration} plus start, quiet and checks. */
    public static Outcome run(Path home, Duration duration, long seed, PrintStream out) {
        // after a SIGKILL the library's pg_ctl stop (which frees the data directory's lock) finds no server: expected here
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "off");
        return new Chaos(home, seed, out).run(duration);
    }

    private Outcome run(Duration duration) {
        Path data = temporaryDirectory();
        out.printf(Locale.ROOT, "Chaos run, seed %d, %d s of faults; data and logs in %s%n", seed, duration.toSeconds(), data);
        long started = System.nanoTime();
        Outcome outcome;
        ChaosStack stack = ChaosStack.start(home, data);
        // Ctrl-C or SIGTERM stops what the run started, as ./herald up does
        Thread stopOnExit = new Thread(stack::close, "chaos-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            out.printf(Locale.ROOT, "Started in %.1f s; working and killing ...%n", (System.nanoTime() - started) / 1e9);
            outcome = work(stack, duration);
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        out.println(outcome.summary());
        out.printf(Locale.ROOT, "Seed %d: %s (%.0f s in all). Again: ./herald chaos --minutes %s --seed %d%n", seed,
                outcome.passed() ? "PASSED" : "FAILED", (System.nanoTime() - started) / 1e9, minutes(duration), seed);
        if (outcome.passed()) {
            Directories.delete(data);
        } else {
            out.println("Logs kept in " + data.resolve("logs"));
        }
        return outcome;
    }

    private Outcome work(ChaosStack stack, Duration duration) {
        Api api = new Api();
        Receiver receiver = new Receiver();
        receiver.up();
        try {
            return exercise(stack, duration, api, receiver);
        } finally {
            receiver.down();
        }
    }

    private Outcome exercise(ChaosStack stack, Duration duration, Api api, Receiver receiver) {
        String topic = stack.publicBaseUrl() + "/feeds/atom.xml";
        List<String> authors = setUp(stack, api, receiver, topic);
        Ledger ledger = new Ledger();
        AtomicBoolean stop = new AtomicBoolean();
        BadRecords badRecords = new BadRecords(stack.kafkaBootstrapServers());
        Monkey monkey = new Monkey(stack, receiver, badRecords, new Random(seed + 1), stop);
        Workload workload = new Workload(stack, api, new Random(seed), ledger, stop, corpus(), authors);
        Reader reader = new Reader(stack, monkey, api, new Random(seed + 2), stop);
        List<String> crashed = new CopyOnWriteArrayList<>();
        List<Thread> threads = Stream.of(workload, monkey, reader).map(task -> {
            Thread thread = new Thread(task, "chaos-" + task.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            thread.setUncaughtExceptionHandler((t, e) -> {
                crashed.add(t.getName() + ": " + e);
                stop.set(true);
            });
            return thread;
        }).toList();
        threads.forEach(Thread::start);
        Instant end = Instant.now().plus(duration);
        while (!stop.get() && (Instant.now().isBefore(end) || !monkey.everyFaultDealt())) {
            Pause.of(Duration.ofMillis(250));
        }
        stop.set(true);
        threads.forEach(Chaos::join);

        out.println("Waiting for quiet ...");
        Quiet quiet = new Quiet(stack);
        long waiting = System.nanoTime();
        List<String> busy = quiet.await(QUIET_TIMEOUT);
        Duration quietAfter = Duration.ofNanos(System.nanoTime() - waiting);
        Pause.of(CACHE_CHECK);

        List<Checks.Result> results = new ArrayList<>();
        results.add(new Checks.Result("the run's own work, faults and reads went to the end", crashed.isEmpty(),
                crashed.isEmpty() ? "yes" : String.join("; ", crashed)));
        results.add(new Checks.Result("quiet: outboxes sent, consumers caught up, deliveries done", busy.isEmpty(),
                busy.isEmpty() ? String.format(Locale.ROOT, "after %.1f s", quietAfter.toMillis() / 1000.0) : String.join("; ", busy)));
        Checks checks = new Checks(stack, api, ledger, receiver, topic);
        try {
            results.addAll(checks.feeds());
            results.add(checks.acknowledgedWrites());
            results.add(checks.directory());
            results.add(checks.websub());
        } catch (IOException | RuntimeException e) {
            results.add(new Checks.Result("reading Herald's state", false, e.toString()));
        }
        results.add(checks.webhooks(badRecords.keys()));
        results.add(checks.publicReads(reader));
        results.add(checks.outbox(quiet));
        results.add(checks.deadLetters(badRecords));
        Map<String, Integer> faults = monkey.counts().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        return new Outcome(results.stream().allMatch(Checks.Result::passed), faults, summary(monkey, workload, results, duration),
                stack.jvmDescription());
    }

    /** The authors, a webhook subscription for every report event and a WebSub subscription to the Atom feed. */
    private List<String> setUp(ChaosStack stack, Api api, Receiver receiver, String topic) {
        try {
            Path authorsFile = home.resolve("attendees-service/src/main/resources/demo/authors.json");
            JsonNode authors = Api.JSON.readTree(authorsFile.toFile());
            expect(api.send("POST", stack.baseUrl(Part.ATTENDEES) + "/api/people/import", stack.token("admin"),
                    "application/json", Files.readAllBytes(authorsFile), null), "importing the authors");
            Api.Answer subscription = api.json("POST", stack.baseUrl(Part.FEED_1) + "/api/subscriptions", stack.token("admin"),
                    Api.JSON.createObjectNode().put("url", receiver.url(Receiver.WEBHOOK_PATH)).put("description", "chaos run"));
            expect(subscription, "subscribing the webhook receiver");
            receiver.webhookSecret(subscription.json().path("secret").asText());
            String form = "hub.mode=subscribe&hub.topic=" + encode(topic) + "&hub.callback=" + encode(receiver.url(Receiver.WEBSUB_PATH));
            expect(api.send("POST", stack.baseUrl(Part.FEED_2) + "/websub", null, "application/x-www-form-urlencoded",
                    form.getBytes(StandardCharsets.UTF_8), null), "subscribing to the Atom feed by WebSub");
            Instant deadline = Instant.now().plusSeconds(60);
            while (!receiver.verified(topic)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the WebSub hub never verified the subscription");
                }
                Pause.of(Duration.ofMillis(100));
            }
            List<String> slugs = new ArrayList<>();
            authors.fieldNames().forEachRemaining(slugs::add);
            return slugs;
        } catch (IOException e) {
            throw new UncheckedIOException("Setting up the chaos run", e);
        }
    }

    private static void expect(Api.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.text());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The corpus' post folders in the seed's order. */
    private List<Path> corpus() {
        try (Stream<Path> folders = Files.list(home.resolve("content-service/src/test/resources/corpus/posts"))) {
            List<Path> posts = new ArrayList<>(folders.filter(Files::isDirectory).sorted().toList());
            Collections.shuffle(posts, new Random(seed));
            return posts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String summary(Monkey monkey, Workload workload, List<Checks.Result> results, Duration duration) {
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "%nSeed %d, %d s of faults: %s.%n", seed, duration.toSeconds(), sorted(monkey.counts())));
        summary.append("Writes by answer: ").append(sorted(workload.counts())).append("; corpus reports not imported: ")
                .append(workload.corpusLeft()).append(".\n\n");
        summary.append("| s into the run | fault | s until it served again |\n|---:|---|---:|\n");
        for (Monkey.Fault fault : monkey.faults()) {
            summary.append(String.format(Locale.ROOT, "| %.1f | %s | %.1f |%n", fault.at().toMillis() / 1000.0, fault.what(),
                    fault.down().toMillis() / 1000.0));
        }
        summary.append("\n| check | result | detail |\n|---|---|---|\n");
        for (Checks.Result result : results) {
            summary.append("| ").append(result.check()).append(" | ").append(result.passed() ? "ok" : "**FAILED**").append(" | ")
                    .append(result.detail().replace("|", "\\|")).append(" |\n");
        }
        return summary.toString();
    }

    private static String sorted(Map<String, ?> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? Long.toString(duration.toMinutes())
                : String.format(Locale.ROOT, "%.2f", duration.toSeconds() / 60.0);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("herald-chaos-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
