package dev.herald.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A service's Java AOT cache (JEP 483/514/515), next to its packaged app in {@code target/quarkus-app/aot-cache/}.
 * Its name is a digest of the JDK, the JVM options and every file of the packaged app (path, size, time), so that a
 * rebuilt service or another JDK never meets a stale cache: it trains a new one instead. The JVM's own check is no
 * substitute: by default Java 25 says nothing about whether it used a cache, and it took the archived classes of a
 * rewritten jar without a word. The first start trains (the
 * JVM writes the cache when it exits after a graceful stop), later starts use it.
 */
final class AotCache {

    /** Caches being trained by this launcher: a second instance of the service meanwhile runs without one. */
    private static final Set<Path> TRAINING = ConcurrentHashMap.newKeySet();

    /** How the JVM of one service start uses the cache. */
    enum Mode { NONE, TRAIN, USE }

    private final Path directory;
    private final Path cache;
    private final Path training;

    private AotCache(Path directory, String key) {
        this.directory = directory;
        this.cache = directory.resolve(key + ".aot");
        this.training = directory.resolve(key + "-training.aot");
    }

    /** The cache for a packaged app ({@code quarkus-run.jar}) run by {@code jvm} with {@code jvmOptions}. */
    static AotCache of(Path app, ServiceJvm jvm, List<String> jvmOptions) {
        Path appDirectory = app.toAbsolutePath().getParent();
        Path directory = appDirectory.resolve("aot-cache");
        return new AotCache(directory, key(appDirectory, directory, jvm, jvmOptions));
    }

    private static String key(Path appDirectory, Path cacheDirectory, ServiceJvm jvm, List<String> jvmOptions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, jvm.home() + "\n" + jvm.version() + "\n" + String.join(" ", jvmOptions) + "\n");
            try (Stream<Path> files = Files.walk(appDirectory)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(cacheDirectory)).sorted().toList()) {
                    update(digest, appDirectory.relativize(file) + " " + Files.size(file) + " "
                            + Files.getLastModifiedTime(file).toMillis() + "\n");
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decides this start's mode and returns the JVM options for it; a training start must be ended by {@link #finish}. */
    synchronized Mode claim(boolean mayTrain) {
        if (Files.isRegularFile(cache)) {
            return Mode.USE;
        }
        if (!mayTrain || !TRAINING.add(training)) {
            return Mode.NONE;
        }
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(training); // left by a launcher that was killed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Mode.TRAIN;
    }

    List<String> jvmOptions(Mode mode) {
        return switch (mode) {
            case NONE -> List.of();
            case TRAIN -> List.of("-XX:AOTCacheOutput=" + training);
            case USE -> List.of("-XX:AOTCache=" + cache);
        };
    }

    /**
     * After a training run: the JVM has written the cache if it exited gracefully; it becomes the service's cache and
     * older ones (other builds or JDKs) go. A killed run leaves a partial file, which is removed.
     */
    void finish(boolean stoppedGracefully) {
        try {
            if (stoppedGracefully && Files.isRegularFile(training) && Files.size(training) > 0) {
                Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (Stream<Path> others = Files.list(directory)) {
                    for (Path other : others.filter(f -> f.toString().endsWith(".aot") && !f.equals(cache) && !TRAINING.contains(f)).toList()) {
                        Files.deleteIfExists(other);
                    }
                }
            } else {
                Files.deleteIfExists(training);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TRAINING.remove(training);
        }
    }
}
