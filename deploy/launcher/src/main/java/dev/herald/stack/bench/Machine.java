package dev.herald.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.herald.stack.LocalStack;
import dev.herald.stack.ServiceSpec;

/**
 * The machine a benchmark ran on, read from Linux's {@code /proc} and {@code /etc/os-release}, with the Java the
 * services ran on and the load average before the run, so that a figure from a busy machine says so.
 */
public record Machine(int cores, String cpu, long memoryMb, String os, String servicesJava, double loadBefore) {

    /** Read now; {@code loadBefore} from {@link #loadAverage()} before the run began. */
    public static Machine of(LocalStack stack, double loadBefore) {
        return of(ServiceSpec.ALL.stream().filter(stack.config().services()::contains).map(stack::jvmDescription)
                .distinct().collect(Collectors.joining("; ")), loadBefore);
    }

    /** Read now, for services that ran on {@code servicesJava} (e.g. "Java 25.0.3, AOT cache"). */
    public static Machine of(String servicesJava, double loadBefore) {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/cpuinfo"), "model name\t: ").orElse("unknown CPU"),
                field(Path.of("/proc/meminfo"), "MemTotal:").map(kb -> Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024)
                        .orElse(0L),
                field(Path.of("/etc/os-release"), "PRETTY_NAME=").map(name -> name.replace("\"", "")).orElse("Linux")
                        + " (kernel " + System.getProperty("os.version") + ")",
                servicesJava, loadBefore);
    }

    /** The one-minute load average now. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A busy machine slows the services and their reference alike, but not evenly: its figures are noise. */
    public boolean busy() {
        return loadBefore >= cores / 2.0;
    }

    /** One Markdown line. */
    public String markdown() {
        return "%d cores (%s), %,d MB memory, %s; services on %s; load average %.2f before the run%s".formatted(cores, cpu,
                memoryMb, os, servicesJava, loadBefore, busy() ? " (**a busy machine: these figures are noisy**)" : "");
    }

    private static Optional<String> field(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(prefix.length()).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
