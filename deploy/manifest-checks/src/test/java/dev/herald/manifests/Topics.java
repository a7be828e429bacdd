package dev.herald.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics of the system with their partition counts and configuration, read from deploy/test-infra's TopicSpec
 * source (no build output needed, and a mutated copy of the repository is read as it is).
 */
final class Topics {

    static final String SOURCE = "deploy/test-infra/src/main/java/dev/herald/infra/TopicSpec.java";
    private static final Pattern ENTRY = Pattern.compile("new TopicSpec\\(\"([^\"]+)\",\\s*(\\d+),\\s*(\\w+)\\)");
    private static final Pattern CONFIG = Pattern.compile("(\\w+)\\s*=\\s*Map\\.of\\(([^;]*)\\);");
    private static final Pattern PAIR = Pattern.compile("\"([^\"]+)\",\\s*\"([^\"]*)\"");

    /** One topic as TopicSpec declares it. */
    record Topic(int partitions, Map<String, String> config) {
    }

    private Topics() {
    }

    static Map<String, Integer> partitions(Path repo) {
        Map<String, Integer> partitions = new TreeMap<>();
        specs(repo).forEach((name, topic) -> partitions.put(name, topic.partitions()));
        return partitions;
    }

    static Map<String, Topic> specs(Path repo) {
        String source;
        try {
            source = Files.readString(repo.resolve(SOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        Matcher config = CONFIG.matcher(source);
        while (config.find()) {
            Map<String, String> entries = new TreeMap<>();
            Matcher pair = PAIR.matcher(config.group(2));
            while (pair.find()) {
                entries.put(pair.group(1), pair.group(2));
            }
            configs.put(config.group(1), entries);
        }
        Map<String, Topic> topics = new TreeMap<>();
        Matcher matcher = ENTRY.matcher(source);
        while (matcher.find()) {
            Map<String, String> topicConfig = configs.get(matcher.group(3));
            if (topicConfig == null) {
                throw new IllegalStateException(SOURCE + ": no Map.of constant " + matcher.group(3) + " for " + matcher.group(1));
            }
            topics.put(matcher.group(1), new Topic(Integer.parseInt(matcher.group(2)), topicConfig));
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException(SOURCE + " lists no topic: has its format changed?");
        }
        return topics;
    }
}
