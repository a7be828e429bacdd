package dev.herald.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import dev.herald.infra.Directories;
import dev.herald.infra.SigningKeys;
import dev.herald.infra.Tokens;
import dev.herald.stack.bench.Bench;
import dev.herald.stack.bench.BenchmarksPage;
import dev.herald.stack.bench.Machine;
import dev.herald.stack.chaos.Chaos;

/**
 * {@code ./herald up [--clean] [--except <service>]}: runs the whole system on this machine until Ctrl-C or SIGTERM.
 * {@code ./herald token <role>}: prints a bearer token signed with the stack's key.
 * {@code ./herald bench [--duration 10s]}: the performance figures of the local stack next to nginx (needs wrk and nginx)
 * and a webhook fan-out to 1,000 receivers, written to docs/BENCHMARKS.md.
 * {@code ./herald chaos [--minutes 3] [--seed S]}: kills and restarts every process while working Herald, then checks
 * that nothing was lost or duplicated (exit status 1 if anything was).
 * {@code ./herald listen [--port 9999] [--secret whsec_...]}: a webhook receiver and WebSub subscriber that prints what
 * it gets.
 */
public final class Herald {

    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private Herald() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("herald.home", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.standard(home, home.resolve(".herald"));
        List<String> arguments = List.of(args).stream().filter(a -> !a.equals("--rebuild")).toList();
        String command = arguments.isEmpty() ? "up" : arguments.get(0);
        switch (command) {
            case "up" -> up(arguments.contains("--except") ? config.without(valueAfter(arguments, "--except")) : config,
                    arguments.contains("--clean"), arguments.contains("--rebuild-feeds"));
            case "token" -> System.out.println(new Tokens(SigningKeys.inDirectory(config.keyDirectory()))
                    .issue("herald-" + role(arguments), TOKEN_LIFETIME, role(arguments)));
            case "bench" -> bench(home, arguments.contains("--duration") ? valueAfter(arguments, "--duration") : "10s");
            case "chaos" -> chaos(home, arguments.contains("--minutes") ? valueAfter(arguments, "--minutes") : "3",
                    arguments.contains("--seed") ? Long.parseLong(valueAfter(arguments, "--seed")) : new Random().nextLong());
            case "listen" -> listen(arguments.contains("--port") ? Integer.parseInt(valueAfter(arguments, "--port")) : 9999,
                    arguments.contains("--secret") ? valueAfter(arguments, "--secret") : null);
            default -> {
                System.err.println("usage: herald up [--clean] [--rebuild-feeds] [--except <service>] | herald token <editor|admin>"
                        + " | herald listen [--port <port>] [--secret <whsec_...>] | herald bench [--duration 10s]"
                        + " | herald chaos [--minutes 3] [--seed <n>]");
                System.exit(2);
            }
        }
    }

    private static String valueAfter(List<String> arguments, String option) {
        int index = arguments.indexOf(option);
        if (index + 1 >= arguments.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(index + 1);
    }

    private static String role(List<String> arguments) {
        return arguments.size() > 1 ? arguments.get(1) : "editor";
    }

    private static void up(StackConfig config, boolean clean, boolean rebuildFeeds) throws InterruptedException {
        if (clean) {
            wipeData(config);
        }
        long started = System.nanoTime();
        System.out.println("Starting Kafka, PostgreSQL and the services (logs in " + config.logDirectory() + ") ...");
        LocalStack stack;
        try {
            stack = rebuildFeeds ? LocalStack.startRebuildingFeeds(config) : LocalStack.start(config);
        } catch (RuntimeException e) {
            System.err.println("Herald could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Herald ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "herald-shutdown"));
        System.out.print(Banner.render(stack, Duration.ofNanos(System.nanoTime() - started), TOKEN_LIFETIME));
        stopped.await();
    }

    private static void bench(Path home, String duration) {
        try {
            Bench.run(home, duration);
        } catch (IOException | RuntimeException e) {
            System.err.println("Benchmark failed: " + e);
            System.exit(1);
        }
    }

    /** Runs the chaos run, writes its summary to docs/BENCHMARKS.md and exits 1 if anything was lost or duplicated. */
    private static void chaos(Path home, String minutes, long seed) {
        double load = Machine.loadAverage();
        Chaos.Outcome outcome;
        try {
            outcome = Chaos.run(home, Duration.ofSeconds(Math.round(60 * Double.parseDouble(minutes))), seed, System.out);
        } catch (RuntimeException e) {
            System.err.println("The chaos run could not run (seed " + seed + "): " + e);
            System.exit(2);
            return;
        }
        BenchmarksPage.write(home, "chaos", BenchmarksPage.provenance(Machine.of(outcome.servicesJava(), load),
                "./herald chaos --minutes " + minutes + " --seed " + seed) + "\n" + outcome.summary());
        System.exit(outcome.passed() ? 0 : 1);
    }

    private static void listen(int port, String secret) throws InterruptedException {
        Listener.start(port, secret);
        System.out.println("Listening on http://127.0.0.1:" + port + "/ for webhooks and WebSub (Ctrl-C stops) ...");
        new CountDownLatch(1).await();
    }

    /** {@code --clean} starts empty but keeps the signing keys, so tokens printed earlier stay valid. */
    private static void wipeData(StackConfig config) {
        for (String part : List.of("kafka", "postgres", "logs")) {
            Directories.delete(config.dataDirectory().resolve(part));
        }
    }
}
