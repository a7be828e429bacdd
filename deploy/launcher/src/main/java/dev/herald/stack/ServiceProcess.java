package dev.herald.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged Quarkus service running as a child process, its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final String managementUrl;
    private final Path logFile;
    private final Path pidFile;
    private final Process process;
    private final long startedAt = System.nanoTime();
    private volatile Duration readyAfter;

    private ServiceProcess(ServiceSpec spec, String managementUrl, Path logFile, Path pidFile, Process process) {
        this.spec = spec;
        this.managementUrl = managementUrl;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.process = process;
    }

    static ServiceProcess start(ServiceSpec spec, Path app, String managementUrl, Path runDirectory, Map<String, String> environment) {
        return start(spec, spec.name(), app, managementUrl, runDirectory, environment);
    }

    /**
     * @param instance names the log and pid files: the service's name, or another for a further replica
     * @param managementUrl where its management interface will answer readiness
     */
    static ServiceProcess start(ServiceSpec spec, String instance, Path app, String managementUrl, Path runDirectory,
            Map<String, String> environment) {
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: build it with ./mvnw package -DskipTests");
        }
        Path pidFile = runDirectory.resolve(instance + ".pid");
        stopOrphan(pidFile);
        Path logFile = runDirectory.resolve(instance + ".log");
        ProcessBuilder builder = new ProcessBuilder(command(spec, app))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        // glibc gives each thread that allocates its own arena; two keep the native memory the JVM does not track small
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ServiceProcess(spec, managementUrl, logFile, pidFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name(), e);
        }
    }

    /**
     * The JVM as sized for a laptop and for the 256 MB a service is given: a small serial-collected heap that hands
     * memory back after an import, smaller thread stacks, and the service's own options (docs/performance.md has what was tried).
     */
    private static List<String> command(ServiceSpec spec, Path app) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xms32m", "-Xmx160m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-Xss512k", "-XX:ReservedCodeCacheSize=64m"));
        command.addAll(spec.jvmOptions());
        command.addAll(List.of("-jar", app.toString()));
        return command;
    }

    /** A launcher killed with SIGKILL cannot stop its children: the next start does, from their pid files. */
    private static void stopOrphan(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains("-jar")).orElse(false))
                    .ifPresent(orphan -> {
                        orphan.destroy();
                        orphan.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    });
            Files.delete(pidFile);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Unreadable pid file " + pidFile, e);
        }
    }

    /** Polls the readiness endpoint on the management interface (database and Kafka checked) until it answers 200. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - startedAt);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.name(), e);
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout + "; see " + logFile);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    /** From starting the JVM to the first ready answer; null until then. */
    Duration readyAfter() {
        return readyAfter;
    }

    /** SIGKILL: the process gets no chance to finish anything, as when a node or container dies. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM lets Quarkus shut down gracefully; a service stuck past the grace period is killed. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
