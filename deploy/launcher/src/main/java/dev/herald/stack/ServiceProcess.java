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
import java.util.concurrent.atomic.AtomicBoolean;

/** A packaged Quarkus service running as a child process, its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The Java the services run on, chosen once per launcher. */
    private static final ServiceJvm JVM = ServiceJvm.find();

    /** A training JVM writes its AOT cache as it exits, which takes a while longer than a plain stop. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration TRAINING_STOP_GRACE = Duration.ofMinutes(3);

    /** {@code -XX:TrimNativeHeapInterval} is a product flag from Java 22 on (and 17.0.9 on); an older 17 would refuse to start. */
    private static final int NATIVE_HEAP_TRIM_SINCE = 22;

    private final ServiceSpec spec;
    private final String managementUrl;
    private final Path logFile;
    private final Path pidFile;
    private final Process process;
    private final AotCache aotCache;
    private final AotCache.Mode aotMode;
    private final AtomicBoolean trainingEnded = new AtomicBoolean();
    private final long startedAt = System.nanoTime();
    private volatile Duration readyAfter;

    private ServiceProcess(ServiceSpec spec, String managementUrl, Path logFile, Path pidFile, Process process,
            AotCache aotCache, AotCache.Mode aotMode) {
        this.spec = spec;
        this.managementUrl = managementUrl;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.process = process;
        this.aotCache = aotCache;
        this.aotMode = aotMode;
    }

    static ServiceProcess start(ServiceSpec spec, Path app, String managementUrl, Path runDirectory, Map<String, String> environment) {
        return start(spec, spec.name(), app, managementUrl, runDirectory, environment, true);
    }

    /**
     * @param instance names the log and pid files: the service's name, or another for a further replica
     * @param managementUrl where its management interface will answer readiness
     * @param mayTrain whether a start without an AOT cache trains one; a process that will be killed never writes it
     */
    public static ServiceProcess start(ServiceSpec spec, String instance, Path app, String managementUrl, Path runDirectory,
            Map<String, String> environment, boolean mayTrain) {
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: build it with ./mvnw package -DskipTests");
        }
        Path pidFile = runDirectory.resolve(instance + ".pid");
        stopOrphan(pidFile);
        Path logFile = runDirectory.resolve(instance + ".log");
        List<String> options = jvmOptions(spec);
        AotCache aotCache = JVM.hasAotCache() ? AotCache.of(app, JVM, options) : null;
        AotCache.Mode aotMode = aotCache == null ? AotCache.Mode.NONE : aotCache.claim(mayTrain);
        List<String> command = new ArrayList<>();
        command.add(JVM.java().toString());
        command.addAll(options);
        if (aotCache != null) {
            command.addAll(aotCache.jvmOptions(aotMode));
        }
        command.addAll(List.of("-jar", app.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc gives each thread that allocates its own arena; two keep the native memory the JVM does not track small
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ServiceProcess(spec, managementUrl, logFile, pidFile, process, aotCache, aotMode);
        } catch (IOException e) {
            if (aotMode == AotCache.Mode.TRAIN) {
                aotCache.finish(false);
            }
            throw new UncheckedIOException("Could not start " + spec.name(), e);
        }
    }

    /**
     * The JVM as sized for a laptop and for the 256 MB a service is given: a small serial-collected heap that hands
     * memory back after an import, smaller thread stacks, and the service's own options (docs/performance.md has what was tried).
     * An AOT cache is only used with the options it was trained with (the same collector above all), so they are part of its key.
     */
    private static List<String> jvmOptions(ServiceSpec spec) {
        // a fixed 8 MB young generation: by default it is a third of the heap, 15-17 MB committed after the import
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx160m", "-Xmn8m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Xss512k", "-XX:ReservedCodeCacheSize=64m"));
        if (JVM.feature() >= NATIVE_HEAP_TRIM_SINCE) {
            // glibc keeps what the JIT compilers and zlib freed; handing it back each second took 5-20 MB off each service
            options.add("-XX:TrimNativeHeapInterval=1000");
        }
        if (JVM.hasAotCache()) {
            // the cache's notes on adapters it generates again opened each log as warnings nobody can act on
            options.add("-Xlog:aot=error,aot+codecache+stubs=error");
            // no method profiles in the cache: C1-only services have no use for them, and without them feed-service
            // started as fast with a cache 5 MB smaller, all of it resident (docs/performance.md)
            options.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining"));
        }
        options.addAll(spec.jvmOptions());
        return options;
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
    public void awaitReady(Duration timeout) {
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
            Pause.of(Duration.ofMillis(50));
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout + "; see " + logFile);
    }

    ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    /** Which Java runs the service and how it used the AOT cache, e.g. "Java 25.0.3, AOT cache". */
    public String jvmDescription() {
        return "Java " + JVM.version() + switch (aotMode) {
            case NONE -> "";
            case TRAIN -> ", training the AOT cache";
            case USE -> ", AOT cache";
        };
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** From starting the JVM to the first ready answer; null until then. */
    Duration readyAfter() {
        return readyAfter;
    }

    /** SIGKILL: the process gets no chance to finish anything, as when a node or container dies. */
    public void kill() {
        try {
            ChildProcesses.kill(process);
        } finally {
            endTraining(false);
        }
    }

    private void endTraining(boolean stoppedGracefully) {
        if (aotMode == AotCache.Mode.TRAIN && trainingEnded.compareAndSet(false, true)) {
            aotCache.finish(stoppedGracefully);
        }
    }

    /** SIGTERM, without waiting: {@link #close()} waits, so that several services can stop (and write caches) at once. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * SIGTERM lets Quarkus shut down gracefully (and a training JVM write its AOT cache); a service stuck past the
     * grace period is killed.
     */
    @Override
    public void close() {
        boolean graceful = false;
        try {
            graceful = ChildProcesses.stop(process, aotMode == AotCache.Mode.TRAIN ? TRAINING_STOP_GRACE : STOP_GRACE);
        } finally {
            endTraining(graceful);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
