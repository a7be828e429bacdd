package dev.herald.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.herald.infra.Directories;
import dev.herald.infra.SigningKeys;
import dev.herald.infra.Tokens;
import dev.herald.stack.Options.Syntax;
import dev.herald.stack.bench.Bench;
import dev.herald.stack.bench.BenchmarksPage;
import dev.herald.stack.bench.Machine;
import dev.herald.stack.chaos.Chaos;

/**
 * {@code ./herald up [--clean] [--rebuild-feeds] [--except <service>]}: runs the whole system on this machine until Ctrl-C or SIGTERM.
 * {@code ./herald token [editor|admin]}: prints a bearer token signed with the stack's key.
 * {@code ./herald bench [--duration 10s]}: the performance figures of the local stack next to nginx (needs wrk and nginx)
 * and a webhook fan-out to 1,000 receivers, written to docs/BENCHMARKS.md.
 * {@code ./herald chaos [--minutes 3] [--seed S]}: kills and restarts every process while working Herald, then checks
 * that nothing was lost or duplicated (exit status 1 if anything was).
 * {@code ./herald listen [--port 9999] [--secret whsec_...]}: a webhook receiver and WebSub subscriber that prints what
 * it gets.
 * A command line any of them cannot read is refused with one line and exit status 2.
 */
public final class Herald {

    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private static final Syntax UP = new Syntax("up", "[--clean] [--rebuild-feeds] [--except <service>]",
            Set.of("--clean", "--rebuild-feeds"), Set.of("--except"), 0);
    private static final Syntax TOKEN = new Syntax("token", "[editor|admin]", Set.of(), Set.of(), 1);
    private static final Syntax LISTEN = new Syntax("listen", "[--port 9999] [--secret <whsec_...>]", Set.of(),
            Set.of("--port", "--secret"), 0);
    private static final Syntax BENCH = new Syntax("bench", "[--duration 10s]", Set.of(), Set.of("--duration"), 0);
    private static final Syntax CHAOS = new Syntax("chaos", "[--minutes 3] [--seed <n>]", Set.of(), Set.of("--minutes", "--seed"), 0);

    private Herald() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("herald.home", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.standard(home, home.resolve(".herald"));
        // --rebuild is the herald script's: it builds before this starts
        List<String> arguments = List.of(args).stream().filter(a -> !a.equals("--rebuild")).toList();
        String command = arguments.isEmpty() ? "up" : arguments.get(0);
        List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        try {
            switch (command) {
                case "up" -> {
                    Options options = Options.parse(UP, rest);
                    String except = options.value("--except", null, Herald::serviceName,
                            "one of " + ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
                    up(except == null ? config : config.without(except), options.flag("--clean"), options.flag("--rebuild-feeds"));
                }
                case "token" -> {
                    String role = Options.parse(TOKEN, rest).operand(0, "editor", Set.of("editor", "admin"), "editor or admin");
                    System.out.println(new Tokens(SigningKeys.inDirectory(config.keyDirectory()))
                            .issue("herald-" + role, TOKEN_LIFETIME, role));
                }
                case "bench" -> bench(home, Options.parse(BENCH, rest).value("--duration", "10s", Herald::wrkDuration,
                        "a whole number of seconds, minutes or hours such as 10s, 2m or 1h"));
                case "chaos" -> {
                    Options options = Options.parse(CHAOS, rest);
                    String minutes = options.value("--minutes", "3", Herald::minutes, "a number of minutes above 0, at most 1440");
                    chaos(home, minutes, options.value("--seed", new Random().nextLong(), Long::parseLong, "a whole number"));
                }
                case "listen" -> {
                    Options options = Options.parse(LISTEN, rest);
                    listen(options.value("--port", 9999, Herald::port, "a port from 1 to 65535"), options.text("--secret", null));
                }
                default -> {
                    System.err.println(Stream.of(UP, TOKEN, LISTEN, BENCH, CHAOS)
                            .map(syntax -> "herald " + syntax.command() + " " + syntax.usage()).collect(Collectors.joining(" | ", "usage: ", "")));
                    System.exit(2);
                }
            }
        } catch (Options.UsageError e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static String serviceName(String name) {
        if (ServiceSpec.ALL.stream().noneMatch(service -> service.name().equals(name))) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }

    // wrk's -d: a number, in seconds unless it ends in s, m or h
    private static String wrkDuration(String duration) {
        if (!duration.matches("[1-9][0-9]{0,5}[smh]?")) {
            throw new IllegalArgumentException(duration);
        }
        return duration;
    }

    private static String minutes(String minutes) {
        double value = Double.parseDouble(minutes);
        if (!(value > 0 && value <= 24 * 60)) {
            throw new IllegalArgumentException(minutes);
        }
        return minutes;
    }

    private static int port(String port) {
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException(port);
        }
        return value;
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
