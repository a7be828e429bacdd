package dev.herald.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topics of the system with their partition counts, read from deploy/test-infra's TopicSpec source (no build output needed). */
final class Topics {

    static final String SOURCE = "deploy/test-infra/src/main/java/dev/herald/infra/TopicSpec.java";
    private static final Pattern ENTRY = Pattern.compile("new TopicSpec\\(\"([^\"]+)\",\\s*(\\d+)\\)");

    private Topics() {
    }

    static Map<String, Integer> partitions(Path repo) {
        Map<String, Integer> topics = new TreeMap<>();
        try {
            Matcher matcher = ENTRY.matcher(Files.readString(repo.resolve(SOURCE)));
            while (matcher.find()) {
                topics.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException(SOURCE + " lists no topic: has its format changed?");
        }
        return topics;
    }
}
