package dev.herald.stack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.herald.stack.ChildProcesses;
import dev.herald.stack.Pause;

/** A Kafka broker (KRaft) as a child process on a fixed port, killed and started again on the same log directory. */
final class KafkaProcess {

    static final String READY = "Kafka ready, start ";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final int port;
    private final Path logDirectory;
    private final Path logFile;
    private Process process;
    private int starts;

    KafkaProcess(int port, Path logDirectory, Path logFile) {
        this.port = port;
        this.logDirectory = logDirectory;
        this.logFile = logFile;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (topics created on the first start) and returns once it serves them. */
    synchronized void start() {
        String id = Integer.toString(++starts);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-XX:+UseSerialGC", "-Xmx384m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                KafkaMain.class.getName(), Integer.toString(port), logDirectory.toString(), id);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka", e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!logged(READY + id)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka did not start; see " + logFile);
            }
            Pause.of(Duration.ofMillis(100));
        }
    }

    private boolean logged(String line) {
        try {
            return Files.readAllLines(logFile).contains(line);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no flush, no controlled shutdown; the next start recovers the log. */
    synchronized void kill() {
        ChildProcesses.kill(process);
    }

    /** SIGTERM: a controlled shutdown. */
    synchronized void close() {
        if (process != null && process.isAlive()) {
            ChildProcesses.stop(process, STOP_GRACE);
        }
    }
}
