package dev.herald.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the files the checks read, in a temporary directory, with one deliberate mistake written into it. */
final class MutatedCopy {

    private static final List<String> CHECKED_PATHS = List.of("deploy/k8s", "deploy/compose", "docker-compose.yml", Topics.SOURCE,
            "libs/service-defaults/src/main", "attendees-service/src/main", "content-service/src/main", "feed-service/src/main");

    private final Path root;

    private MutatedCopy(Path root) {
        this.root = root;
    }

    static MutatedCopy of(Path repo, Path target) {
        for (String path : CHECKED_PATHS) {
            copy(repo.resolve(path), target.resolve(path));
        }
        return new MutatedCopy(target);
    }

    /** Replaces the first occurrence of text in file, failing if it is not there (a mutation must apply). */
    MutatedCopy replace(String file, String text, String replacement) {
        Path path = root.resolve(file);
        try {
            String content = Files.readString(path);
            if (!content.contains(text)) {
                throw new IllegalArgumentException(file + " does not contain '" + text + "'");
            }
            Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(text), java.util.regex.Matcher.quoteReplacement(replacement)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path root() {
        return root;
    }

    private static void copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(file, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
