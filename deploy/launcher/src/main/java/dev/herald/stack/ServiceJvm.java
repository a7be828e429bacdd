package dev.herald.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java the services run on: {@code HERALD_JAVA} (a JDK's home) if set, else a JDK 25 or newer found under
 * {@code /usr/lib/jvm}, else the launcher's own Java. From Java 25 on, the JVM keeps an AOT cache of each service's
 * loaded and linked classes and method profiles (JEP 483/514/515), which starts the services faster (docs/performance.md).
 */
record ServiceJvm(Path home, String version) {

    static final int AOT_CACHE_SINCE = 25;

    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    static ServiceJvm find() {
        String chosen = System.getenv("HERALD_JAVA");
        if (chosen != null && !chosen.isBlank()) {
            return of(Path.of(chosen)).orElseThrow(
                    () -> new IllegalStateException("HERALD_JAVA=" + chosen + " is not a JDK's home (no bin/java and release file)"));
        }
        ServiceJvm current = new ServiceJvm(Path.of(System.getProperty("java.home")), System.getProperty("java.version"));
        if (current.feature() >= AOT_CACHE_SINCE) {
            return current;
        }
        return newestSystemJvm().filter(jvm -> jvm.feature() >= AOT_CACHE_SINCE).orElse(current);
    }

    private static Optional<ServiceJvm> newestSystemJvm() {
        if (!Files.isDirectory(SYSTEM_JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(SYSTEM_JVMS)) {
            List<ServiceJvm> found = homes.map(ServiceJvm::of).flatMap(Optional::stream).toList();
            return found.stream().max(Comparator.comparingInt(ServiceJvm::feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDK's home, known by its {@code release} file's JAVA_VERSION. */
    private static Optional<ServiceJvm> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").trim())
                    .findFirst()
                    .map(version -> new ServiceJvm(home.toAbsolutePath().normalize(), version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path java() {
        return home.resolve("bin/java");
    }

    /** 17 for "17.0.15", 25 for "25.0.3" or "25". */
    int feature() {
        String first = version.split("[.+-]")[0];
        return Integer.parseInt(first.startsWith("1") && version.startsWith("1.") ? version.split("\\.")[1] : first);
    }

    boolean hasAotCache() {
        return feature() >= AOT_CACHE_SINCE;
    }
}
